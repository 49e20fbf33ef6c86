import { useI18n, type MessageKey } from '../i18n';
import { useCanControl } from '../session';

/**
 * An experiment form's submit button, with why it cannot run yet (`hint`) and, for anyone but the
 * instructor, that the page is read-only. Disabled while an experiment runs.
 */
export function RunButton({
  label,
  testid,
  blocked,
  running,
  hint,
}: {
  label: MessageKey;
  testid: string;
  /** The form is not ready (same scenario twice, values not numbers …). */
  blocked: boolean;
  running: boolean;
  hint?: string | null;
}) {
  const { t } = useI18n();
  const canControl = useCanControl();
  return (
    <>
      <button
        type="submit"
        className="primary"
        disabled={!canControl || blocked || running}
        data-testid={testid}
      >
        {t(label)}
      </button>
      {hint && <span className="muted small">{hint}</span>}
      {!canControl && <span className="muted small">{t('readOnly')}</span>}
    </>
  );
}
