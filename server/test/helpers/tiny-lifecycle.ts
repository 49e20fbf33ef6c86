/**
 * A tiny lifecycle scenario for CLI tests of the three-city comparison: 80 contacts an hour for 2
 * hours, with data sharing, the grid and tiered dispatch on, so levers of several drivers are in use.
 */
export const TINY_LIFECYCLE = {
  name: 'tiny',
  seed: 7,
  hours: 2,
  arrivals: { perHour: 80 },
  intake: { agents: 16, talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } } },
  lifecycle: { reforms: { dataSharing: 0.8 }, grid: { enabled: true }, dispatch: { mode: 'tiered' } },
};
