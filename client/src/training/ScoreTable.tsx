import type { SeatScore } from '@hotline-sim/shared';
import { useI18n, type MessageKey } from '../i18n';
import { TableHead } from '../components';

const CLASS: Record<string, MessageKey> = {
  critical: 'classCritical',
  essential: 'classEssential',
  'non-critical': 'classNonCritical',
};

/** A seat's rubric: each item with its class, value and pass mark; passed or not overall. */
export function ScoreTable({ score }: { score: SeatScore }) {
  const { t, pick, fmt } = useI18n();
  return (
    <div data-testid="seat-score">
      <p>
        <strong className={score.passed ? 'ok' : 'error'} data-testid="score-passed">
          {score.passed ? t('seatPassed') : t('seatFailed')}
        </strong>{' '}
        <span className="muted" data-testid="score-counts">
          {t('decidedCount', { decided: score.decided, correct: score.correct })}
        </span>
      </p>
      <table className="training-table">
        <TableHead columns={['item', 'itemClass', 'itemValue', 'itemMark', 'colPassed']} />
        <tbody>
          {score.items.map((i) => (
            <tr key={i.id} data-testid={`score-item-${i.id}`}>
              <td>{pick(i)}</td>
              <td>{t(CLASS[i.class] ?? 'classNonCritical')}</td>
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
