import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario, validateScenario } from './load';

/** The foundation issue's minimal form, verbatim: it must be accepted as is. */
const MINIMAL = `{ "name": "mmc", "seed": 7, "hours": 500, "warmupHours": 5,
  "arrivals": { "perHour": 2700 },
  "intake": { "agents": 50,
              "talkMinutes": { "exponential": { "mean": 1 } },
              "patienceMinutes": { "exponential": { "mean": 2 } } },
  "directAnswerShare": 1 }`;

function problemsOf(input: unknown): readonly string[] {
  try {
    validateScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario loading', () => {
  it('accepts the minimal M/M/c+M form as is and fills defaults', () => {
    const s = parseScenario(MINIMAL, 'mmc.json');
    expect(s.intake.agents).toBe(50);
    expect(s.intake.serviceLevelSeconds).toBe(15);
    expect(s.start).toBe('2025-01-06');
    expect(s.arrivals.hourOfDay).toBeUndefined();
  });

  it('accepts it without patience (callers never hang up)', () => {
    const s = JSON.parse(MINIMAL);
    delete s.intake.patienceMinutes;
    expect(validateScenario(s).intake.patienceMinutes).toBeUndefined();
  });

  it('reads the same scenario from YAML', () => {
    const yaml = `name: mmc\nseed: 7\nhours: 500\nwarmupHours: 5\narrivals:\n  perHour: 2700\nintake:\n  agents: 50\n  talkMinutes:\n    exponential: { mean: 1 }\n  patienceMinutes:\n    exponential: { mean: 2 }\ndirectAnswerShare: 1\n`;
    expect(parseScenario(yaml, 'mmc.yaml')).toEqual(parseScenario(MINIMAL, 'mmc.json'));
  });

  it('freezes the result', () => {
    const s = parseScenario(MINIMAL);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.intake.talkMinutes)).toBe(true);
    expect(() => {
      (s.intake as { agents: number }).agents = 3;
    }).toThrow();
  });

  it('names the field path, the rule and the value of each problem', () => {
    const s = JSON.parse(MINIMAL);
    s.intake.agents = -3;
    s.arrivals.perHour = 'many';
    const problems = problemsOf(s);
    expect(problems).toContainEqual(expect.stringMatching(/^intake\.agents: .*>0.*got -3$/));
    expect(problems).toContainEqual(expect.stringMatching(/^arrivals\.perHour: .*number.*got "many"$/));
  });

  it('rejects unknown fields (typos) instead of ignoring them', () => {
    const s = JSON.parse(MINIMAL);
    s.intake.agnets = 5;
    expect(problemsOf(s)).toContainEqual('intake: unknown field(s) agnets');
  });

  it('rejects a warm-up as long as the run', () => {
    const s = JSON.parse(MINIMAL);
    s.warmupHours = 500;
    expect(problemsOf(s)).toContainEqual(expect.stringMatching(/^warmupHours: must be shorter than hours/));
  });

  it('rejects profiles of the wrong length and impossible dates', () => {
    const s = JSON.parse(MINIMAL);
    s.arrivals.hourOfDay = [1, 2, 3];
    s.start = '2025-02-30';
    expect(problemsOf(s)).toContainEqual(expect.stringMatching(/^arrivals\.hourOfDay: needs exactly 24/));
    const t = JSON.parse(MINIMAL);
    t.start = '2025-02-30';
    expect(problemsOf(t)).toEqual(['start: "2025-02-30" is not a real date']);
  });

  it('reports a syntax error with the format and never returns a half-read scenario', () => {
    expect(() => parseScenario('{ "name": ', 'broken.json')).toThrow(
      /broken\.json is invalid:[\s\S]*not valid JSON/,
    );
    expect(() => parseScenario('- just\n- a list', 'list.yaml')).toThrow(/must be an object/);
  });
});

describe('scenario arrivals', () => {
  it('takes a recorded trace instead of a rate, but not both and not neither', () => {
    const s = JSON.parse(MINIMAL);
    s.arrivals = { trace: [{ at: 5, category: 'heating', lon: 116.4, lat: 39.9, channel: 'phone' }] };
    expect(validateScenario(s).arrivals.trace).toHaveLength(1);
    s.arrivals.perHour = 10;
    expect(problemsOf(s)).toContainEqual(
      expect.stringMatching(/^arrivals: needs either perHour .* or trace/),
    );
    s.arrivals = {};
    expect(problemsOf(s)).toContainEqual(expect.stringMatching(/^arrivals: needs either perHour/));
  });
});

describe('scenario references', () => {
  it('names unknown categories, units and districts in injects and traces', () => {
    const s = JSON.parse(MINIMAL);
    s.arrivals = { trace: [{ at: 1, category: 'no-such-category' }] };
    s.lifecycle = {
      injects: [
        { kind: 'outage', atHours: 1, hours: 2, unitId: 'no-such-unit' },
        {
          kind: 'surge',
          atHours: 1,
          hours: 2,
          factor: 2,
          categories: ['heating', 'bogus'],
          districtId: '999999',
        },
      ],
    };
    expect(problemsOf(s)).toEqual([
      expect.stringMatching(/^arrivals\.trace\.0\.category: unknown category "no-such-category"/),
      expect.stringMatching(/^lifecycle\.injects\.0\.unitId: unknown unit "no-such-unit"/),
      expect.stringMatching(/^lifecycle\.injects\.1\.categories\.1: unknown category "bogus"/),
      expect.stringMatching(/^lifecycle\.injects\.1\.districtId: unknown district "999999"/),
    ]);
  });

  it('accepts real ids: a city unit, a street code, a district code', () => {
    const s = JSON.parse(MINIMAL);
    s.lifecycle = {
      injects: [
        { kind: 'outage', atHours: 1, hours: 2, unitId: 'power' },
        { kind: 'outage', atHours: 1, hours: 2, unitId: '110109001' },
        {
          kind: 'surge',
          atHours: 1,
          hours: 2,
          factor: 2,
          categories: ['waterlogging'],
          districtId: '110111',
        },
      ],
    };
    expect(validateScenario(s).lifecycle?.injects).toHaveLength(3);
  });
});
