/**
 * The dashboard's English labels of the three cities side by side, the live city and callers about
 * service matters (part of `en`).
 */
export const enCities = {
  // --- sidebyside ---
  compareModeCities: 'Three cities',
  citiesTitle: 'Three cities side by side, by VIOTE driver',
  citiesIntro:
    'Each city runs its latest scenario ({scenarios}). Every lever it uses is switched off alone, on the same random numbers, and the bar shows what the lever does: the scenario as it is minus the scenario without it.',
  citiesHours: 'Hours per scenario (at most)',
  citiesRun: 'Compare the cities',
  citiesFailed: 'The three-city comparison failed: {message}',
  citiesEmpty:
    'Run the comparison to see, for each driver (value, institution, organization, technology, environment), which levers each city uses and what each does to the time to a result, the visits per matter and satisfaction.',
  citiesNone: 'No city could be compared',
  citiesMissing: '{city}: the scenario {scenario} is not built in yet, so this city is not compared.',
  citiesNote:
    'Bar: the lever’s effect (on − off); line: its 95 % interval; coloured when the interval excludes 0. Time to a result: days (hotline: 90th percentile from receipt to close; service matters: days per matter). Visits: visits per matter (hotline: repeat site visits per order).',
  citiesDriverEmpty: 'No city uses a lever of this driver.',
  citiesIdle: 'No lever of this driver in use: {cities}',
  citiesCity: 'City',
  citiesLever: 'Lever (off → on)',
  // --- livecity ---
  appTitleCity: '12345 Hotline · live city: {city}',
  mapAria: 'Map of {city} with appeals moving from where they arise to the units handling them',
  mapDistricts: 'Districts on the map ({n})',
  runCity: 'City',
  runCityTitle: 'The city the run takes place in: its districts, streets and communities',
  runCityOption: '{name} · {districts} districts, {streets} streets',
  citiesError: 'Could not load the cities: {message}',
  // --- matter calls ---
  appealMatter: 'Service matter',
  matterQuestion: 'Question',
  matterComplaint: 'Complaint',
  matterOnline: 'applied online',
  matterCounter: 'at a counter',
  matterFacts: '{kind} · {channel} · {visits} visits · {materials} materials',
  matterBundle: ' (one life event, {n} matters)',
  matterTag: 'matter',
};
