import { describe, expect, it } from 'vitest';
import { decodeAppeal, decodeHistory, type AppealFields } from '../src/appeals';

const fields: AppealFields = {
  source: 'citizen',
  category: 3,
  street: 12,
  cell: 140,
  unit: 7,
  deadline: 86_400,
  outcome: null,
  rating: null,
  updated: 3_600.5,
};

describe('stored appeal record', () => {
  it('decodes the hash the apply script writes', () => {
    const hash = { state: 'signed', seq: '2', fields: JSON.stringify(fields) };
    expect(decodeAppeal(42, hash)).toEqual({ id: 42, state: 'signed', seq: 2, fields });
  });

  it('reads a record stored before `updated` existed', () => {
    const { updated: _updated, ...older } = fields;
    const record = decodeAppeal(1, { state: 'received', seq: '0', fields: JSON.stringify(older) });
    expect(record?.fields.updated).toBeUndefined();
  });

  it('has no record before the first step is applied', () => {
    expect(decodeAppeal(5, {})).toBeUndefined();
    expect(decodeAppeal(5, { seq: '0' })).toBeUndefined();
  });

  it('refuses a malformed record, naming the appeal and the field', () => {
    const bad = { state: 'signed', seq: '1', fields: JSON.stringify({ ...fields, category: 'x' }) };
    expect(() => decodeAppeal(9, bad)).toThrow(/appeal 9.*fields\.category|fields.*category/s);
    expect(() => decodeAppeal(9, { ...bad, state: 'lost' })).toThrow(/appeal 9/);
  });

  it('decodes a history, oldest first', () => {
    const entry = { seq: 0, from: null, to: 'received', at: 1, unit: 0, clock: 1, appliedAt: 2 };
    expect(decodeHistory([JSON.stringify(entry)])).toEqual([entry]);
  });
});
