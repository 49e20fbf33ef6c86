import type {
  AppealMove,
  AppealStep,
  LeverChangeView,
  OpenAppeals,
  Report,
  RunStatus,
  SeatEvent,
  SeriesPoint,
} from '@hotline-sim/shared';
import type { AppealJob } from './appeal-job';
import { stageOf, type Stage } from './stages';

/** What the owner of a run tells the rest of the server after each settled tick. */
export interface TickResult {
  runId: string;
  virtualTime: number;
  effectiveSpeed: number;
  moves: AppealMove[];
  movesDropped: number;
  /** The report, when it was refreshed this tick. */
  report?: Report;
  /** Open appeals, with the report. */
  open?: OpenAppeals;
  /** What happened at training seats this tick. */
  seatEvents?: SeatEvent[];
  /** Lever changes that took effect this tick (timeline entries and instructors'). */
  leverChanges?: LeverChangeView[];
  /** The series point, when this tick crossed a virtual hour (or ended the run). */
  point?: SeriesPoint;
  releasedAt: number;
  status: RunStatus;
  /** Jobs this tick released and settled, per stage queue (metrics). */
  jobsByStage?: Partial<Record<Stage, number>>;
}

export function countByStage(jobs: readonly AppealJob[]): Partial<Record<Stage, number>> {
  const out: Partial<Record<Stage, number>> = {};
  for (const job of jobs) {
    const stage = stageOf((job.steps[job.steps.length - 1] as AppealJob['steps'][number]).to);
    out[stage] = (out[stage] ?? 0) + 1;
  }
  return out;
}

/**
 * One move per appeal with its latest place; a whistle blown within the tick (its `handled` step)
 * travels with the move even when later steps followed.
 */
export function movesOf(
  groups: readonly (readonly AppealStep[])[],
  whistleUnits: readonly Int32Array[],
): AppealMove[] {
  return groups.map((steps) => {
    const s = steps[steps.length - 1] as AppealStep;
    const whistled = steps.some((step) => step.to === 'handled' && step.whistle);
    return {
      id: s.id,
      to: s.to,
      at: s.at,
      source: s.source,
      category: s.category,
      street: s.street,
      cell: s.cell,
      unit: s.unit,
      ...(whistled ? { whistle: Array.from(whistleUnits[s.category] ?? []) } : {}),
    };
  });
}
