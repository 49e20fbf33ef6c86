import type { AppealMove } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { UnitKindThroughput } from './unit-kind-throughput';

const move = (unit: number): AppealMove => ({
  id: 1,
  to: 'dispatched',
  at: 0,
  source: 'citizen',
  category: 0,
  street: 0,
  cell: 0,
  unit,
});

describe('UnitKindThroughput', () => {
  const kinds = ['street', 'street', 'district', 'department', 'utility'];

  it('counts moves by the kind of the unit holding the appeal, per second over the window', () => {
    const t = new UnitKindThroughput(kinds, 5);
    for (let s = 0; s < 5; s++) t.add([move(0), move(1), move(3), move(-1)], 0, s * 1000 + 100);
    const r = t.rates(5_000);
    expect(r.perSecond.street).toBe(2);
    expect(r.perSecond.department).toBe(1);
    expect(r.perSecond.none).toBe(1);
    expect(r.perSecond.utility).toBe(0);
    expect(r.perSecond.district).toBe(0);
  });

  it('divides by the seconds seen while the window fills, ignores the second still filling and old ones', () => {
    const t = new UnitKindThroughput(kinds, 5);
    t.add([move(4), move(4)], 3, 10_200);
    t.add([move(4)], 0, 11_500);
    t.add([move(2)], 0, 12_100); // current second: not counted yet
    const r = t.rates(12_500);
    expect(r.perSecond.utility).toBe(1.5);
    expect(r.perSecond.district).toBe(0);
    expect(r.droppedPerSecond).toBe(1.5);
    expect(t.rates(30_000).perSecond.utility).toBe(0);
  });
});
