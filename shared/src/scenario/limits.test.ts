import { describe, expect, it } from 'vitest';
import { builtInScenario, builtInScenarioNames } from '../scenarios';
import { SCENARIO_LIMITS, scenarioLimitProblems } from './limits';
import { validateScenario } from './load';

describe('scenario limits', () => {
  it('every built-in scenario is within them', () => {
    for (const name of builtInScenarioNames)
      expect(scenarioLimitProblems(validateScenario(builtInScenario(name), name)), name).toEqual([]);
  });

  it('names each limit a scenario is over, with its value', () => {
    const beijing = validateScenario(builtInScenario('beijing-weekday'), 'beijing-weekday');
    const big = validateScenario(
      {
        ...beijing,
        hours: 1e8,
        arrivals: { trace: Array.from({ length: 11 }, (_, i) => ({ at: i })) },
        intake: { ...beijing.intake, agents: 6000, agentsByHour: undefined },
      },
      'big',
    );
    expect(scenarioLimitProblems(big, { ...SCENARIO_LIMITS, traceLength: 10 })).toEqual([
      'hours: 100000000 is over the limit of 744 (limits.hours)',
      'intake.agents: 6000 is over the limit of 5000 (limits.agents)',
      'arrivals.trace: 11 is over the limit of 10 (limits.traceLength)',
    ]);
    const busy = validateScenario({ ...beijing, hours: 600, arrivals: { perHour: 19_000 } }, 'busy');
    expect(scenarioLimitProblems(busy)).toEqual([
      'expected contacts (mean per hour × hours): 11400000 is over the limit of 2000000 (limits.contacts)',
    ]);
  });
});

describe('scenario limits of a timeline', () => {
  const base = {
    name: 'timeline-limits',
    hours: 100,
    arrivals: { perHour: 100 },
    intake: { agents: 10, talkMinutes: { exponential: { mean: 5 } } },
    lifecycle: {},
  };
  const label = { zh: '变化', en: 'Change' };

  it('names a rate or agent count a timeline entry sets over the limit', () => {
    const s = validateScenario({
      ...base,
      timeline: [{ at: 10, label, set: { 'arrivals.perHour': 30_000, 'intake.agents': 9_000 } }],
    });
    expect(scenarioLimitProblems(s)).toEqual([
      'timeline.0.set.arrivals.perHour: 30000 is over the limit of 20000 (limits.perHour)',
      'timeline.0.set.intake.agents: 9000 is over the limit of 5000 (limits.agents)',
      'expected contacts (mean per hour × hours): 2701000 is over the limit of 2000000 (limits.contacts)',
    ]);
  });
});
