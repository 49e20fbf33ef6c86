import { SLA_CLASSES } from '@hotline-sim/shared';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { controlKey, sliderBounds, type LeverControl } from './lever-controls';
import { CHOICE_LABELS } from './lever-format';
import { fromDisplay, toDisplay, UNIT_LABELS, type LeverUnit } from './lever-units';
import { fieldToLimit, limitToField } from './time-limits';

/** What a lever row needs: each lever's value by path, and where an edit goes (undefined: the default). */
export interface LeverFieldProps {
  control: LeverControl;
  valueOf(path: string): unknown;
  disabled: boolean;
  onChange(path: string, value: unknown): void;
}

const idOf = (path: string) => `lever-${path.replace(/\./g, '-')}`;

/** One lever (or the time limits) as a row: its name, its control, its one-line explanation. */
export function LeverField({ control, valueOf, disabled, onChange }: LeverFieldProps) {
  const { t, pick } = useI18n();
  const key = controlKey(control);
  const id = idOf(key);
  const explainId = `${id}-explain`;
  const first = control.kind === 'timeLimits' ? control.fields[0]?.lever : control.lever;
  if (!first) return null;
  const name = control.kind === 'timeLimits' ? t('leverTimeLimits') : pick(control.lever);
  return (
    <div className="lever" data-testid={`lever-row-${key}`}>
      {control.kind === 'timeLimits' ? (
        <span className="lever-name">{name}</span>
      ) : (
        <label htmlFor={id} className="lever-name">
          {name}
        </label>
      )}
      <div className="lever-control">
        <Control control={control} id={id} explainId={explainId} {...{ valueOf, disabled, onChange }} />
      </div>
      <p id={explainId} className="lever-explain">
        {pick(first.explain)}
      </p>
    </div>
  );
}

function Control({
  control,
  id,
  explainId,
  valueOf,
  disabled,
  onChange,
}: LeverFieldProps & { id: string; explainId: string }) {
  const { t, pick } = useI18n();
  switch (control.kind) {
    case 'switch': {
      const value = valueOf(control.lever.path);
      return (
        <label className="switch">
          <input
            id={id}
            type="checkbox"
            role="switch"
            aria-describedby={explainId}
            disabled={disabled}
            checked={value === true}
            onChange={(e) => onChange(control.lever.path, e.target.checked)}
          />
          <span>{value === undefined ? t('leverNotSet') : value ? t('leverOn') : t('leverOff')}</span>
        </label>
      );
    }
    case 'select': {
      const value = valueOf(control.lever.path);
      return (
        <select
          id={id}
          aria-describedby={explainId}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(control.lever.path, e.target.value || undefined)}
        >
          {typeof value !== 'string' && <option value="">{t('leverNotSet')}</option>}
          {control.choices.map((c) => (
            <option key={c} value={c}>
              {CHOICE_LABELS[c] ? pick(CHOICE_LABELS[c]) : c}
            </option>
          ))}
        </select>
      );
    }
    case 'slider':
    case 'number': {
      const { lever, unit } = control;
      const raw = valueOf(lever.path);
      const shown = typeof raw === 'number' ? toDisplay(unit, raw) : undefined;
      const set = (text: string) =>
        onChange(lever.path, text === '' ? undefined : fromDisplay(unit, Number(text)));
      const [min, max] = control.kind === 'slider' ? sliderBounds(control, shown) : [control.min, undefined];
      return (
        <>
          {control.kind === 'slider' && (
            <input
              type="range"
              aria-label={pick(lever)}
              aria-describedby={explainId}
              disabled={disabled}
              min={min}
              max={max}
              step={control.step}
              value={shown ?? min}
              onChange={(e) => set(e.target.value)}
            />
          )}
          <input
            id={id}
            type="number"
            className="lever-number"
            aria-describedby={explainId}
            disabled={disabled}
            min={control.kind === 'number' || unit === 'share' ? min : undefined}
            max={unit === 'share' ? 100 : undefined}
            step={control.step}
            placeholder={t('leverNotSet')}
            value={shown ?? ''}
            onChange={(e) => set(e.target.value)}
          />
          <UnitLabel unit={unit} />
        </>
      );
    }
    case 'timeLimits':
      return (
        <span className="time-limits">
          {control.fields.map(({ lever, cls, unit }) => {
            const raw = valueOf(lever.path);
            return (
              <label key={cls} className="time-limit" title={pick(lever)}>
                <span>{pick(SLA_CLASSES[cls])}</span>
                <LimitInput
                  id={idOf(lever.path)}
                  explainId={explainId}
                  disabled={disabled}
                  value={typeof raw === 'number' ? limitToField(unit, raw) : undefined}
                  onText={(text) => {
                    const limit = fieldToLimit(unit, text);
                    if ('hours' in limit) onChange(lever.path, limit.hours);
                    return 'error' in limit;
                  }}
                />
                <span className="lever-unit">{t(unit === 'days' ? 'leverUnitDays' : 'leverUnitHours')}</span>
              </label>
            );
          })}
        </span>
      );
  }
}

/**
 * A time limit's field. It keeps what is typed while focused, so a field on its way to a valid limit
 * ("", "0.", "0.5") is not reset to the held value; a limit must be positive (the schema's rule).
 */
function LimitInput({
  id,
  explainId,
  disabled,
  value,
  onText,
}: {
  id: string;
  explainId: string;
  disabled: boolean;
  value: number | undefined;
  /** Takes the text; answers whether it is invalid. */
  onText(text: string): boolean;
}) {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  return (
    <input
      id={id}
      type="number"
      className="lever-number"
      aria-describedby={explainId}
      aria-invalid={invalid}
      disabled={disabled}
      min={0}
      step="any"
      placeholder={t('leverNotSet')}
      value={text ?? value ?? ''}
      onChange={(e) => {
        setText(e.target.value);
        setInvalid(onText(e.target.value));
      }}
      onBlur={() => {
        setText(null);
        setInvalid(false);
      }}
    />
  );
}

function UnitLabel({ unit }: { unit: LeverUnit }) {
  const { t } = useI18n();
  const key = UNIT_LABELS[unit];
  return key ? <span className="lever-unit">{t(key)}</span> : null;
}
