import type { LeverChange, RunLevers } from '../api';
import type { Bilingual } from '../i18n';
import { leverChangeText } from './lever-format';

/** A change with the values its levers had just before it, where the dashboard knows them. */
export interface LeverChangeView extends LeverChange {
  /** Previous value per path set; a path is missing when the dashboard never saw its value before. */
  from: Record<string, unknown>;
}

/** A live run's levers as the dashboard holds them: current values and the changes so far, by time. */
export interface LeverHistory {
  values: Record<string, unknown>;
  changes: LeverChangeView[];
}

/** A moment of the run to mark on a chart (virtual seconds) and what happened then. */
export interface ChangeMark {
  at: number;
  label: Bilingual;
  source: LeverChange['source'];
}

/** Two reports of one change (the POST's answer and the socket's) have the same time and levers. */
function changeKey(c: Pick<LeverChange, 'at' | 'set'>): string {
  return `${c.at}|${JSON.stringify(Object.entries(c.set).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
}

function byTime(a: LeverChange, b: LeverChange): number {
  return a.at - b.at;
}

/**
 * The history the server answered (GET levers). A change's previous values come from the change
 * before it of the same lever; for the first change of a lever the server does not say (C3 has no
 * `from`), unless `known` (the history held so far) saw it happen.
 */
export function historyFromServer(answer: RunLevers, known?: LeverHistory | null): LeverHistory {
  const seen = new Map((known?.changes ?? []).map((c) => [changeKey(c), c.from]));
  const last: Record<string, unknown> = {};
  const changes = [...answer.changes].sort(byTime).map((c) => {
    const from: Record<string, unknown> = { ...seen.get(changeKey(c)) };
    for (const [path, value] of Object.entries(c.set)) {
      if (Object.hasOwn(last, path)) from[path] = last[path];
      last[path] = value;
    }
    return { ...c, from };
  });
  const merged = { values: { ...answer.values }, changes };
  // Changes that arrived by socket after the server answered are kept.
  const later = (known?.changes ?? []).filter((c) => !changes.some((s) => changeKey(s) === changeKey(c)));
  return later.length > 0 ? withChanges(merged, later) : merged;
}

/**
 * The history after changes that took effect (from a socket update or the POST's answer): each
 * takes the current values as its previous ones; one already held is not counted twice.
 */
export function withChanges(history: LeverHistory, incoming: readonly LeverChange[]): LeverHistory {
  const held = new Set(history.changes.map(changeKey));
  let { values, changes } = history;
  for (const c of [...incoming].sort(byTime)) {
    const key = changeKey(c);
    if (held.has(key)) continue;
    held.add(key);
    const from: Record<string, unknown> = {};
    for (const path of Object.keys(c.set)) if (Object.hasOwn(values, path)) from[path] = values[path];
    values = { ...values, ...c.set };
    changes = [...changes, { ...c, from }].sort(byTime);
  }
  return values === history.values ? history : { values, changes };
}

/** What a change did, every lever it set, both languages (a timeline entry's label first). */
export function changeLabel(change: LeverChangeView): Bilingual {
  const lines = Object.entries(change.set).map(([path, to]) =>
    leverChangeText(path, change.from[path], to, Object.hasOwn(change.from, path)),
  );
  const join = (lang: keyof Bilingual) =>
    [change.label?.[lang], ...lines.map((l) => l[lang])].filter(Boolean).join('; ');
  return { zh: join('zh'), en: join('en') };
}

/** The marks of the changes, for the KPI sparklines and the 未诉先办 chart. */
export function changeMarks(changes: readonly LeverChangeView[]): ChangeMark[] {
  return changes.map((c) => ({ at: c.at, label: changeLabel(c), source: c.source }));
}
