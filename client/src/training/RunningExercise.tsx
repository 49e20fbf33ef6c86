import type { RunInfo, SeatSummary } from '@hotline-sim/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, trainingApi } from '../api';
import { ErrorNote, NumberField, TableHead } from '../components';
import { useI18n } from '../i18n';
import { vclock } from './format';
import { ScheduleEditor } from './ScheduleEditor';
import { SeatByRole } from './roles/SeatByRole';

/**
 * The exercise being run: its status and clock, pause, resume, stop and speed, every seat at a
 * glance, the script of injects (ScheduleEditor), a message to one seat or all, and a seat watched live.
 */
export function RunningExercise({ runId }: { runId: string }) {
  const { t, fmt } = useI18n();
  const [run, setRun] = useState<RunInfo | null>(null);
  const [seats, setSeats] = useState<SeatSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [watch, setWatch] = useState<string | null>(null);
  const [speed, setSpeed] = useState('60');
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState<string | null>(null);

  const poll = useCallback(() => {
    api.run(runId).then(setRun, (err: unknown) => setError(errorText(err)));
    trainingApi.seats(runId).then(
      (s) => {
        setSeats(s);
        setError(null);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [runId]);
  useEffect(() => {
    poll();
    const timer = window.setInterval(poll, 2000);
    return () => window.clearInterval(timer);
  }, [poll]);

  const act = async (what: () => Promise<unknown>, done?: string) => {
    try {
      await what();
      if (done) setNote(done);
      poll();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const ended = run?.status === 'finished' || run?.status === 'stopped';
  return (
    <section className="panel" data-testid="running-exercise">
      <div className="panel-head">
        <h2>{t('exRunning', { run: runId.slice(0, 8) })}</h2>
        {run && (
          <span data-testid="console-status">
            {t(
              run.status === 'running'
                ? 'statusRunning'
                : run.status === 'paused'
                  ? 'statusPaused'
                  : run.status === 'finished'
                    ? 'statusFinished'
                    : 'statusStopped',
            )}{' '}
            · {vclock(run.virtualTime)} · {t('speedValue', { x: fmt.number(run.speed) })}
          </span>
        )}
      </div>
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      {note && (
        <p className="muted" role="status" data-testid="console-note">
          {note}
        </p>
      )}
      {!ended && (
        <div className="controls">
          <button
            type="button"
            onClick={() => void act(() => api.resume(runId))}
            data-testid="console-resume"
          >
            {t('resume')}
          </button>
          <button type="button" onClick={() => void act(() => api.pause(runId))} data-testid="console-pause">
            {t('pause')}
          </button>
          <button type="button" onClick={() => void act(() => api.stop(runId))} data-testid="console-stop">
            {t('stop')}
          </button>
          <NumberField
            label={t('speed')}
            min={0.5}
            max={10000}
            value={speed}
            onChange={setSpeed}
            style={{ width: '6em' }}
            testid="console-speed"
          />
          <button
            type="button"
            onClick={() => void act(() => api.speed(runId, Number(speed)))}
            data-testid="console-speed-set"
          >
            ✓
          </button>
        </div>
      )}
      <table className="training-table" data-testid="seats-glance">
        <TableHead
          columns={[
            'colSeat',
            'colWaiting',
            'colDecided',
            'colTimedOut',
            'colAccuracy',
            'colMeanMinutes',
            'colPassed',
          ]}
          actions
        />
        <tbody>
          {seats.map((s) => (
            <tr key={s.seat} data-testid={`glance-${s.seat}`}>
              <td>{s.seat}</td>
              <td className="num">{s.waiting}</td>
              <td className="num" data-testid="glance-decided">
                {s.decided}
              </td>
              <td className="num">{s.timedOut}</td>
              <td className="num">{s.accuracy === null ? '—' : fmt.percent(s.accuracy, 0)}</td>
              <td className="num">
                {s.meanMinutesToDecide === null ? '—' : fmt.number(s.meanMinutesToDecide, 1)}
              </td>
              <td>{s.passed ? '✓' : '✗'}</td>
              <td>
                <button
                  type="button"
                  aria-pressed={watch === s.seat}
                  onClick={() => setWatch(watch === s.seat ? null : s.seat)}
                  data-testid={`watch-${s.seat}`}
                >
                  {t('watch')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {run && <ScheduleEditor runId={runId} virtualTime={run.virtualTime} ended={ended} />}
      <form
        className="training-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          void act(() => trainingApi.message(runId, text.trim(), to || undefined), t('msgSent')).then(() =>
            setText(''),
          );
        }}
        data-testid="console-message"
      >
        <strong>{t('msgTitle')}</strong>{' '}
        <label>
          {t('msgTo')}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="message-to">
            <option value="">{t('msgAll')}</option>
            {seats.map((s) => (
              <option key={s.seat} value={s.seat}>
                {s.seat}
              </option>
            ))}
          </select>
        </label>{' '}
        <input
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('msgTitle')}
          data-testid="message-text"
        />{' '}
        <button type="submit" data-testid="message-send">
          {t('msgSend')}
        </button>
      </form>
      {watch && <SeatByRole key={watch} runId={runId} seat={watch} ended={ended} />}
    </section>
  );
}
