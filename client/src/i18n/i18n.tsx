import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'en' | 'zh';

/** Label of something shared/ translates itself (KPIs, states, levers, categories, streets). */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A dashboard label, with `{name}` placeholders filled from `vars`. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** The current language's side of a shared/ label. */
  pick(label: Bilingual): string;
  /** Numbers and dates formatted for the language. */
  fmt: Formatters;
}

export interface Formatters {
  number(value: number, digits?: number): string;
  percent(share: number, digits?: number): string;
  /** A signed number (+1.2 / −0.4) for differences. */
  signed(value: number, digits?: number): string;
  /** Virtual time: the scenario's first day plus `seconds`, as a date and time of day. */
  virtual(start: string, seconds: number): string;
  /** Just the time of day (or day and hour for runs longer than a day) for chart axes. */
  virtualShort(start: string, seconds: number, withDay: boolean): string;
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };

/** Virtual time 0 is midnight of the scenario's first day; formatted in UTC so no zone shifts it. */
function virtualDate(start: string, seconds: number): Date {
  const [y, m, d] = start.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + seconds * 1000);
}

export function makeFormatters(lang: Lang): Formatters {
  const locale = LOCALES[lang];
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const dayHour = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    hour12: false,
  });
  return {
    number: (v, digits = 0) =>
      Number.isFinite(v)
        ? nf({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v)
        : '—',
    percent: (v, digits = 1) =>
      Number.isFinite(v)
        ? nf({ style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v)
        : '—',
    signed: (v, digits = 2) =>
      Number.isFinite(v)
        ? nf({
            signDisplay: 'exceptZero',
            maximumFractionDigits: digits,
            minimumFractionDigits: digits,
          }).format(v)
        : '—',
    virtual: (start, s) => dateTime.format(virtualDate(start, s)),
    virtualShort: (start, s, withDay) => (withDay ? dayHour : time).format(virtualDate(start, s)),
  };
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  const stored = window.localStorage.getItem('hotline-lang');
  if (stored === 'zh' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    window.localStorage.setItem('hotline-lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[lang];
    return {
      lang,
      setLang,
      t: (key, vars) => {
        const text = messages[key];
        return vars
          ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
          : text;
      },
      pick: (label) => label[lang],
      fmt: makeFormatters(lang),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
