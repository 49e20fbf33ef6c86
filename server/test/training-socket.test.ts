import type {
  ClientToServerEvents,
  RunInfo,
  SeatMessage,
  SeatNotice,
  SeatView,
  ServerToClientEvents,
} from '@hotline-sim/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Reply = { ok: true } | { error: string };

const SEATS = Array.from({ length: 30 }, (_, i) => `seat-${i + 1}`);

/**
 * Seats over Socket.IO: each trainee follows their own seat only, hears of every offer at once, gets
 * the instructor's messages; thirty seats in one exercise at ×60 each get every notice of their seat,
 * in order (how soon is measured by `npm run bench:lag`, against a 250 ms p99 budget).
 */
describe('training seats over Socket.IO', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  const clients: Client[] = [];
  const cookies = new Map<string, string>();

  async function follow(seat: string, cookie: string) {
    const socket: Client = connect(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    clients.push(socket);
    const notices: { at: number; notice: SeatNotice }[] = [];
    const messages: SeatMessage[] = [];
    socket.on('seat', (notice) => notices.push({ at: Date.now(), notice }));
    socket.on('message', (m) => messages.push(m));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const reply = await new Promise<Reply>((resolve) => socket.emit('joinSeat', run.id, seat, resolve));
    return { socket, notices, messages, reply };
  }

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    // A busy city (1,500 calls an hour), every call offered to one of thirty seats.
    const scenario = liveTestScenario({
      arrivals: { perHour: 1500 },
      intake: { agents: 150, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
      lifecycle: { training: { seats: SEATS, share: 1, holdMinutes: 30 } },
    });
    run = (await api<RunInfo>(server.url, '/api/runs', { body: { scenario, speed: 60, paused: true } })).body;
    for (const seat of SEATS) {
      const { code } = (
        await api<{ code: string }>(server.url, '/api/codes', {
          body: { role: 'trainee', runId: run.id, seat },
        })
      ).body;
      cookies.set(seat, await login(server.url, { code }));
    }
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.close();
    await redis?.stop();
  });

  it('lets a trainee follow only their own seat', async () => {
    const mine = await follow('seat-1', cookies.get('seat-1') as string);
    expect(mine.reply).toEqual({ ok: true });
    const other = await follow('seat-2', cookies.get('seat-1') as string);
    expect(other.reply).toEqual({ error: 'forbidden: you may follow only seat "seat-1"' });
    const malformed = await new Promise<Reply>((resolve) =>
      mine.socket.emit('joinSeat', run.id, '../x', resolve),
    );
    expect('error' in malformed && malformed.error).toMatch(/seat name/);
  });

  it('brings each of thirty seats at ×60 every notice of its seat, in order, and the instructor’s messages', async () => {
    // The notices each tick the owner settled must produce: one per seat with events, naming their kinds.
    const expected = new Map<string, { at: number; kinds: string[] }[]>(SEATS.map((s) => [s, []]));
    const onTick = server.app.realtime.onTick.bind(server.app.realtime);
    const spy = vi.spyOn(server.app.realtime, 'onTick').mockImplementation((tick) => {
      if (tick.runId === run.id)
        for (const e of tick.seatEvents ?? []) {
          const list = expected.get(e.seat) as { at: number; kinds: string[] }[];
          const last = list.at(-1);
          if (last?.at === tick.virtualTime) {
            if (!last.kinds.includes(e.kind)) last.kinds.push(e.kind);
          } else list.push({ at: tick.virtualTime, kinds: [e.kind] });
        }
      onTick(tick);
    });
    const followers = await Promise.all(SEATS.map((seat) => follow(seat, cookies.get(seat) as string)));
    expect(followers.every((f) => f.reply && 'ok' in f.reply)).toBe(true);
    try {
      await api(server.url, `/api/runs/${run.id}/resume`, { method: 'POST' });
      await waitFor(
        '300 offers across the seats',
        () => followers.reduce((n, f) => n + f.notices.length, 0) >= 300 || undefined,
        60_000,
      );
      await api(server.url, `/api/runs/${run.id}/pause`, { method: 'POST' });
      // Once paused (and the tick in flight settled), every seat has exactly what its ticks made.
      const received = (i: number) =>
        (followers[i]?.notices ?? []).map(({ notice }) => ({ at: notice.at, kinds: notice.kinds }));
      await waitFor(
        'every notice at its seat',
        () => SEATS.every((seat, i) => received(i).length === expected.get(seat)?.length) || undefined,
        10_000,
      );
      SEATS.forEach((seat, i) => expect(received(i), seat).toEqual(expected.get(seat)));
    } finally {
      spy.mockRestore();
    }
    const total = followers.reduce((n, f) => n + f.notices.length, 0);
    console.log(`seat notices, 30 seats at ×60: ${total} (lag: npm run bench:lag)`);
    // Every notice reached the seat it names, and only that seat; none arrived before its release.
    followers.forEach((f, i) => {
      for (const { at, notice } of f.notices) {
        expect(notice.seat).toBe(SEATS[i]);
        expect(notice.runId).toBe(run.id);
        expect(notice.releasedAt).toBeLessThanOrEqual(at);
      }
    });
    expect(
      followers.filter((f) => f.notices.some((n) => n.notice.kinds.includes('offer'))).length,
    ).toBeGreaterThan(20);
    // The seat's page agrees: what a notice announced is there to read.
    const seat1 = (
      await api<SeatView>(server.url, `/api/runs/${run.id}/seats/seat-1`, {
        cookie: cookies.get('seat-1') as string,
      })
    ).body;
    expect(seat1.waiting.length + seat1.history.length).toBeGreaterThan(0);

    const one = await api<SeatMessage>(server.url, `/api/runs/${run.id}/messages`, {
      body: { seat: 'seat-3', text: 'Take the 2-hour cases first' },
    });
    expect(one.status).toBe(201);
    const all = await api<SeatMessage>(server.url, `/api/runs/${run.id}/messages`, {
      body: { text: 'Storm from 14:00' },
    });
    expect(all.status).toBe(201);
    await waitFor('the messages', () => (followers[2]?.messages.length ?? 0) >= 2 || undefined, 5_000);
    expect(followers[2]?.messages.map((m) => m.text)).toEqual([
      'Take the 2-hour cases first',
      'Storm from 14:00',
    ]);
    await waitFor(
      'the broadcast',
      () => followers.every((f) => f.messages.some((m) => m.text === 'Storm from 14:00')) || undefined,
      5_000,
    );
    expect(followers[0]?.messages.map((m) => m.text)).toEqual(['Storm from 14:00']);
    const view = (
      await api<SeatView>(server.url, `/api/runs/${run.id}/seats/seat-3`, {
        cookie: cookies.get('seat-3') as string,
      })
    ).body;
    expect(view.messages.map((m) => m.text)).toEqual(['Take the 2-hour cases first', 'Storm from 14:00']);
    // A trainee cannot message, and bad messages are named.
    expect(
      (
        await api(server.url, `/api/runs/${run.id}/messages`, {
          cookie: cookies.get('seat-1') as string,
          body: { text: 'hi' },
        })
      ).status,
    ).toBe(403);
    const empty = await api<{ error: string }>(server.url, `/api/runs/${run.id}/messages`, {
      body: { text: '  ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/text/);
    expect(
      (await api(server.url, `/api/runs/${run.id}/messages`, { body: { text: 'x', seat: 'nobody' } })).status,
    ).toBe(404);
  }, 120_000);
});
