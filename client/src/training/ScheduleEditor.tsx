import { CITY_UNITS, type Inject, type RunSchedule } from '@hotline-sim/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, trainingApi, errorText } from '../api';
import { useI18n } from '../i18n';
import { vclock, vspan } from './format';
import { InjectFields, injectLabel } from '../controls/InjectFields';
import { TableHead } from '../components';

const HOUR = 3600;

/** What an inject does, in a few words: its figures and how long it lasts. */
function useInjectSummary(): (inject: Inject) => string {
  const { t, pick, fmt } = useI18n();
  return (inject) => {
    const what = t(injectLabel(inject) ?? 'inject');
    const hours = t('schedLasts', { hours: fmt.number(inject.hours ?? 0, 2) });
    switch (inject.kind) {
      case 'surge':
      case 'heating-start':
        return `${what} ×${fmt.number(inject.factor ?? 0, 1)} · ${hours}`;
      case 'outage': {
        const unit = CITY_UNITS.find((u) => u.id === inject.unitId);
        return `${what}: ${unit ? pick(unit) : inject.unitId} · ${hours}`;
      }
      default:
        return `${what}: ${fmt.number(inject.count)} · ${hours}`;
    }
  };
}

/**
 * The running exercise's injects: the script to come (the run's schedule), each with its time and a
 * countdown in virtual time, to change, delete or fire now; one form to fire an inject now or add it
 * to the script at its hour; and what has fired.
 * The server checks every change (a time before the run's clock is refused with the reason).
 */
export function ScheduleEditor({
  runId,
  virtualTime,
  ended,
}: {
  runId: string;
  virtualTime: number;
  ended: boolean;
}) {
  const { t } = useI18n();
  const summary = useInjectSummary();
  const [schedule, setSchedule] = useState<RunSchedule | null>(null);
  const [editing, setEditing] = useState<{ id: string; inject: Inject } | null>(null);
  const nextHour = Math.floor(virtualTime / HOUR) + 1;
  const [draft, setDraft] = useState<Inject>({
    kind: 'emergency-batch',
    atHours: nextHour,
    hours: 0.5,
    count: 6,
  });
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(() => {
    trainingApi
      .schedule(runId)
      .then(setSchedule, (err: unknown) => setStatus({ text: errorText(err), error: true }));
  }, [runId]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, 2000);
    return () => window.clearInterval(timer);
  }, [load]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      setStatus({ text: done, error: false });
      setEditing(null);
    } catch (err) {
      setStatus({ text: errorText(err), error: true });
    }
    load();
  };

  return (
    <section className="training-schedule" data-testid="schedule-editor" aria-labelledby="schedule-title">
      <h3 id="schedule-title">{t('schedTitle')}</h3>
      {status && (
        <p
          className={status.error ? 'error' : 'muted'}
          role={status.error ? 'alert' : 'status'}
          data-testid="schedule-status"
        >
          {status.error ? t('errorPrefix', { message: status.text }) : status.text}
        </p>
      )}
      {!schedule ? (
        <p className="muted">{t('loading')}</p>
      ) : schedule.scheduled.length === 0 ? (
        <p className="muted" data-testid="schedule-empty">
          {ended ? t('schedEndedEmpty') : t('schedEmpty')}
        </p>
      ) : (
        <table className="training-table">
          <TableHead columns={['schedAt', 'schedIn', 'schedWhat']} actions />
          <tbody>
            {schedule.scheduled.map((entry) => (
              <tr key={entry.id} data-testid="schedule-row" data-entry={entry.id}>
                <td className="mono">{vclock(entry.at)}</td>
                <td className="num mono">{vspan(entry.at - virtualTime)}</td>
                <td>
                  {editing?.id === entry.id ? (
                    <InjectFields
                      inject={editing.inject}
                      withHour
                      testid="sched-edit"
                      onChange={(inject) => setEditing({ id: entry.id, inject })}
                    />
                  ) : (
                    summary(entry.inject)
                  )}
                </td>
                <td className="training-actions">
                  {ended ? null : editing?.id === entry.id ? (
                    <>
                      <button
                        type="button"
                        className="primary"
                        onClick={() =>
                          void act(
                            () => trainingApi.updateScheduled(runId, entry.id, editing.inject),
                            t('schedSaved'),
                          )
                        }
                        data-testid="schedule-save"
                      >
                        {t('schedSave')}
                      </button>{' '}
                      <button type="button" onClick={() => setEditing(null)}>
                        {t('schedCancel')}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        onClick={() => setEditing({ id: entry.id, inject: entry.inject })}
                        data-testid="schedule-edit"
                      >
                        {t('schedEdit')}
                      </button>{' '}
                      <button
                        type="button"
                        onClick={() =>
                          void act(
                            () => trainingApi.fireScheduled(runId, entry.id),
                            t('schedFiredNow', { what: summary(entry.inject) }),
                          )
                        }
                        data-testid="schedule-fire"
                      >
                        {t('schedFireNow')}
                      </button>{' '}
                      <button
                        type="button"
                        onClick={() =>
                          void act(
                            () => trainingApi.removeScheduled(runId, entry.id),
                            t('schedDeleted', { what: summary(entry.inject) }),
                          )
                        }
                        data-testid="schedule-delete"
                      >
                        {t('exRemove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!ended && (
        <form
          className="training-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () => trainingApi.scheduleInject(runId, draft),
              t('schedAdded', { at: vclock(draft.atHours * HOUR) }),
            );
          }}
          data-testid="schedule-add"
        >
          <InjectFields inject={draft} onChange={setDraft} withHour testid="sched-new" />{' '}
          <button type="submit" data-testid="schedule-add-submit">
            {t('schedAdd')}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              void act(
                () => api.inject(runId, draft),
                t('injectDone', { what: t(injectLabel(draft) ?? 'inject') }),
              )
            }
            data-testid="schedule-fire-new"
          >
            {t('schedFireNow')}
          </button>
        </form>
      )}
      <h4>{t('schedFired')}</h4>
      {!schedule || schedule.fired.length === 0 ? (
        <p className="muted">{t('schedNoneFired')}</p>
      ) : (
        <ul className="training-list" data-testid="schedule-fired">
          {schedule.fired.map((f, n) => (
            <li key={`${f.at}-${n}`} data-testid="fired-row">
              <span className="mono">{vclock(f.at)}</span> · {summary(f.inject)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
