import { LEVERS, VIOTE_DRIVERS, type Lever, type VioteDriver } from '@hotline-sim/shared';
import { useI18n } from '../i18n';
import { getPath, leverInput, setPath } from './lever-values';

/** Labels of the choices the catalogue has (dispatch modes); any other choice shows as written. */
const CHOICE_LABELS: Record<string, { zh: string; en: string }> = {
  tiered: { zh: '逐级派单', en: 'Tiered (via the district)' },
  direct: { zh: '直派街乡', en: 'Direct to the street' },
  smart: { zh: '智能派单', en: 'Smart (auto-classified)' },
};

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
  const drivers = Object.keys(VIOTE_DRIVERS) as VioteDriver[];
  return (
    <div className="levers" data-testid="levers">
      <p className="muted small">{hasLifecycle ? t('leversNote') : t('leversIntake')}</p>
      {drivers.map((driver) => {
        const levers = LEVERS.filter((l) => l.driver === driver);
        return (
          <fieldset key={driver} className="lever-group">
            <legend>{pick(VIOTE_DRIVERS[driver])}</legend>
            {levers.map((lever) => (
              <LeverRow
                key={lever.path}
                lever={lever}
                value={getPath(scenario, lever.path)}
                disabled={!hasLifecycle && lever.path.startsWith('lifecycle.')}
                onChange={(v) => onChange(setPath(scenario, lever.path, v))}
              />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

function LeverRow({
  lever,
  value,
  disabled,
  onChange,
}: {
  lever: Lever;
  value: unknown;
  disabled: boolean;
  onChange(value: unknown): void;
}) {
  const { t, pick } = useI18n();
  const input = leverInput(lever);
  const id = `lever-${lever.path.replace(/\./g, '-')}`;
  const explainId = `${id}-explain`;
  let control: React.ReactNode;
  switch (input) {
    case 'boolean':
      control = (
        <select
          id={id}
          aria-describedby={explainId}
          disabled={disabled}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
        >
          <option value="">{t('leverNotSet')}</option>
          <option value="true">{t('leverOn')}</option>
          <option value="false">{t('leverOff')}</option>
        </select>
      );
      break;
    case 'choice':
      control = (
        <select
          id={id}
          aria-describedby={explainId}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{t('leverNotSet')}</option>
          {(lever.choices ?? []).map((c) => {
            const label = CHOICE_LABELS[c];
            return (
              <option key={c} value={c}>
                {label ? pick(label) : c}
              </option>
            );
          })}
        </select>
      );
      break;
    case 'integer':
    case 'share':
    case 'number':
      control = (
        <input
          id={id}
          aria-describedby={explainId}
          disabled={disabled}
          type="number"
          min={input === 'share' ? 0 : input === 'integer' && lever.path === 'intake.agents' ? 1 : 0}
          max={input === 'share' ? 1 : undefined}
          step={input === 'share' ? 0.01 : input === 'integer' ? 1 : 'any'}
          placeholder={t('leverNotSet')}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
      break;
  }
  return (
    <div className="lever">
      <label htmlFor={id} className="lever-name">
        {pick(lever)}
      </label>
      {control}
      <p id={explainId} className="lever-explain">
        {pick(lever.explain)}
      </p>
    </div>
  );
}
