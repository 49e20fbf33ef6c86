import { LEVERS, VIOTE_DRIVERS, type Lever, type VioteDriver } from '@hotline-sim/shared';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { DISPATCH_MODES, getPath, LEVER_INPUTS, setPath } from './lever-values';

const MODE_LABELS = {
  tiered: { zh: '逐级派单', en: 'Tiered (via the district)' },
  direct: { zh: '直派街乡', en: 'Direct to the street' },
  smart: { zh: '智能派单', en: 'Smart (auto-classified)' },
} as const;

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
  const input = LEVER_INPUTS[lever.path] ?? 'json';
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
    case 'mode':
      control = (
        <select
          id={id}
          aria-describedby={explainId}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{t('leverNotSet')}</option>
          {DISPATCH_MODES.map((m) => (
            <option key={m} value={m}>
              {pick(MODE_LABELS[m])}
            </option>
          ))}
        </select>
      );
      break;
    case 'integer':
    case 'share':
      control = (
        <input
          id={id}
          aria-describedby={explainId}
          disabled={disabled}
          type="number"
          min={input === 'share' ? 0 : input === 'integer' && lever.path === 'intake.agents' ? 1 : 0}
          max={input === 'share' ? 1 : undefined}
          step={input === 'share' ? 0.01 : 1}
          placeholder={t('leverNotSet')}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
      break;
    case 'json':
      control = (
        <JsonLever id={id} describedBy={explainId} value={value} disabled={disabled} onChange={onChange} />
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

function JsonLever({
  id,
  describedBy,
  value,
  disabled,
  onChange,
}: {
  id: string;
  describedBy: string;
  value: unknown;
  disabled: boolean;
  onChange(value: unknown): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  const [invalid, setInvalid] = useState(false);
  return (
    <span className="json-lever">
      <input
        id={id}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        disabled={disabled}
        className="mono"
        placeholder={t('leverNotSet')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setInvalid(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid && <span className="error small">{t('leverInvalid')}</span>}
    </span>
  );
}
