import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario } from '@hotline-sim/shared';
import { SPARSE_HOURS_SHARE, buildProfile, buildProfileScenario, importCsv } from '../src/import';
import { hotline } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'hotline-profile-'));

/**
 * A sparse multi-year sample, as a random few rows of a city's 311 history come out: six contacts
 * over three years, four on Mondays and two on Saturdays, at 09:xx or 14:xx.
 */
const SPARSE = [
  'Created Date,Complaint Type,Latitude,Longitude',
  '01/03/2022 09:10:00 AM,Noise - Residential,40.7101,-74.0012', // Monday
  '01/08/2022 09:40:00 AM,Illegal Parking,40.7102,-74.0013', // Saturday
  '06/06/2022 02:05:00 PM,Rodent,40.7601,-73.9801', // Monday
  '03/13/2023 09:30:00 AM,Noise - Residential,,', // Monday
  '11/04/2023 02:45:00 PM,Street Light Condition,40.7103,-74.0014', // Saturday
  '12/30/2024 09:15:00 AM,Noise - Residential,40.7104,-74.0015', // Monday
].join('\n');

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('demand profiles', () => {
  it('keep the shape, the mix and the places of a sparse sample, and call it sparse', async () => {
    const result = await importCsv(Readable.from([SPARSE]));
    const p = buildProfile(result);
    expect(p.daysSpanned).toBe(1093);
    expect(p.activeDays).toBe(6);
    expect(p.perActiveDay).toBe(1);
    expect(p.activeHours).toBe(6);
    expect(p.hoursSpanned).toBe(1092 * 24 + 1);
    expect(p.sparse).toBe(true);
    expect(p.activeHours / p.hoursSpanned).toBeLessThan(SPARSE_HOURS_SHARE);
    // 168 weekday-hours with mean 1; Monday 09:00 holds 3 of the 6 contacts.
    expect(sum(p.weekdayHour.flat())).toBeCloseTo(168, 2);
    expect(p.weekdayHour[0]?.[9]).toBeCloseTo((3 / 6) * 168, 2);
    expect(p.hourOfDay[9]).toBeCloseTo((4 / 6) * 24, 2);
    expect(p.hourOfDay[14]).toBeCloseTo((2 / 6) * 24, 2);
    expect(p.dayOfWeek).toEqual([4.6667, 0, 0, 0, 0, 2.3333, 0]);
    expect(p.monthOfYear).toHaveLength(12);
    expect(p.categoryMix[0]).toEqual({ category: 'noise-nuisance', share: 0.5 });
    expect(sum(p.categoryMix.map((c) => c.share))).toBeCloseTo(1, 5);
    // Five located contacts: four in the ~1 km cell at (40.71, -74.01), one at (40.76, -73.99).
    expect(p.locationDensity).toEqual([
      { lat: 40.71, lon: -74.01, share: 0.8 },
      { lat: 40.76, lon: -73.99, share: 0.2 },
    ]);
  });

  it('give a scenario scaled to a volume that validates and runs', async () => {
    const result = await importCsv(Readable.from([SPARSE]));
    const input = buildProfileScenario(
      buildProfile(result),
      result,
      { name: 'p', file: 'sparse.csv' },
      {
        perDay: 480,
        days: 2,
      },
    );
    const scenario = validateScenario(input, 'p');
    expect(scenario.arrivals.trace).toBeUndefined();
    expect(scenario.arrivals.perHour).toBe(20);
    expect(scenario.hours).toBe(48);
    expect(scenario.arrivals.dayOfWeek).toEqual([4.6667, 0, 0, 0, 0, 2.3333, 0]);
    expect(scenario.start).toBe('2022-01-03');
    const report = runScenario(scenario, { replications: 1 });
    // The run starts on the export's first day, Monday 2022-01-03, then a Tuesday: 480 × 4.67 on
    // Monday, none on Tuesday.
    expect(report.kpis.contacts.mean).toBeGreaterThan(480 * 4.6667 * 0.9);
    expect(report.kpis.contacts.mean).toBeLessThan(480 * 4.6667 * 1.1);
  });
});

describe('hotline import --profile', () => {
  const csv = join(dir, 'sparse.csv');
  writeFileSync(csv, SPARSE);

  it('warns that a literal replay of a sparse sample is sparse, and still writes it', async () => {
    const out = join(dir, 'replay.json');
    const { code, stderr } = await hotline('import', csv, '-o', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /warning: sparse replay: 6 of the 26,209 hours it spans hold a contact \(0\.0 %, under 50\.0 %\).*--profile/,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).arrivals.trace).toHaveLength(6);
  });

  it('writes a profile-based scenario and the profile beside it, without a warning', async () => {
    const out = join(dir, 'scaled.json');
    const { code, stderr } = await hotline(
      'import',
      csv,
      '-o',
      out,
      '--profile',
      '--per-day',
      '1200',
      '--days',
      '3',
    );
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/warning/);
    expect(stderr).toMatch(/profile: 1 contacts per active day \(6 of 1,?093 days\)/);
    const scenario = validateScenario(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(scenario.arrivals.perHour).toBe(50);
    expect(scenario.hours).toBe(72);
    expect(existsSync(join(dir, 'scaled.profile.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'scaled.profile.json'), 'utf8')).sparse).toBe(true);
  });

  it('refuses a scale without --profile and a bad scale, in one line with exit code 2', async () => {
    const out = join(dir, 'bad.json');
    for (const [args, message] of [
      [['--per-day', '100'], /--per-day and --days scale a profile: give --profile too/],
      [['--profile', '--days', '1.5'], /days must be a whole number above 0/],
      [['--profile', '--per-day', '-3'], /per-day must be a number above 0/],
    ] as const) {
      const { code, stderr } = await hotline('import', csv, '-o', out, ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
