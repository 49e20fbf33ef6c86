import type { CSSProperties, ReactNode } from 'react';

/** One choice of a `Select`: its value, its words, and a tooltip. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  title?: string;
}

/**
 * A drop-down over `choices` (after any fixed `children` options, such as "all"); `onChange` gets the
 * chosen value.
 */
export function Select<V extends string>({
  value,
  choices,
  onChange,
  testid,
  label,
  children,
}: {
  value: V;
  choices: readonly Choice<V>[];
  onChange(value: V): void;
  testid?: string;
  /** The accessible name, when no <label> wraps the select. */
  label?: string;
  children?: ReactNode;
}) {
  return (
    <select
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
      aria-label={label}
      data-testid={testid}
    >
      {children}
      {choices.map((c) => (
        <option key={c.value} value={c.value} title={c.title}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** A checkbox with its words after it. */
export function CheckField({
  checked,
  onChange,
  testid,
  children,
}: {
  checked: boolean;
  onChange(checked: boolean): void;
  testid?: string;
  children: ReactNode;
}) {
  return (
    <label>
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testid}
      />{' '}
      {children}
    </label>
  );
}

/** A labelled number input; `onChange` gets the text as typed (empty while the field is cleared). */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  testid,
  style,
}: {
  label: string;
  value: number | string;
  onChange(text: string): void;
  min?: number;
  max?: number;
  step?: number;
  testid?: string;
  style?: CSSProperties;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        style={style}
        data-testid={testid}
      />
    </label>
  );
}

/** A search box whose placeholder is its accessible name. */
export function SearchField({
  label,
  value,
  onChange,
  testid,
}: {
  label: string;
  value: string;
  onChange(text: string): void;
  testid?: string;
}) {
  return (
    <input
      type="search"
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testid}
    />
  );
}
