import {
  BUILT_IN_LESSONS,
  builtInLesson,
  type Lesson,
  type LessonSummary,
  type PresentedStep,
  type RunLesson,
} from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import { runPrefix } from '../live/keys';

/**
 * Hash: uploaded lesson id → the lesson (JSON, validated before it is written). One key on its own
 * slot: nothing writes it together with a run's keys.
 */
export const LESSONS_KEY = 'hotline:lessons';

/** List of a run's presented steps (JSON {@link PresentedStep}), in order; hash-tagged with the run's other keys. */
export const lessonStepsKey = (runId: string) => `${runPrefix(runId)}lesson-steps`;

const summary = (l: Lesson): LessonSummary => ({ id: l.id, title: l.title, steps: l.steps.length });

/**
 * The lessons a server offers, built-in (read-only) and uploaded (kept in Redis, so they outlive a
 * restart and every server sees them), and what each run's class has been shown.
 */
export class LessonStore {
  constructor(private readonly redis: RedisClient) {}

  /** Built-ins first, in teaching order, then uploads by id. */
  async list(): Promise<LessonSummary[]> {
    const uploaded = await this.uploaded();
    return [...BUILT_IN_LESSONS, ...uploaded].map(summary);
  }

  async get(id: string): Promise<Lesson | undefined> {
    const builtIn = builtInLesson(id);
    if (builtIn) return builtIn;
    const text = await this.redis.hget(LESSONS_KEY, id);
    return text === null ? undefined : (JSON.parse(text) as Lesson);
  }

  /** Store an uploaded lesson (a new one, or a new version of an upload); built-in ids are refused by the caller. */
  async put(lesson: Lesson): Promise<void> {
    await this.redis.hset(LESSONS_KEY, lesson.id, JSON.stringify(lesson));
  }

  /** Record that `step` of `lessonId` is on screen in the run, at the run's virtual second `vt`. */
  async present(runId: string, record: PresentedStep): Promise<void> {
    await this.redis.rpush(lessonStepsKey(runId), JSON.stringify(record));
  }

  /** Every step presented in the run, in order. */
  async presented(runId: string): Promise<PresentedStep[]> {
    const items = await this.redis.lrange(lessonStepsKey(runId), 0, -1);
    return items.map((text) => JSON.parse(text) as PresentedStep);
  }

  /** The step the run's class is on (the last presented), or null. */
  async current(runId: string): Promise<RunLesson> {
    const last = await this.redis.lindex(lessonStepsKey(runId), -1);
    if (last === null) return null;
    const { lessonId, step } = JSON.parse(last) as PresentedStep;
    return { lessonId, step };
  }

  private async uploaded(): Promise<Lesson[]> {
    const all = await this.redis.hgetall(LESSONS_KEY);
    return Object.keys(all)
      .sort()
      .map((id) => JSON.parse(all[id] as string) as Lesson);
  }
}
