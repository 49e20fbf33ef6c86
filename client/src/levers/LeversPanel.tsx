import { useI18n } from '../i18n';
import { controlKey, leverGroups } from './lever-controls';
import { getPath, setPath } from './lever-values';
import { LeverField } from './LeverField';

const GROUPS = leverGroups();

/**
 * The scenario's levers grouped by the five VIOTE drivers, each with its one-sentence explanation.
 * Editing one returns a new scenario object (the run is started with it).
 */
export function LeversPanel({
  scenario,
  onChange,
}: {
  scenario: Record<string, unknown>;
  onChange(next: Record<string, unknown>): void;
}) {
  const { t, pick } = useI18n();
  const hasLifecycle = scenario.lifecycle !== undefined;
  return (
    <div className="levers" data-testid="levers">
      <p className="muted small">{hasLifecycle ? t('leversNote') : t('leversIntake')}</p>
      {GROUPS.map((group) => (
        <fieldset key={group.driver} className="lever-group">
          <legend>{pick(group.heading)}</legend>
          {group.controls.map((control) => {
            const key = controlKey(control);
            return (
              <LeverField
                key={key}
                control={control}
                valueOf={(path) => getPath(scenario, path)}
                disabled={!hasLifecycle && key.startsWith('lifecycle.')}
                onChange={(path, value) => onChange(setPath(scenario, path, value))}
              />
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
