import { describe, expect, it } from 'vitest';
import {
  APPEAL_STATES,
  IllegalTransitionError,
  STATE_LABELS,
  TERMINAL_STATES,
  canTransition,
  transition,
  type AppealState,
} from './lifecycle';

/**
 * The transition table as the Regulation describes it (DOMAIN.md §2), written out independently of
 * the implementation so that a change to either shows up here.
 */
const EXPECTED: Record<AppealState, readonly AppealState[]> = {
  received: ['answered', 'redirected', 'dispatched'],
  dispatched: ['signed', 'returned', 'dispatched', 'supervised'],
  returned: ['dispatched', 'signed', 'supervised'],
  signed: ['contacted', 'supervised'],
  contacted: ['handled', 'supervised'],
  supervised: ['dispatched', 'returned', 'signed', 'contacted', 'handled'],
  handled: ['replied'],
  replied: ['evaluated', 'verified', 'closed'],
  evaluated: ['closed'],
  verified: ['closed'],
  answered: [],
  redirected: [],
  closed: [],
};

const pairs = APPEAL_STATES.flatMap((from) => APPEAL_STATES.map((to) => [from, to] as const));
const allowed = pairs.filter(([from, to]) => EXPECTED[from].includes(to));
const illegal = pairs.filter(([from, to]) => !EXPECTED[from].includes(to));

/** States reachable from `start` along the table. */
function reachable(start: AppealState): Set<AppealState> {
  const seen = new Set<AppealState>([start]);
  const todo = [start];
  for (let s = todo.pop(); s !== undefined; s = todo.pop()) {
    for (const next of APPEAL_STATES) {
      if (canTransition(s, next) && !seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

describe('appeal lifecycle state machine', () => {
  it('has the thirteen states of the Regulation, each labelled in Chinese and English', () => {
    expect([...APPEAL_STATES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(APPEAL_STATES).size).toBe(13);
    for (const s of APPEAL_STATES) {
      expect(STATE_LABELS[s].zh.length).toBeGreaterThan(0);
      expect(STATE_LABELS[s].en.length).toBeGreaterThan(0);
    }
    expect([...TERMINAL_STATES].sort()).toEqual(['answered', 'closed', 'redirected']);
  });

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transition(from, to)).toBe(to);
  });

  it('allows exactly the transitions of the table and nothing else', () => {
    expect(allowed).toHaveLength(25);
    const actual = pairs.filter(([from, to]) => canTransition(from, to));
    expect(actual).toEqual(allowed);
  });

  it.each([
    ['received', 'closed'],
    ['received', 'signed'],
    ['received', 'received'],
    ['dispatched', 'handled'],
    ['dispatched', 'closed'],
    ['returned', 'handled'],
    ['signed', 'handled'],
    ['signed', 'returned'],
    ['contacted', 'closed'],
    ['handled', 'closed'],
    ['handled', 'supervised'],
    ['replied', 'handled'],
    ['evaluated', 'verified'],
    ['verified', 'evaluated'],
    ['supervised', 'closed'],
    ['supervised', 'supervised'],
    ['closed', 'received'],
    ['answered', 'dispatched'],
    ['redirected', 'received'],
  ] as const)('rejects %s → %s with an IllegalTransitionError naming both states', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let error: unknown;
    try {
      transition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IllegalTransitionError);
    const e = error as IllegalTransitionError;
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('IllegalTransitionError');
    expect(e.from).toBe(from);
    expect(e.to).toBe(to);
    expect(e.message).toContain(`${from} → ${to}`);
  });

  it('throws on every one of the other illegal pairs too', () => {
    expect(illegal).toHaveLength(13 * 13 - 25);
    for (const [from, to] of illegal) {
      expect(() => transition(from, to), `${from} → ${to}`).toThrow(IllegalTransitionError);
    }
  });

  it('has no way out of a terminal state', () => {
    for (const s of TERMINAL_STATES) {
      for (const to of APPEAL_STATES) expect(canTransition(s, to), `${s} → ${to}`).toBe(false);
      expect(() => transition(s, 'closed')).toThrow(/none, terminal/);
    }
  });

  it('reaches a terminal state from every state (no dead end) and every state from an entry point', () => {
    for (const s of APPEAL_STATES) {
      const ends = [...reachable(s)].filter((x) => TERMINAL_STATES.has(x));
      expect(ends.length, `${s} reaches no terminal state`).toBeGreaterThan(0);
      if (!TERMINAL_STATES.has(s)) expect(reachable(s).has('closed'), `${s} cannot close`).toBe(true);
    }
    // Citizens' appeals enter at received, grid discoveries at dispatched.
    const fromEntries = new Set([...reachable('received'), ...reachable('dispatched')]);
    expect([...fromEntries].sort()).toEqual([...APPEAL_STATES].sort());
    // A dispatched order can only end closed: it never becomes a direct answer or a redirect.
    expect([...reachable('dispatched')].filter((x) => TERMINAL_STATES.has(x))).toEqual(['closed']);
  });

  it('forces handling through signing and response, except by way of supervision', () => {
    // Whether `handled` (or `closed`) is reachable from dispatch when some states are taken out.
    const reachesHandled = (...banned: AppealState[]): boolean => {
      const seen = new Set<AppealState>(['dispatched']);
      const todo: AppealState[] = ['dispatched'];
      for (let s = todo.pop(); s !== undefined; s = todo.pop()) {
        for (const next of APPEAL_STATES) {
          if (!banned.includes(next) && canTransition(s, next) && !seen.has(next)) {
            seen.add(next);
            todo.push(next);
          }
        }
      }
      return seen.has('handled') || seen.has('closed');
    };
    expect(reachesHandled()).toBe(true);
    expect(reachesHandled('signed', 'supervised')).toBe(false);
    expect(reachesHandled('contacted', 'supervised')).toBe(false);
    expect(reachesHandled('handled')).toBe(false);
    // The table has no memory: "supervised → the step it was waiting for" is not enforced by it, so
    // dispatched → supervised → handled is a legal path. Runs must never take it (hotline-lifecycle.test.ts).
    expect(reachesHandled('signed')).toBe(true);
  });
});
