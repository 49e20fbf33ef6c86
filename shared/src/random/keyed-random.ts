import { mix32, type Rng } from './rng';

/**
 * Counter-based randomness for appeals: every draw is a hash of (run seed, appeal or contact id,
 * purpose, counter). What a given citizen does therefore depends on nothing else in the run, so a
 * policy change cannot reshuffle other citizens' draws (common random numbers at the finest grain),
 * and the live runtime, whose jobs run in any order, draws exactly what the engine draws.
 */
export const PURPOSES = {
  category: 1,
  street: 2,
  cell: 3,
  latent: 4,
  intakeOutcome: 5,
  repeat: 6,
  dispatchMinutes: 7,
  misroute: 8,
  wrongUnit: 9,
  signHours: 10,
  falseReturn: 11,
  review: 12,
  forward: 13,
  response: 14,
  whistleNeeded: 15,
  reports: 16,
  work: 17,
  resolution: 18,
  partly: 19,
  rating: 20,
  basically: 21,
  reach: 22,
  gridDispatch: 23,
  surge: 24,
  talk: 25,
  patience: 26,
  task: 27,
  seat: 28,
  seatPick: 29,
  seatText: 30,
  batch: 31,
  legal: 32,
  gaming: 33,
  exclude: 34,
  promptCall: 35,
  adoption: 36,
  promise: 37,
  revisit: 38,
} as const;

export type Purpose = (typeof PURPOSES)[keyof typeof PURPOSES];

/** Uniform in (0, 1) from (seed, id, purpose, counter). */
export function keyedUniform(seed: number, id: number, purpose: number, counter = 0): number {
  const h = mix32(
    mix32(seed ^ Math.imul(id, 0x9e3779b1)) ^ Math.imul(purpose * 64 + counter + 1, 0x85ebca6b),
  );
  return (h + 0.5) / 4294967296;
}

/**
 * An Rng over keyed draws, for samplers that need several uniforms: `at(id, purpose)` points it at
 * one appeal's purpose, then each `next()` takes the following counter. One object serves every draw,
 * so nothing is allocated per appeal.
 */
export class KeyedRng implements Rng {
  private id = 0;
  private purpose = 0;
  private counter = 0;

  constructor(private readonly seed: number) {}

  at(id: number, purpose: number): this {
    this.id = id;
    this.purpose = purpose;
    this.counter = 0;
    return this;
  }

  next(): number {
    return keyedUniform(this.seed, this.id, this.purpose, this.counter++);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
