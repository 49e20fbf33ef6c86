import { useEffect, useMemo, useRef, useState } from 'react';
import { injectLabel } from '../controls/InjectFields';
import { useKeyedState } from '../hooks';
import { useI18n } from '../i18n';
import { errorText, trainingApi } from '../api';
import { CheckField, ErrorNote, TableHead } from '../components';
import { DecisionSteps } from './DecisionSteps';
import { consequenceText, decisionText, vclock } from './format';
import { ExerciseRunSelect, useExerciseRuns } from './ExerciseRunSelect';
import { replayEnd, replayRows } from './replay';
import { RoleRows, roleTimes } from './roles/RoleRows';
import { ScoreTable } from './ScoreTable';
import { useUnits } from './use-units';
import { DIFFICULTY, type HotWash } from '@hotline-sim/shared';

const SPEEDS = [1, 10, 60, 600] as const;

/**
 * After-action review of an exercise run: the hot wash (per trainee: passed, strengths, misses,
 * rubric) and a replay: a scrubber over virtual time, played at ×1 … ×600, listing each trainee's
 * decisions (with their steps: type, 协办, the order's text as the unit received it, merge) beside
 * the right one with the consequences up to the scrubber's time.
 */
export function ReviewView({ runId, onRun }: { runId: string | null; onRun(id: string | null): void }) {
  const { t } = useI18n();
  const { runs, reload } = useExerciseRuns();
  const [wash, setWash] = useKeyedState<HotWash | null>(runId ?? '', null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!runId) return;
    trainingApi.hotWash(runId).then(
      (w) => {
        setWash(w);
        setError(null);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [runId, setWash]);

  return (
    <div className="training-review" data-testid="review">
      <ExerciseRunSelect runId={runId} onRun={onRun} runs={runs} reload={reload} testid="review-run" />
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      {wash && (
        <>
          <HotWashPanel wash={wash} />
          <Replay wash={wash} />
        </>
      )}
    </div>
  );
}

function HotWashPanel({ wash }: { wash: HotWash }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" data-testid="hot-wash">
      <h2>
        {t('hotWash')}: {wash.exercise.name}
      </h2>
      <div className="training-grid">
        {wash.trainees.map((tr) => (
          <div key={tr.seat} data-testid={`wash-${tr.seat}`}>
            <h3>{tr.seat}</h3>
            <h4>{t('strengths')}</h4>
            <ul>
              {tr.strengths.map((s) => (
                <li key={s.en}>{s[lang]}</li>
              ))}
            </ul>
            <h4>{t('misses')}</h4>
            <ul>
              {tr.misses.map((s) => (
                <li key={s.en}>{s[lang]}</li>
              ))}
            </ul>
            <ScoreTable score={tr.score} />
          </div>
        ))}
      </div>
    </section>
  );
}

function Replay({ wash }: { wash: HotWash }) {
  const { t, lang } = useI18n();
  const { units } = useUnits();
  const end = useMemo(
    () =>
      Math.max(
        replayEnd(wash.trainees.map((tr) => tr.score)),
        ...wash.injects.map((f) => f.at + 60),
        ...wash.trainees.flatMap((tr) => roleTimes(tr.score)),
      ),
    [wash],
  );
  const [at, setAt] = useState(end);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(60);
  const [everyOffer, setEveryOffer] = useState(false);
  const hold = DIFFICULTY[wash.exercise.difficulty].holdMinutes * 60;
  const last = useRef<number | null>(null);

  useEffect(() => {
    if (!playing) return;
    last.current = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const dt = (now - (last.current ?? now)) / 1000;
      last.current = now;
      setAt((a) => {
        const next = Math.min(end, a + dt * speed);
        if (next >= end) setPlaying(false);
        return next;
      });
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, end]);

  return (
    <section className="panel" data-testid="replay">
      <h2>{t('replay')}</h2>
      <div className="controls">
        <button
          type="button"
          onClick={() => {
            if (!playing && at >= end) setAt(0);
            setPlaying(!playing);
          }}
          data-testid="replay-play"
        >
          {playing ? t('pauseReplay') : t('play')}
        </button>
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={speed === s}
            onClick={() => setSpeed(s)}
            data-testid={`replay-x${s}`}
          >
            {t('playSpeed', { x: s })}
          </button>
        ))}
        <label>
          {t('scrubber')}{' '}
          <input
            type="range"
            min={0}
            max={end}
            step={60}
            value={at}
            onChange={(e) => {
              setPlaying(false);
              setAt(Number(e.target.value));
            }}
            data-testid="replay-scrubber"
          />
        </label>{' '}
        <output className="mono" data-testid="replay-time">
          {vclock(at)}
        </output>{' '}
        <CheckField checked={everyOffer} onChange={setEveryOffer} testid="replay-every-offer">
          {t('replayEveryOffer')}
        </CheckField>
      </div>
      <h3>{t('replayInjects')}</h3>
      {wash.injects.length === 0 ? (
        <p className="muted small">{t('replayNoInjects')}</p>
      ) : (
        <ul className="training-list" data-testid="replay-injects">
          {wash.injects.map((f, n) => (
            <li
              key={`${f.at}-${n}`}
              className={f.at <= at ? undefined : 'muted'}
              data-testid="replay-inject"
              data-fired={String(f.at <= at)}
            >
              <span className="mono">{vclock(f.at)}</span> · {t(injectLabel(f.inject) ?? 'inject')}
              {f.at > at && ` ${t('notYet')}`}
            </li>
          ))}
        </ul>
      )}
      <table className="training-table" data-testid="replay-table">
        <TableHead columns={['colSeat', 'appeal', 'offeredAt', 'decision', 'truth']} actions />
        <tbody>
          {wash.trainees.flatMap((tr) =>
            replayRows(tr.score.decisions, at, hold, everyOffer).map(
              ({ review: d, decided, timedOut, consequences: shown }) => {
                return (
                  <tr
                    key={`${tr.seat}-${d.appealId}`}
                    data-testid="replay-row"
                    data-seat={tr.seat}
                    data-appeal-id={d.appealId}
                    data-correct={decided ? String(d.correct) : undefined}
                  >
                    <td>{tr.seat}</td>
                    <td>#{d.appealId}</td>
                    <td className="mono">{vclock(d.offeredAt)}</td>
                    <td>
                      {decided ? (
                        <>
                          {decisionText(t, d.decision, units, lang)}{' '}
                          <span className="muted small">({vclock(d.decidedAt ?? 0)})</span>
                          <DecisionSteps review={d} units={units} truth />
                        </>
                      ) : timedOut ? (
                        decisionText(t, null, units, lang)
                      ) : (
                        <span className="muted">{t('notYet')}</span>
                      )}
                      {shown.length > 0 && (
                        <ul>
                          {shown.map((c, n) => (
                            <li key={n} data-testid={`replay-${c.kind}`}>
                              {vclock(c.at)} · {consequenceText(t, c)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{decisionText(t, d.truth, units, lang)}</td>
                    <td className={decided ? (d.correct ? 'ok' : 'error') : 'muted'}>
                      {decided ? (d.correct ? t('correct') : t('wrong')) : ''}
                    </td>
                  </tr>
                );
              },
            ),
          )}
        </tbody>
      </table>
      <RoleRows scores={wash.trainees.map((tr) => tr.score)} at={at} units={units} lang={lang} />
    </section>
  );
}
