/**
 * Wall-clock lag of what the live server pushes, against its budgets (issue 19: budgets are measured
 * here, not asserted in the test suite, which checks only what must hold on any machine):
 *
 *   npm run bench:lag [seconds]     (default 12 s of updates)
 *
 * 1. Run updates at ×600 (the product's 100 ms tick): receipt − release of each update, on a client
 *    of the server that owns the run and on a client of a second server (Redis adapter, 20 ms ticks).
 *    Budget: p99 ≤ 250 ms on both.
 * 2. Seat notices: thirty trainee seats in one exercise at ×60, 1,500 calls an hour, every call
 *    offered to a seat: receipt − release of each notice. Budget: p99 ≤ 250 ms.
 *
 * Both servers run in this process against a private redis-server, as the tests start them. The
 * figures depend on the machine and on what else it is doing: run it on a quiet one.
 */
import type {
  ClientToServerEvents,
  RunInfo,
  RunUpdate,
  SeatNotice,
  ServerToClientEvents,
} from '@hotline-sim/shared';
import { io, type Socket } from 'socket.io-client';
import {
  api,
  cookieFor,
  liveTestScenario,
  login,
  sleep,
  startTestServer,
  waitFor,
} from '../server/test/helpers/live';
import { startTestRedis } from '../server/test/helpers/redis';

const BUDGET_MS = 250;
const seconds = Number(process.argv[2] ?? 12);
if (!(seconds > 0)) throw new Error(`seconds must be a positive number, got ${process.argv[2]}`);

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** One line: n, p50, p99, max and the verdict against the budget. */
function report(what: string, lags: number[]): boolean {
  const p99 = quantile(lags, 0.99);
  const ok = lags.length > 0 && p99 <= BUDGET_MS;
  console.log(
    `${what}: n=${lags.length} p50=${quantile(lags, 0.5)} ms p99=${p99} ms max=${Math.max(...lags)} ms ` +
      `(budget p99 ≤ ${BUDGET_MS} ms: ${ok ? 'met' : 'NOT MET'})`,
  );
  return ok;
}

async function connect(url: string, cookie: string): Promise<Client> {
  const socket: Client = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const redis = await startTestRedis();
const a = await startTestServer(redis.url);
const b = await startTestServer(redis.url, { WORKERS: 'external', TICK_MS: '20' });
const sockets: Client[] = [];
let met = true;
try {
  // 1. Run updates at ×600, on the owner and on the other server.
  const steady = (
    await api<RunInfo>(a.url, '/api/runs', { body: { scenario: liveTestScenario(), speed: 600 } })
  ).body;
  const lags = new Map<string, number[]>();
  for (const [where, server] of [
    ['owner', a],
    ['other server', b],
  ] as const) {
    const socket = await connect(server.url, cookieFor(server.url));
    sockets.push(socket);
    const mine: number[] = [];
    lags.set(where, mine);
    socket.on('update', (u: RunUpdate) => mine.push(Date.now() - u.releasedAt));
    socket.emit('join', steady.id);
  }
  await sleep(seconds * 1000);
  for (const [where, mine] of lags) met = report(`run update lag at ×600 (${where})`, mine) && met;
  await api(a.url, `/api/runs/${steady.id}/stop`, { method: 'POST' });

  // 2. Thirty seats at ×60.
  const seats = Array.from({ length: 30 }, (_, i) => `seat-${i + 1}`);
  const scenario = liveTestScenario({
    arrivals: { perHour: 1500 },
    intake: { agents: 150, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
    lifecycle: { training: { seats, share: 1, holdMinutes: 30 } },
  });
  const run = (await api<RunInfo>(a.url, '/api/runs', { body: { scenario, speed: 60, paused: true } })).body;
  const notices: number[] = [];
  for (const seat of seats) {
    const { code } = (
      await api<{ code: string }>(a.url, '/api/codes', { body: { role: 'trainee', runId: run.id, seat } })
    ).body;
    const socket = await connect(a.url, await login(a.url, { code }));
    sockets.push(socket);
    socket.on('seat', (n: SeatNotice) => notices.push(Date.now() - n.releasedAt));
    await new Promise((resolve) => socket.emit('joinSeat', run.id, seat, resolve));
  }
  await api(a.url, `/api/runs/${run.id}/resume`, { method: 'POST' });
  await waitFor('300 seat notices', () => notices.length >= 300 || undefined, 120_000);
  met = report('seat notice lag, 30 seats at ×60', notices) && met;
  await api(a.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
} finally {
  for (const s of sockets) s.disconnect();
  await b.close();
  await a.close();
  await redis.stop();
}
console.log(met ? 'every lag budget met' : 'a lag budget was NOT met on this machine (see above)');
process.exit(0);
