import { useI18n } from '../i18n';
import { download } from './compare-export';

/**
 * A result's export buttons: its data as `${name}.csv` and its chart as `${name}.png`, both made
 * when clicked (not on every render).
 */
export function ExportButtons({
  name,
  csv,
  png,
  testIds,
}: {
  name: string;
  csv(): string;
  /** The chart as PNG; nothing is saved when there is no chart (undefined) or it cannot be drawn (null). */
  png(): Promise<Blob | null> | undefined;
  testIds: { csv: string; png: string };
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button
        type="button"
        onClick={() => download(`${name}.csv`, new Blob([csv()], { type: 'text/csv' }))}
        data-testid={testIds.csv}
      >
        {t('exportCsv')}
      </button>
      <button
        type="button"
        onClick={() => void png()?.then((blob) => blob && download(`${name}.png`, blob))}
        data-testid={testIds.png}
      >
        {t('exportPng')}
      </button>
    </div>
  );
}
