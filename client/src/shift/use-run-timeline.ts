import { useEffect, useState } from 'react';
import {
  timelineMarks,
  timelinePeriods,
  type Period,
  type TimeMark,
  type TimelineEntryLike,
} from '@hotline-sim/shared';
import { api } from '../api';

/** A run's timeline as the 未诉先办 chart draws it: its periods and its reforms' marks. */
export interface RunTimeline {
  periods: Period[];
  marks: TimeMark[];
}

const isEntry = (e: unknown): e is TimelineEntryLike => {
  const x = e as Partial<TimelineEntryLike> | null;
  return (
    typeof x?.at === 'number' &&
    typeof x.label?.zh === 'string' &&
    typeof x.label.en === 'string' &&
    (x.period === undefined || typeof x.period === 'string')
  );
};

/** The timeline of a scenario as the server gives it; null without one (or without periods). */
export function runTimelineOf(scenario: Record<string, unknown>): RunTimeline | null {
  const { timeline, hours } = scenario;
  if (!Array.isArray(timeline) || typeof hours !== 'number' || !timeline.every(isEntry)) return null;
  const periods = timelinePeriods(timeline, hours);
  return periods.length > 0 ? { periods, marks: timelineMarks(timeline) } : null;
}

/**
 * The timeline of the run's built-in scenario (reform-timeline), read once per scenario name; null
 * while it loads, for a scenario without periods, and for an uploaded scenario the server does not
 * list (the chart then plots by hour).
 */
export function useRunTimeline(scenarioName: string | undefined): RunTimeline | null {
  const [loaded, setLoaded] = useState<{ name: string; timeline: RunTimeline | null } | null>(null);
  useEffect(() => {
    if (!scenarioName) return;
    let live = true;
    api.scenario(scenarioName).then(
      (s) => live && setLoaded({ name: scenarioName, timeline: runTimelineOf(s) }),
      () => live && setLoaded({ name: scenarioName, timeline: null }),
    );
    return () => {
      live = false;
    };
  }, [scenarioName]);
  return loaded !== null && loaded.name === scenarioName ? loaded.timeline : null;
}
