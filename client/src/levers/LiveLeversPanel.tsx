import type { RunInfo } from '@hotline-sim/shared';
import { memo, useCallback, useState } from 'react';
import { ApiError, errorText } from '../api';
import { EmptyNote, ErrorNote } from '../components';
import { useKeyedState } from '../hooks';
import { useI18n } from '../i18n';
import { useCanControl } from '../session';
import { controlKey, controlLevers, leverGroups } from './lever-controls';
import { leverChangeText } from './lever-format';
import { changeLabel, type HeldLeverChange } from './lever-history';
import { LeverField } from './LeverField';
import type { LiveLevers } from './use-run-levers';

const GROUPS = leverGroups();
const NO_DRAFT: Record<string, unknown> = {};

/**
 * A live run's levers by VIOTE driver with their current values, and the changes so far. An
 * instructor edits levers into a draft (kept per run) and applies it after reading what will change
 * (from → to); observers see the values read-only.
 */
export function LiveLeversPanel({ run, levers }: { run: RunInfo; levers: LiveLevers }) {
  const { t, pick, fmt } = useI18n();
  const canControl = useCanControl();
  const [draft, setDraft] = useKeyedState(run.id, NO_DRAFT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const { history, loadError } = levers;
  const values = history?.values;
  const over = run.status === 'finished' || run.status === 'stopped';

  const edit = useCallback(
    (path: string, value: unknown) => {
      setError(null);
      setApplied(null);
      setDraft((d) => {
        const { [path]: _, ...rest } = d;
        return value === undefined || value === values?.[path] ? rest : { ...rest, [path]: value };
      });
    },
    [values, setDraft],
  );

  if (loadError) return <ErrorNote message={t('leversLoadError', { message: loadError })} />;
  if (!history || !values) return <EmptyNote>{t('loading')}</EmptyNote>;
  const pending = Object.entries(draft);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const at = await levers.apply(draft);
      setDraft(NO_DRAFT);
      setApplied(at);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 409
          ? t('leverRunOver')
          : t('leverRefused', { message: errorText(err) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="levers live-levers" data-testid="live-levers">
      <p className="muted small">
        {!canControl ? t('leversReadOnly') : over ? t('leverRunOver') : t('leversLiveNote')}
      </p>
      <LeverGroups values={values} draft={draft} locked={!canControl || over || busy} onChange={edit} />
      <h3>{t('leverChangesTitle')}</h3>
      <ChangeList changes={history.changes} start={run.start} />
      {/* Last in the panel and sticky: in view beside the field being edited, however far scrolled. */}
      <div className="lever-pending">
        {pending.length > 0 && (
          <div
            className="lever-confirm"
            role="group"
            aria-label={t('leverConfirmTitle')}
            data-testid="lever-confirm"
          >
            <p className="note-title">{t('leverConfirmTitle')}</p>
            <ul>
              {pending.map(([path, to]) => (
                <li key={path}>
                  {pick(leverChangeText(path, values[path], to, Object.hasOwn(values, path)))}
                </li>
              ))}
            </ul>
            <p className="muted small">
              {t('leverConfirmWhen', { at: fmt.virtual(run.start, run.virtualTime) })}
            </p>
            <div className="lever-confirm-buttons">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void confirm()}
                data-testid="lever-apply"
              >
                {t('leverApply')}
              </button>
              <button type="button" disabled={busy} onClick={() => setDraft(NO_DRAFT)}>
                {t('leverDiscard')}
              </button>
            </div>
          </div>
        )}
        {error && <ErrorNote message={error} />}
        {applied !== null && pending.length === 0 && (
          <p className="note" role="status">
            {t('leverApplied', { at: fmt.virtual(run.start, applied) })}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * The controls by driver, showing the draft over the run's values. Memoised: the panel re-renders
 * on every live update (the run's clock), the levers only when values or the draft change.
 */
const LeverGroups = memo(function LeverGroups({
  values,
  draft,
  locked,
  onChange,
}: {
  values: Record<string, unknown>;
  draft: Record<string, unknown>;
  locked: boolean;
  onChange(path: string, value: unknown): void;
}) {
  const { pick } = useI18n();
  const valueOf = (path: string) => (Object.hasOwn(draft, path) ? draft[path] : values[path]);
  return GROUPS.map((group) => (
    <fieldset key={group.driver} className="lever-group">
      <legend>{pick(group.heading)}</legend>
      {group.controls.map((control) => (
        <LeverField
          key={controlKey(control)}
          control={control}
          scope="live-lever"
          valueOf={valueOf}
          // A lever the run does not have (an intake-only run's lifecycle) cannot be changed either.
          disabled={locked || controlLevers(control).some((l) => values[l.path] === undefined)}
          onChange={onChange}
        />
      ))}
    </fieldset>
  ));
});

/** The changes so far, newest first, with their virtual time and source. */
const ChangeList = memo(function ChangeList({
  changes,
  start,
}: {
  changes: readonly HeldLeverChange[];
  start: string;
}) {
  const { t, pick, fmt } = useI18n();
  if (changes.length === 0) return <p className="muted small">{t('leverNoChanges')}</p>;
  return (
    <ol className="lever-changes" data-testid="lever-changes">
      {[...changes].reverse().map((c, i) => (
        <li key={`${c.at}-${i}`}>
          <span className="muted small">
            {fmt.virtual(start, c.at)} ·{' '}
            {t(c.source === 'timeline' ? 'leverSourceTimeline' : 'leverSourceInstructor')}
          </span>{' '}
          {pick(changeLabel(c))}
        </li>
      ))}
    </ol>
  );
});
