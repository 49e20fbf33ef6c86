import { SECONDS_PER_HOUR } from '../../engine/calendar';

/**
 * What the period report reads of a scenario's timeline entry (the scenario schema's `timeline`):
 * its hour, its label, and the period it opens, if any.
 */
export interface TimelineEntryLike {
  /** Virtual hours from the run's start. */
  readonly at: number;
  readonly label: { readonly zh: string; readonly en: string };
  /** The period the entry opens (e.g. `2019-Q1`); absent: a change within the current period. */
  readonly period?: string | undefined;
}

/** A stretch of virtual time a run reports on as one row: from one period entry to the next. */
export interface Period {
  /** The period's name as the timeline gives it (`2019-Q1`). */
  readonly label: string;
  /** Its bilingual label (the opening entry's), for the dashboard's axis. */
  readonly title: { readonly zh: string; readonly en: string };
  /** Virtual seconds from the run's start: [from, to). */
  readonly from: number;
  readonly to: number;
}

/** A dated change the chart marks on its time axis (the same shape the dashboard's `marks` take). */
export interface TimeMark {
  /** Virtual seconds from the run's start. */
  readonly at: number;
  readonly label: { readonly zh: string; readonly en: string };
}

/**
 * The periods of a timeline: each entry with a `period` opens one that lasts until the next such
 * entry, the last until the end of arrivals (`hours`). Entries at the same hour as an earlier
 * period entry do not open an empty period: the later one renames it. No period entries: none.
 */
export function timelinePeriods(timeline: readonly TimelineEntryLike[] | undefined, hours: number): Period[] {
  const opening = (timeline ?? []).filter((e) => e.period !== undefined && e.at < hours);
  const periods: Period[] = [];
  for (const [i, entry] of opening.entries()) {
    const next = opening.slice(i + 1).find((e) => e.at > entry.at);
    if (opening.slice(i + 1).some((e) => e.at === entry.at)) continue;
    periods.push({
      label: entry.period as string,
      title: { zh: entry.label.zh, en: entry.label.en },
      from: entry.at * SECONDS_PER_HOUR,
      to: (next ? next.at : hours) * SECONDS_PER_HOUR,
    });
  }
  return periods;
}

/**
 * The changes a chart marks: the entries that open no period (reforms switched on at their date).
 * Entries that open a period name the period, and the axis shows them already.
 */
export function timelineMarks(timeline: readonly TimelineEntryLike[] | undefined): TimeMark[] {
  return (timeline ?? [])
    .filter((e) => e.period === undefined)
    .map((e) => ({ at: e.at * SECONDS_PER_HOUR, label: { zh: e.label.zh, en: e.label.en } }));
}
