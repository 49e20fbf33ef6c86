export {
  timelineMarks,
  timelinePeriods,
  type Period,
  type TimeMark,
  type TimelineEntryLike,
} from './timeline-periods';
export { periodRows, proactiveShareOf, type CountPoint, type PeriodRow } from './period-rows';
export { summarisePeriods, type PeriodSummary } from './period-summary';
