import { describe, expect, it } from 'vitest';
import { lifecycleSchema } from './lifecycle-schema';
import { positiveRatingProbability, resolutionProbability, type ResolutionInputs } from './ratings';

const { resolution, satisfaction } = lifecycleSchema.parse({}).citizens;
const typical: ResolutionInputs = {
  effort: 0.5,
  difficulty: 0.35,
  whistle: 0,
  overdue: 0,
  dataSharing: 0,
  topicPolicies: 0,
  returned: false,
  lateReports: 0,
};

describe('citizen model', () => {
  it('resolves more with effort, a needed whistle, shared data and topic policies; less when harder, returned or overdue', () => {
    const p = resolutionProbability(resolution, typical);
    expect(resolutionProbability(resolution, { ...typical, effort: 1 })).toBeGreaterThan(p);
    expect(resolutionProbability(resolution, { ...typical, whistle: 1 })).toBeGreaterThan(p);
    expect(resolutionProbability(resolution, { ...typical, whistle: -1 })).toBeLessThan(p);
    expect(resolutionProbability(resolution, { ...typical, dataSharing: 1 })).toBeGreaterThan(p);
    expect(resolutionProbability(resolution, { ...typical, topicPolicies: 1 })).toBeGreaterThan(p);
    expect(resolutionProbability(resolution, { ...typical, difficulty: 0.6 })).toBeLessThan(p);
    expect(resolutionProbability(resolution, { ...typical, returned: true })).toBeLessThan(p);
    expect(resolutionProbability(resolution, { ...typical, overdue: 1 })).toBeLessThan(p);
  });

  it('rates by outcome first, then effort, a late response, lateness, the wait for an agent and pressing', () => {
    const resolved = positiveRatingProbability(satisfaction, 'resolved', 0.5, false);
    const partly = positiveRatingProbability(satisfaction, 'partly', 0.5, false);
    const not = positiveRatingProbability(satisfaction, 'not', 0.5, false);
    expect(resolved).toBeGreaterThan(partly);
    expect(partly).toBeGreaterThan(not);
    expect(positiveRatingProbability(satisfaction, 'not', 1, false)).toBeGreaterThan(not);
    expect(positiveRatingProbability(satisfaction, 'partly', 0.5, true)).toBeLessThan(partly);
    expect(positiveRatingProbability(satisfaction, 'partly', 0.5, false, 10)).toBeLessThan(partly);
    expect(positiveRatingProbability(satisfaction, 'partly', 0.5, false, 0, 1)).toBeLessThan(partly);
    expect(positiveRatingProbability(satisfaction, 'partly', 0.5, false, 0, 0, 1)).toBeGreaterThan(partly);
  });
});
