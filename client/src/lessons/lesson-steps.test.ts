import { describe, expect, it } from 'vitest';
import { focusPanel, focusPlace, keyBelongsToTarget, moveStep, stepKey } from './lesson-steps';

describe('presenter keys', () => {
  it('moves forward on →, PageDown and space, back on ← and PageUp, not on other keys', () => {
    expect(['ArrowRight', 'PageDown', ' '].map(stepKey)).toEqual([1, 1, 1]);
    expect(['ArrowLeft', 'PageUp'].map(stepKey)).toEqual([-1, -1]);
    expect(['Enter', 'a', 'ArrowUp'].map(stepKey)).toEqual([0, 0, 0]);
  });

  it('leaves keys to fields, sliders and a space to the button it presses', () => {
    expect(keyBelongsToTarget('ArrowRight', 'INPUT')).toBe(true);
    expect(keyBelongsToTarget('PageDown', 'SELECT')).toBe(true);
    expect(keyBelongsToTarget(' ', 'BUTTON')).toBe(true);
    expect(keyBelongsToTarget('ArrowRight', 'BUTTON')).toBe(false);
    expect(keyBelongsToTarget(' ', 'BODY')).toBe(false);
  });
});

describe('lesson steps', () => {
  it('reads the focused panel of a step', () => {
    expect(focusPanel({ panel: 'kpis' })).toBe('kpis');
    expect(focusPanel({ panel: 'map', district: '110105' })).toBe('map');
    expect(focusPanel(undefined)).toBeUndefined();
  });

  it('keeps the step inside the lesson', () => {
    expect(moveStep(0, -1, 5)).toBe(0);
    expect(moveStep(3, 1, 5)).toBe(4);
    expect(moveStep(4, 1, 5)).toBe(4);
    expect(moveStep(0, 1, 0)).toBe(0);
  });
});

describe('the place a step points the map at', () => {
  it('is its street, its unit, or its district office (the unit whose id is the district code)', () => {
    expect(focusPlace({ panel: 'map', street: '110105001' })).toEqual({ kind: 'street', id: '110105001' });
    expect(focusPlace({ panel: 'map', unit: 'power' })).toEqual({ kind: 'unit', id: 'power' });
    expect(focusPlace({ panel: 'map', district: '110117' })).toEqual({ kind: 'unit', id: '110117' });
    expect(focusPlace({ panel: 'kpis' })).toBeNull();
    expect(focusPlace(undefined)).toBeNull();
  });
});
