import type { ProgressItem, TraineeProgress } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { errorText, libraryApi } from '../../api';
import { EmptyNote, ErrorNote } from '../../components';
import { useI18n } from '../../i18n';
import { DIFFICULTY_LABELS } from '../format';
import { ProgressChart } from './ProgressChart';

/**
 * A trainee's progress over the exercises they finished (the seat name follows them from exercise to
 * exercise): each rubric item's values in a chart and a table with the trend, and the certificate to
 * print (PDF, or the page it is printed from) in either language.
 */
export function ProgressView() {
  const { t, lang, pick, fmt } = useI18n();
  const [seats, setSeats] = useState<string[]>([]);
  const [seat, setSeat] = useState('');
  const [progress, setProgress] = useState<TraineeProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    libraryApi.results().then(
      (results) => {
        const names = [...new Set(results.map((r) => r.seat))].sort();
        setSeats(names);
        setSeat((s) => s || (names[0] ?? ''));
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, []);
  useEffect(() => {
    if (!seat) return;
    libraryApi.progress(seat).then(setProgress, (err: unknown) => setError(errorText(err)));
  }, [seat]);

  const value = (i: ProgressItem, v: number) =>
    i.id === 'time-to-decide' ? v.toFixed(1) : fmt.percent(v, 0);
  const trend = (i: ProgressItem) =>
    !i.trend
      ? '–'
      : i.trend.change === 0
        ? `→ ${t('progSame')}`
        : `${i.trend.change > 0 ? '↑' : '↓'} ${t(i.trend.better ? 'progBetter' : 'progWorse')}`;

  return (
    <section className="panel training-progress" data-testid="trainee-progress">
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      <h2>{t('progTitle')}</h2>
      {seats.length === 0 ? (
        <EmptyNote>{t('progNone')}</EmptyNote>
      ) : (
        <label>
          {t('progTrainee')}{' '}
          <select value={seat} onChange={(e) => setSeat(e.target.value)} data-testid="progress-seat">
            {seats.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      {progress && progress.seat === seat && (
        <>
          <p className="small">
            <a
              href={libraryApi.certificateUrl(seat, lang, 'pdf')}
              target="_blank"
              rel="noreferrer"
              data-testid="certificate-pdf"
            >
              {t('progCertificatePdf')}
            </a>{' '}
            ·{' '}
            <a href={libraryApi.certificateUrl(seat, lang, 'html')} target="_blank" rel="noreferrer">
              {t('progCertificatePage')}
            </a>
          </p>
          <ProgressChart progress={progress} />
          <table className="training-table" data-testid="progress-items">
            <thead>
              <tr>
                <th>{t('progItem')}</th>
                {progress.runs.map((r, n) => (
                  <th
                    key={r.runId}
                    title={`${r.name} · ${t(DIFFICULTY_LABELS[r.difficulty ?? 'intermediate'])}`}
                  >
                    #{n + 1}
                  </th>
                ))}
                <th>{t('progMark')}</th>
                <th>{t('progTrend')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.items.map((i) => (
                <tr key={i.id} data-item={i.id}>
                  <td>{pick(i)}</td>
                  {i.values.map((v, n) => (
                    <td key={n} className="num">
                      {v === null ? '' : value(i, v)}
                    </td>
                  ))}
                  <td className="num">
                    {i.higherIsBetter ? '≥' : '≤'} {value(i, i.threshold)}
                  </td>
                  <td>{trend(i)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ol className="small muted">
            {progress.runs.map((r) => (
              <li key={r.runId}>
                {r.name} · {r.finishedAt.slice(0, 16).replace('T', ' ')} ·{' '}
                {t(r.passed ? 'progPassed' : 'progFailed')}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
