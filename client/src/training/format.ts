import type { AppealType, CityMap, DecisionReview, Difficulty, OrderFactId } from '@hotline-sim/shared';
import type { MessageKey } from '../i18n';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Unit = CityMap['units'][number];

/** An exercise's difficulty in words. */
export const DIFFICULTY_LABELS: Record<Difficulty, MessageKey> = {
  beginner: 'diffBeginner',
  intermediate: 'diffIntermediate',
  advanced: 'diffAdvanced',
};

/** The appeal types (诉求类型) in words. */
export const APPEAL_TYPE_LABELS: Record<AppealType, MessageKey> = {
  consult: 'deskTypeConsult',
  help: 'deskTypeHelp',
  complaint: 'deskTypeComplaint',
  report: 'deskTypeReport',
  suggestion: 'deskTypeSuggestion',
};

/** The facts a work order carries, in words. */
export const ORDER_FACT_KEYS: Record<OrderFactId, MessageKey> = {
  place: 'deskFactPlace',
  problem: 'deskFactProblem',
  request: 'deskFactRequest',
};

/** Virtual seconds as day and clock: "D1 08:05" (day 1 = the scenario's first day). */
export function vclock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const day = Math.floor(s / 86400) + 1;
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  return `D${day} ${hh}:${mm}`;
}

/** A span of virtual seconds as h:mm:ss or m:ss. */
export function vspan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${m}:${ss}` : `${m}:${ss}`;
}

export function unitName(units: readonly Unit[], index: number, lang: 'en' | 'zh'): string {
  const u = units[index];
  if (!u) return `#${index}`;
  return lang === 'zh' ? u.name : u.nameEn;
}

/** A redirect's line in words: the emergency numbers as they are, the others named. */
export function channelText(t: T, channel: string): string {
  return channel === 'repeat' ? t('channelRepeat') : channel === 'legal' ? t('channelLegal') : channel;
}

/** What a decision (or the truth) was, in words. */
export function decisionText(
  t: T,
  d: {
    action: 'answer' | 'redirect' | 'dispatch' | 'merge';
    channel?: string | null;
    unit?: number;
    kbEntry?: string | null | undefined;
    mergeInto?: number;
  } | null,
  units: readonly Unit[],
  lang: 'en' | 'zh',
): string {
  if (!d) return t('actionNone');
  if (d.action === 'answer') return d.kbEntry ? t('deskAnswerKb', { entry: d.kbEntry }) : t('actionAnswer');
  if (d.action === 'merge') return t('deskMergedInto', { appeal: d.mergeInto ?? '?' });
  if (d.action === 'redirect') return t('actionRedirect', { channel: channelText(t, d.channel ?? '') });
  return t('actionDispatch', { unit: unitName(units, d.unit ?? -1, lang) });
}

export function consequenceText(t: T, c: DecisionReview['consequences'][number]): string {
  if (c.kind === 'returned')
    return t('conseqReturned', {
      reason:
        c.detail === 'not-ours'
          ? t('reasonNotOurs')
          : c.detail === 'disputed'
            ? t('reasonDisputed')
            : c.detail,
    });
  if (c.kind === 'late') return t('conseqLate');
  return t('conseqRated', { detail: c.detail });
}
