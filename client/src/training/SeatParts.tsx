import type { SeatView } from '@hotline-sim/shared';
import { useI18n } from '../i18n';

/** What a seat's last decision came to: sent, or why not. */
export interface SeatStatus {
  text: string;
  error: boolean;
}

/** The line under a seat's form that says what became of the last decision. */
export function DecisionStatus({ status }: { status: SeatStatus | null }) {
  if (!status) return null;
  return (
    <p
      className={status.error ? 'error' : 'muted'}
      role={status.error ? 'alert' : 'status'}
      data-testid="decision-status"
    >
      {status.text}
    </p>
  );
}

/** The instructor's messages to a seat, oldest first, each with the wall time it was sent. */
export function SeatMessages({ messages }: { messages: SeatView['messages'] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <h3>{t('seatMessages')}</h3>
      {messages.length === 0 ? (
        <p className="muted small">{t('seatNoMessages')}</p>
      ) : (
        <ul className="training-list" data-testid="seat-messages">
          {messages.map((m) => (
            <li key={`${m.sentAt}-${m.text}`}>
              <span className="muted small">
                {new Date(m.sentAt).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
              </span>{' '}
              {m.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
