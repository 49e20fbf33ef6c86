import type { RunInfo, RunLesson } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { api, lessonsApi } from '../api';
import { useLiveStore } from '../live';

/** How often a follower looks for a newer run with a lesson (a presenter's lesson may start one). */
const LOOK_MS = 3000;

/**
 * The lesson and step the run is being presented at: asked when the run changes (a late joiner) and
 * again on every rejoin of its room (a `lesson:step` sent while the connection was down is missed),
 * then moved by the room's `lesson:step`. `undefined` while asking, null for none.
 */
export function useLessonPosition(runId: string | null): RunLesson | undefined {
  const store = useLiveStore();
  const [position, setPosition] = useState<{
    runId: string | null;
    at: NonNullable<RunLesson> | null;
  } | null>(null);

  useEffect(() => {
    if (!runId) return;
    // Only the latest question's answer counts, and none asked before an event (it is newer).
    let asked = 0;
    let gone = false;
    const ask = () => {
      const mine = ++asked;
      const take = (at: RunLesson) => {
        if (!gone && mine === asked) setPosition({ runId, at: at ?? null });
      };
      lessonsApi.position(runId).then(take, () => take(null));
    };
    const off = store.onLessonStep((e) => {
      asked++;
      setPosition({ runId, at: { lessonId: e.lessonId, step: e.step } });
    });
    const offJoined = store.onJoined(ask);
    ask();
    return () => {
      gone = true;
      off();
      offJoined();
    };
  }, [runId, store]);

  if (!runId) return null;
  return position?.runId === runId ? position.at : undefined;
}

const newestLive = (runs: RunInfo[]) =>
  runs
    .filter((r) => r.status === 'running' || r.status === 'paused')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

/**
 * A follower's page moves to the newest live run once it has a lesson: the presenter's lesson
 * starts its own run, whose room the follower is not in yet.
 */
export function useFollowNewestLesson(
  runId: string | null,
  enabled: boolean,
  follow: (run: RunInfo) => void,
): void {
  useEffect(() => {
    if (!enabled) return;
    let busy = false;
    const look = async () => {
      if (busy) return;
      busy = true;
      try {
        const newest = newestLive(await api.runs());
        if (newest && newest.id !== runId && (await lessonsApi.position(newest.id))) follow(newest);
      } catch {
        // The server is away: the next look tries again.
      } finally {
        busy = false;
      }
    };
    const timer = window.setInterval(() => void look(), LOOK_MS);
    return () => window.clearInterval(timer);
  }, [runId, enabled, follow]);
}
