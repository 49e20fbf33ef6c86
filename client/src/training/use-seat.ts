import type { ClientToServerEvents, SeatMessage, ServerToClientEvents } from '@hotline-sim/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useKeyedState } from '../hooks';
import { trainingApi, errorText } from '../api';
import type { SeatView } from '@hotline-sim/shared';

export interface SeatState {
  view: SeatView | null;
  error: string | null;
  /** Fetch the view again now. */
  refresh(): void;
}

/**
 * One seat, followed live: its view fetched at once, again ~100 ms after each `seat` notice (several
 * notices in a burst make one fetch) and every 5 s as a fallback; messages shown as they come.
 */
export function useSeat(runId: string | null, seat: string | null): SeatState {
  const [view, setView] = useKeyedState<SeatView | null>(`${runId}/${seat}`, null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const alive = useRef(true);

  const fetchNow = useCallback(() => {
    if (!runId || !seat) return;
    trainingApi.seat(runId, seat).then(
      (v) => {
        if (!alive.current) return;
        setView(v);
        setError(null);
      },
      (err: unknown) => {
        if (alive.current) setError(errorText(err));
      },
    );
  }, [runId, seat, setView]);

  const refresh = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      fetchNow();
    }, 100);
  }, [fetchNow]);

  useEffect(() => {
    alive.current = true;
    if (!runId || !seat) return;
    fetchNow();
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('', {
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 2000,
    });
    socket.on('connect', () => {
      socket.emit('joinSeat', runId, seat, (reply) => {
        if ('error' in reply) setError(reply.error);
      });
      fetchNow();
    });
    socket.on('seat', (notice) => {
      if (notice.runId === runId && notice.seat === seat) refresh();
    });
    socket.on('message', (m: SeatMessage) => {
      if (m.runId !== runId || (m.seat !== null && m.seat !== seat)) return;
      setView((v) =>
        v && !v.messages.some((x) => x.sentAt === m.sentAt && x.text === m.text)
          ? { ...v, messages: [...v.messages, m] }
          : v,
      );
    });
    const poll = window.setInterval(fetchNow, 5000);
    return () => {
      alive.current = false;
      window.clearInterval(poll);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      socket.close();
    };
  }, [runId, seat, fetchNow, refresh, setView]);

  return { view, error, refresh: fetchNow };
}
