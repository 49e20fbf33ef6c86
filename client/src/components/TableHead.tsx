import { useI18n, type MessageKey } from '../i18n';

/** A table's header row: a column per label; `actions` adds an empty last column (for buttons). */
export function TableHead({
  columns,
  actions = false,
}: {
  columns: readonly MessageKey[];
  actions?: boolean;
}) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c}>{t(c)}</th>
        ))}
        {actions && <th />}
      </tr>
    </thead>
  );
}
