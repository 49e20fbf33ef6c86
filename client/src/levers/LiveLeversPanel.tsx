import type { RunInfo } from '@hotline-sim/shared';
import { useState } from 'react';
import { ApiError, errorText } from '../api';
import { EmptyNote, ErrorNote } from '../components';
import { useI18n } from '../i18n';
import { useCanControl } from '../session';
import { controlKey, controlLevers, leverGroups } from './lever-controls';
import { leverChangeText } from './lever-format';
import { changeLabel } from './lever-history';
import { LeverField } from './LeverField';
import type { RunLevers } from './use-run-levers';

const GROUPS = leverGroups();

/**
 * A live run's levers by VIOTE driver with their current values, and the changes so far. An
 * instructor edits levers into a draft and applies it after reading what will change (from → to);
 * observers see the values read-only.
 */
export function LiveLeversPanel({ run, levers }: { run: RunInfo; levers: RunLevers }) {
  const { t, pick, fmt } = useI18n();
  const canControl = useCanControl();
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const { history, loadError } = levers;
  const over = run.status === 'finished' || run.status === 'stopped';

  if (loadError) return <ErrorNote message={t('leversLoadError', { message: loadError })} />;
  if (!history) return <EmptyNote>{t('loading')}</EmptyNote>;
  const { values } = history;
  const pending = Object.entries(draft);

  const edit = (path: string, value: unknown) => {
    setError(null);
    setApplied(null);
    setDraft((d) => {
      const { [path]: _, ...rest } = d;
      return value === undefined || value === values[path] ? rest : { ...rest, [path]: value };
    });
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const at = await levers.apply(draft);
      setDraft({});
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
              <li key={path}>{pick(leverChangeText(path, values[path], to, Object.hasOwn(values, path)))}</li>
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
            <button type="button" disabled={busy} onClick={() => setDraft({})}>
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
      {GROUPS.map((group) => (
        <fieldset key={group.driver} className="lever-group">
          <legend>{pick(group.heading)}</legend>
          {group.controls.map((control) => (
            <LeverField
              key={controlKey(control)}
              control={control}
              valueOf={(path) => (Object.hasOwn(draft, path) ? draft[path] : values[path])}
              // A lever the run does not have (an intake-only run's lifecycle) cannot be changed either.
              disabled={
                !canControl ||
                over ||
                busy ||
                controlLevers(control).some((l) => values[l.path] === undefined)
              }
              onChange={edit}
            />
          ))}
        </fieldset>
      ))}
      <h3>{t('leverChangesTitle')}</h3>
      {history.changes.length === 0 ? (
        <p className="muted small">{t('leverNoChanges')}</p>
      ) : (
        <ol className="lever-changes" data-testid="lever-changes">
          {[...history.changes].reverse().map((c, i) => (
            <li key={`${c.at}-${i}`}>
              <span className="muted small">
                {fmt.virtual(run.start, c.at)} ·{' '}
                {t(c.source === 'timeline' ? 'leverSourceTimeline' : 'leverSourceInstructor')}
              </span>{' '}
              {pick(changeLabel(c))}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
