import { describe, expect, it } from 'vitest';
import { appealId, appealKind, appealNumber, surgeKey, type AppealKind } from './appeal-kind';

describe('appeal kind', () => {
  it('reads a citizen from the intake contact numbers', () => {
    expect(appealKind(0)).toBe('citizen');
    expect(appealKind(70_000)).toBe('citizen');
    expect(appealNumber(70_000)).toBe(70_000);
  });

  it('gives each kind its own ids, read back with their number, all below 2^31', () => {
    for (const kind of [
      'matter',
      'surge',
      'grid',
      'external',
      'batch',
    ] as const satisfies readonly AppealKind[]) {
      for (const n of [0, 1, 123_456]) {
        const id = appealId(kind, n);
        expect(appealKind(id)).toBe(kind);
        expect(appealNumber(id)).toBe(n);
        expect(id).toBeLessThan(2 ** 31);
      }
    }
  });

  it('keeps surge draw keys apart from every appeal id', () => {
    const key = surgeKey(5);
    expect(appealKind(key)).toBe('citizen');
    expect(key).toBeGreaterThan(10_000_000);
    expect(key).toBeLessThan(appealId('surge', 0));
    // 2^27 surge candidates fit below the first caller about a matter.
    expect(surgeKey(2 ** 27 - 1)).toBeLessThan(appealId('matter', 0));
  });
});
