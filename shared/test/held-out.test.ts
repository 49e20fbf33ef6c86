/**
 * Validation that can fail (issue 14, point 9): published figures calibration never sees, each with
 * a scenario of its period's levers, reported with the model's value and error. This test checks
 * the table is computed honestly; it does NOT ask the model to be close (README: calibration and
 * validation gives the errors, whatever they are).
 */
import { describe, expect, it } from 'vitest';
import { HELD_OUT, REFORM_STAGES, STAGE_TARGETS, builtInScenario, heldOutTable } from '../src';

describe('held-out figures', () => {
  it('are at least three, none of them a calibration target, each period a built-in scenario', () => {
    const figures = HELD_OUT.flatMap((p) => p.figures.map((f) => ({ ...f, scenario: p.scenario.name })));
    expect(figures.length).toBeGreaterThanOrEqual(3);
    const targets = Object.values(STAGE_TARGETS).flatMap((t) => [t.resolutionRate, t.satisfactionRate]);
    for (const f of figures) {
      expect(Object.keys(STAGE_TARGETS)).not.toContain(f.scenario);
      expect(targets).not.toContain(f.published);
      expect(builtInScenario(f.scenario), f.scenario).toBeDefined();
    }
  });

  it('differ from the reform stages only by levers and date (the same city, demand and intake)', () => {
    const strip = ({
      name: _n,
      description: _d,
      start: _s,
      lifecycle: _l,
      ...rest
    }: (typeof REFORM_STAGES)['stage-2024']) => rest;
    for (const p of HELD_OUT) {
      expect(strip(p.scenario)).toEqual(strip(REFORM_STAGES['stage-2024']));
      expect(p.scenario.lifecycle).not.toHaveProperty('citizens');
    }
  });

  it('puts the model beside each figure: its value in [0, 1] with a 95 % CI, and error = model − published', () => {
    const rows = heldOutTable({ replications: 2, seed: 11 });
    expect(rows).toHaveLength(HELD_OUT.reduce((n, p) => n + p.figures.length, 0));
    for (const r of rows) {
      expect(r.model).toBeGreaterThanOrEqual(0);
      expect(r.model).toBeLessThanOrEqual(1);
      expect(r.ci95[0]).toBeLessThanOrEqual(r.model);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.model);
      expect(r.ci95[1]).toBeGreaterThan(r.ci95[0]);
      expect(r.error).toBeCloseTo(r.model - r.published, 12);
      expect(r.source).toMatch(/^published: \S/);
    }
  }, 120_000);
});
