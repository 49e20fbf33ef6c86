import { useI18n } from '../i18n';

/** How many replications an experiment runs: 2 … `max` (the server's limit for that experiment). */
export function ReplicationsField({
  value,
  onChange,
  max,
  testid,
}: {
  value: number;
  onChange(next: number): void;
  max: number;
  testid: string;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t('compareReplications')}
      <input
        type="number"
        min={2}
        max={max}
        value={value}
        onChange={(e) => onChange(Math.max(2, Math.min(max, Number(e.target.value) || 2)))}
        data-testid={testid}
      />
    </label>
  );
}
