import { meanPerHour, type Scenario } from './schema';

/**
 * How large a scenario a shared server runs (issue 13): a run or replication's time and memory grow
 * with its hours and contacts, and one without bounds (beijing-weekday at `hours: 1e8`) held a server
 * for 74 s and 5 GB. The server refuses a scenario over any of these with 422 naming the limit; the
 * CLI, on the user's own machine, runs any size (and a queued replication still meets the worker's
 * time and memory caps).
 */
export interface ScenarioLimits {
  /** Longest run in virtual hours (warm-up included). @defaultValue 744 (31 days) */
  readonly hours: number;
  /** Highest `arrivals.perHour`. @defaultValue 20000 (about 7 × Beijing's mean) */
  readonly perHour: number;
  /** Most agents on duty (`intake.agents` and each hour of `intake.agentsByHour`). @defaultValue 5000 */
  readonly agents: number;
  /** Most contacts in a recorded `arrivals.trace`. @defaultValue 200000 */
  readonly traceLength: number;
  /**
   * Most contacts expected over the run (mean per hour × hours): about 28 Beijing days, a minute or
   * so of one core per replication. @defaultValue 2000000
   */
  readonly contacts: number;
}

/** The limits a server applies to every scenario it is asked to run. */
export const SCENARIO_LIMITS: ScenarioLimits = Object.freeze({
  hours: 744,
  perHour: 20_000,
  agents: 5_000,
  traceLength: 200_000,
  contacts: 2_000_000,
});

/**
 * The limits `scenario` is over, each naming the field, its value and the limit
 * (`hours: 100000000 is over the limit of 744 (limits.hours)`); empty when it is within them.
 */
export function scenarioLimitProblems(
  scenario: Scenario,
  limits: ScenarioLimits = SCENARIO_LIMITS,
): string[] {
  const problems: string[] = [];
  const over = (field: string, value: number, limit: keyof ScenarioLimits) => {
    if (value > limits[limit])
      problems.push(`${field}: ${value} is over the limit of ${limits[limit]} (limits.${limit})`);
  };
  over('hours', scenario.hours, 'hours');
  if (scenario.arrivals.perHour !== undefined) over('arrivals.perHour', scenario.arrivals.perHour, 'perHour');
  over('intake.agents', scenario.intake.agents, 'agents');
  if (scenario.intake.agentsByHour)
    over('intake.agentsByHour', Math.max(...scenario.intake.agentsByHour), 'agents');
  if (scenario.arrivals.trace) over('arrivals.trace', scenario.arrivals.trace.length, 'traceLength');
  // A timeline's changes count too: each rate and agent count it sets, and the contacts of each stretch.
  let perHour = meanPerHour(scenario);
  let since = 0;
  let contacts = 0;
  scenario.timeline?.forEach((entry, i) => {
    const rate = entry.set['arrivals.perHour'];
    const agents = entry.set['intake.agents'];
    if (typeof rate === 'number') {
      over(`timeline.${i}.set.arrivals.perHour`, rate, 'perHour');
      contacts += perHour * (entry.at - since);
      perHour = rate;
      since = entry.at;
    }
    if (typeof agents === 'number') over(`timeline.${i}.set.intake.agents`, agents, 'agents');
  });
  contacts += perHour * (scenario.hours - since);
  over('expected contacts (mean per hour × hours)', Math.round(contacts), 'contacts');
  return problems;
}
