import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

describe('event queue', () => {
  it('pops in (time, seq) order whatever the push order, across heap and buckets', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const q = new EventQueue(3);
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

  it('keeps order when events are pushed while popping (a simulation pushing ahead of its clock)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (gaps) => {
          const q = new EventQueue(4);
          let seq = 0;
          q.push(0, seq++, 0, 0);
          let last = -Infinity;
          let i = 0;
          while (q.size > 0) {
            const t = q.peekTime();
            expect(t).toBeGreaterThanOrEqual(last);
            last = t;
            q.pop();
            if (i < gaps.length) q.push(t + (gaps[i++] as number), seq++, 0, i);
            if (i < gaps.length) q.push(t + (gaps[i++] as number) / 10, seq++, 0, i);
          }
          expect(i).toBe(gaps.length);
        },
      ),
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
