import { injectSchema } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { choiceOf, injectLabel, injectOf, type InjectChoice } from './InjectFields';

const CHOICES: InjectChoice[] = [
  'surge',
  'storm',
  'outage',
  'heating-start',
  'ambiguous-batch',
  'emergency-batch',
  'duplicates-batch',
];

describe('inject choices', () => {
  it('makes an inject the server accepts for every choice, which reads back as that choice', () => {
    for (const choice of CHOICES) {
      const inject = injectOf(choice, 2.5);
      expect(injectSchema.safeParse(inject).success, choice).toBe(true);
      expect(inject.atHours).toBe(2.5);
      expect(choiceOf(inject)).toBe(choice);
    }
  });

  it('calls a surge a storm only with exactly the storm’s categories', () => {
    const storm = injectOf('storm', 0);
    if (storm.kind !== 'surge') throw new Error('a storm is a surge');
    expect(choiceOf({ ...storm, categories: storm.categories?.slice(1) })).toBe('surge');
    expect(choiceOf({ ...storm, categories: [...(storm.categories ?? [])].reverse() })).toBe('storm');
    expect(injectLabel(storm)).toBe('injectStorm');
  });

  it('labels the kinds the seats report, and nothing else', () => {
    expect(injectLabel('emergency-batch')).toBe('injectEmergency');
    expect(injectLabel('duplicates-batch')).toBe('deskInjectDuplicates');
    expect(injectLabel('outage')).toBe('injectOutage');
    expect(injectLabel('toString')).toBeNull();
    expect(injectLabel('bogus')).toBeNull();
  });
});
