import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

describe('event queue', () => {
  it('pops in (time, seq) order whatever the push order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const q = new EventQueue(2);
        times.forEach((t, seq) => q.push(t, seq, 0, seq));
        const popped: [number, number][] = [];
        while (q.size > 0) {
          popped.push([q.peekTime(), q.topRef()]);
          q.pop();
        }
        const expected = times
          .map((t, seq): [number, number] => [t, seq])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('reports Infinity as the next time when empty', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    q.push(3, 0, 7, 9);
    expect([q.peekTime(), q.topKind(), q.topRef()]).toEqual([3, 7, 9]);
    q.pop();
    expect(q.size).toBe(0);
  });
});
