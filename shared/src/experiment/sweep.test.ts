import { describe, expect, it } from 'vitest';
import { ScenarioError, validateScenario } from '../scenario/load';
import { SweepPathError, setNumericPath, sweepScenario } from './sweep';

/** A short M/M/c: 35 Erlangs offered, as plain input (before validation). */
const makeInput = () => ({
  name: 'small-mmc',
  seed: 11,
  hours: 4,
  warmupHours: 0.5,
  arrivals: { perHour: 2100, hourOfDay: Array.from({ length: 24 }, () => 1) },
  intake: { agents: 40, talkMinutes: { exponential: { mean: 1 } } },
});

function pathError(input: unknown, path: string): SweepPathError {
  try {
    setNumericPath(input, path, 1);
  } catch (e) {
    if (e instanceof SweepPathError) return e;
    throw e;
  }
  throw new Error(`expected ${path} to be rejected`);
}

describe('setNumericPath', () => {
  it('sets a switch from 0 or 1 and refuses other values for it', () => {
    const input = { lifecycle: { grid: { enabled: false } } };
    expect(setNumericPath(input, 'lifecycle.grid.enabled', 1)).toEqual({
      lifecycle: { grid: { enabled: true } },
    });
    expect(setNumericPath(input, 'lifecycle.grid.enabled', 0)).toEqual(input);
    expect(() => setNumericPath(input, 'lifecycle.grid.enabled', 2)).toThrow(
      /is a switch: sweep it as 0 \(off\) or 1 \(on\)/,
    );
  });

  it('replaces a nested number in a deep copy, leaving the input alone', () => {
    const input = makeInput();
    const out = setNumericPath(input, 'intake.talkMinutes.exponential.mean', 2) as ReturnType<
      typeof makeInput
    >;
    expect(out.intake.talkMinutes.exponential.mean).toBe(2);
    expect(input.intake.talkMinutes.exponential.mean).toBe(1);
    expect(out).toEqual({ ...input, intake: { ...input.intake, talkMinutes: { exponential: { mean: 2 } } } });
    expect(out.intake).not.toBe(input.intake);
    expect(out.arrivals.hourOfDay).not.toBe(input.arrivals.hourOfDay);
  });

  it('reaches list entries by index', () => {
    const out = setNumericPath(makeInput(), 'arrivals.hourOfDay.9', 3) as ReturnType<typeof makeInput>;
    expect(out.arrivals.hourOfDay[9]).toBe(3);
    expect(out.arrivals.hourOfDay.filter((x) => x === 1)).toHaveLength(23);
  });

  it('accepts a frozen, validated scenario and returns a copy that validates again', () => {
    const frozen = validateScenario(makeInput());
    const out = setNumericPath(frozen, 'intake.agents', 45);
    expect(Object.isFrozen(out)).toBe(false);
    expect(validateScenario(out).intake.agents).toBe(45);
    expect(frozen.intake.agents).toBe(40);
  });

  it('names a path that leads nowhere, with the fields there are', () => {
    const input = makeInput();
    expect(pathError(input, 'intake.agnets').message).toBe(
      'intake.agnets is not a field of the scenario (fields of intake: agents, talkMinutes)',
    );
    expect(pathError(input, 'intake.agnets').path).toBe('intake.agnets');
    expect(pathError(input, 'seeed').message).toMatch(
      /^seeed is not a field of the scenario \(fields: name, seed,/,
    );
    expect(pathError(input, 'intake.patienceMinutes.exponential.mean').message).toMatch(
      /^intake\.patienceMinutes\.exponential\.mean is not a field of the scenario/,
    );
    expect(pathError(input, 'arrivals.hourOfDay.24').message).toBe(
      'arrivals.hourOfDay.24 is not a field of the scenario (arrivals.hourOfDay has entries 0-23)',
    );
    expect(pathError(input, 'arrivals.hourOfDay.09').message).toMatch(/is not a field of the scenario/);
    expect(pathError(input, 'intake.agents.min').message).toBe(
      'intake.agents.min is not a field of the scenario (intake.agents is a number)',
    );
    // Inherited properties are not fields.
    expect(pathError(input, 'intake.constructor').message).toMatch(/is not a field of the scenario/);
    expect(pathError(input, 'toString').message).toMatch(/is not a field of the scenario/);
  });

  it('names a field that is not a number, pointing at the numbers inside it', () => {
    const input = makeInput();
    expect(pathError(input, 'name').message).toBe('name is not a number (it is a string)');
    expect(pathError(input, 'intake.talkMinutes').message).toBe(
      'intake.talkMinutes is not a number (it is an object; numbers inside it: intake.talkMinutes.exponential.mean)',
    );
    expect(pathError(input, 'arrivals.hourOfDay').message).toMatch(
      /^arrivals\.hourOfDay is not a number \(it is a list; numbers inside it: arrivals\.hourOfDay\.0, .*, …\)$/,
    );
  });

  it('rejects an empty or malformed path', () => {
    expect(pathError(makeInput(), '').message).toMatch(/^"" is not a field path/);
    expect(pathError(makeInput(), 'intake..agents').message).toMatch(
      /^"intake\.\.agents" is not a field path/,
    );
  });
});

describe('sweepScenario', () => {
  it('lowers P(wait) with every agent added, on the same arrivals for every value', () => {
    const values = [37, 40, 45, 52];
    const sweep = sweepScenario(makeInput(), 'intake.agents', values, { replications: 2 });
    expect(sweep).toMatchObject({ scenario: 'small-mmc', path: 'intake.agents', replications: 2 });
    expect(sweep.rows.map((r) => r.value)).toEqual(values);
    expect(sweep.rows.map((r) => r.report.agents)).toEqual(values);
    const pWait = sweep.rows.map((r) => r.report.kpis.pWait.mean);
    for (let i = 1; i < pWait.length; i++) expect(pWait[i]).toBeLessThan(pWait[i - 1] ?? 0);
    const contacts = new Set(sweep.rows.map((r) => r.report.kpis.contacts.mean));
    expect(contacts.size).toBe(1);
    expect(new Set(sweep.rows.map((r) => r.report.seed))).toEqual(new Set([11]));
  });

  it('sweeps a frozen, validated scenario (as built-ins are) and honours a seed override', () => {
    const frozen = validateScenario(makeInput());
    const a = sweepScenario(frozen, 'arrivals.perHour', [1800, 2100], { seed: 3 });
    expect(a.rows.map((r) => r.report.seed)).toEqual([3, 3]);
    expect(a.replications).toBe(1);
    expect(a.rows[0]?.report.kpis.contacts.mean).toBeLessThan(a.rows[1]?.report.kpis.contacts.mean ?? 0);
  });

  it('validates every value before running any: a value breaking a rule names the field', () => {
    const progress: number[] = [];
    let error: unknown;
    try {
      sweepScenario(makeInput(), 'intake.agents', [40, 0], { onProgress: (f) => progress.push(f) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).source).toBe('small-mmc with intake.agents = 0');
    expect((error as ScenarioError).problems).toContainEqual(
      expect.stringMatching(/^intake\.agents: .*got 0$/),
    );
    expect(progress).toEqual([]);
  });

  it('throws SweepPathError for a bad path and refuses an empty list of values', () => {
    expect(() => sweepScenario(makeInput(), 'intake.agnets', [5])).toThrow(SweepPathError);
    expect(() => sweepScenario(makeInput(), 'intake.agents', [])).toThrow(/at least one value/);
  });

  it('reports progress across all values, ending at 1', () => {
    const seen: number[] = [];
    sweepScenario(makeInput(), 'intake.agents', [40, 45], { onProgress: (f) => seen.push(f) });
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toContain(0.5);
  });
});
