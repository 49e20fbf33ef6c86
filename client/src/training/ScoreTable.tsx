import type { SeatScore } from '@hotline-sim/shared';
import { useI18n } from '../i18n';
import { useTrainingT, type TrainingKey } from './messages';

const CLASS: Record<string, TrainingKey> = {
  critical: 'classCritical',
  essential: 'classEssential',
  'non-critical': 'classNonCritical',
};

/** A seat's rubric: each item with its class, value and pass mark; passed or not overall. */
export function ScoreTable({ score }: { score: SeatScore }) {
  const tt = useTrainingT();
  const { pick, fmt } = useI18n();
  return (
    <div data-testid="seat-score">
      <p>
        <strong className={score.passed ? 'ok' : 'error'} data-testid="score-passed">
          {score.passed ? tt('seatPassed') : tt('seatFailed')}
        </strong>{' '}
        <span className="muted" data-testid="score-counts">
          {tt('decidedCount', { decided: score.decided, correct: score.correct })}
        </span>
      </p>
      <table className="training-table">
        <thead>
          <tr>
            <th>{tt('item')}</th>
            <th>{tt('itemClass')}</th>
            <th>{tt('itemValue')}</th>
            <th>{tt('itemMark')}</th>
            <th>{tt('colPassed')}</th>
          </tr>
        </thead>
        <tbody>
          {score.items.map((i) => (
            <tr key={i.id} data-testid={`score-item-${i.id}`}>
              <td>{pick(i)}</td>
              <td>{tt(CLASS[i.class] ?? 'classNonCritical')}</td>
              <td className="num">
                {i.id === 'time-to-decide' ? fmt.number(i.value, 1) : fmt.percent(i.value, 0)}{' '}
                <span className="muted small">
                  ({i.met}/{i.cases})
                </span>
              </td>
              <td className="num">
                {i.id === 'time-to-decide'
                  ? `≤ ${fmt.number(i.threshold, 0)}`
                  : `${i.id === 'returns-caused' ? '≤' : '≥'} ${fmt.percent(i.threshold, 0)}`}
              </td>
              <td>{i.passed ? '✓' : '✗'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
