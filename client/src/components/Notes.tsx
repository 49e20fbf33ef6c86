import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** An error that says what happened and offers the next step. */
export function ErrorNote({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="note error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** An empty state: what is missing and what to do about it. */
export function EmptyNote({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="note empty">
      {title && <p className="note-title">{title}</p>}
      {children}
    </div>
  );
}
