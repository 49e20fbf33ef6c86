import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunSnapshot, SeriesPoint } from '@hotline-sim/shared';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveStore, mergeSeries } from './live-store';

const point = (n: number): SeriesPoint => ({
  n,
  at: n * 3600,
  kpis: {},
  reactiveOrders: n,
  gridOrders: 0,
  proactiveTasks: 0,
  appealsAvoided: 0,
  open: 0,
});

describe('mergeSeries', () => {
  it('appends the points after the last one held', () => {
    const { series, gap } = mergeSeries([point(0), point(1)], [point(2), point(3)]);
    expect(series.map((p) => p.n)).toEqual([0, 1, 2, 3]);
    expect(gap).toBe(false);
  });

  it('skips points already held (a snapshot and an update overlapping)', () => {
    const held = [point(0), point(1)];
    const { series, gap } = mergeSeries(held, [point(1)]);
    expect(series).toBe(held);
    expect(gap).toBe(false);
  });

  it('reports a gap when numbers jump (points missed while joining)', () => {
    expect(mergeSeries([point(0)], [point(3)]).gap).toBe(true);
    expect(mergeSeries([], [point(2)]).gap).toBe(true);
  });
});

/**
 * The store against a real Socket.IO server playing the room's side of `join` (a snapshot, then the
 * ack): a follower hears `onJoined` after each snapshot of its run, so after a dropped connection it
 * asks again for what the room sent while it was away (the lesson's position, say).
 */
describe('LiveStore rejoins', () => {
  let io: Server;
  let url: string;
  const joins: string[] = [];

  beforeAll(async () => {
    const http = createServer();
    io = new Server(http);
    io.on('connection', (socket) => {
      socket.on('join', (runId: string, ack: (r: { ok: true }) => void) => {
        joins.push(runId);
        socket.emit('snapshot', snapshotOf(runId));
        ack({ ok: true });
      });
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await io.close();
  });

  const snapshotOf = (runId: string): RunSnapshot =>
    ({ run: { id: runId }, states: {}, report: null, open: null, series: [] }) as unknown as RunSnapshot;

  const until = async (what: string, ok: () => boolean): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('fires onJoined after each snapshot of the followed run: on joining and on every rejoin', async () => {
    const store = new LiveStore(url);
    let joined = 0;
    const off = store.onJoined(() => joined++);
    store.follow('run-a');
    store.open();
    try {
      await until('the first join', () => joined === 1);
      expect(store.getState().run?.id).toBe('run-a');

      // A snapshot of another run (a room this page left) is not a join of the followed one.
      for (const s of io.sockets.sockets.values()) s.emit('snapshot', snapshotOf('run-b'));
      for (const s of io.sockets.sockets.values()) s.emit('snapshot', snapshotOf('run-a'));
      await until('the second snapshot of run-a', () => joined === 2);

      // The connection drops (not a server's disconnect, which Socket.IO would not retry): the
      // client reconnects by itself, joins its run again and hears about it.
      for (const s of io.sockets.sockets.values()) s.conn.close();
      await until('the connection to drop', () => store.getState().connection === 'reconnecting');
      await until('the rejoin', () => joined === 3);
      expect(joins.filter((r) => r === 'run-a')).toHaveLength(2);
      expect(store.getState().connection).toBe('live');

      // Unsubscribed, it hears no more (another listener, still there, does).
      off();
      let other = 0;
      const offOther = store.onJoined(() => other++);
      for (const s of io.sockets.sockets.values()) s.emit('snapshot', snapshotOf('run-a'));
      await until('the snapshot after unsubscribing', () => other === 1);
      offOther();
      expect(joined).toBe(3);
    } finally {
      store.close();
    }
  }, 60_000);
});
