import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded source of uniform numbers. Everything random in the model draws from an `Rng` handed to
 * it; nothing reads a global generator (DESIGN.md: same scenario + same seed ⇒ same report).
 */
export interface Rng {
  /** Uniform on the open interval (0, 1): never 0, so `-log(u)` is always finite. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** MurmurHash3's 32-bit finaliser: spreads neighbouring seeds (1, 2, 3 …) across the state space. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine several integers (seed, stream id, appeal id …) into one 32-bit seed. */
export function hashSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix32(h ^ mix32(p + 0x7f4a7c15));
  return h;
}

class XoroshiroRng implements Rng {
  constructor(private readonly gen: JumpableRandomGenerator) {}

  next(): number {
    // 53 random bits from the high bits of two outputs (the low bits of xoroshiro128+ are weaker);
    // +0.5 keeps the result strictly inside (0, 1).
    const hi = this.gen.next() >>> 5;
    const lo = this.gen.next() >>> 6;
    return (hi * TWO_POW_26 + lo + 0.5) / TWO_POW_53;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function seededGenerator(seed: number): JumpableRandomGenerator {
  const gen = xoroshiro128plus(mix32(seed));
  // A few outputs warm up the state, which starts with many zero bits.
  for (let i = 0; i < 16; i++) gen.next();
  return gen;
}

/** One generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  return new XoroshiroRng(seededGenerator(seed));
}

/**
 * Independent named sub-streams of one seed, for common random numbers: every random source
 * (arrivals, talk time, patience, routing …) gets its own stream, so changing a policy that draws
 * more or fewer routing numbers cannot shift the arrival times. Stream k is the seed's generator
 * advanced by k jumps of 2^64 draws (xoroshiro128+'s jump polynomial), so the streams never overlap.
 */
export class RngStreams<Name extends string> {
  private readonly base: JumpableRandomGenerator;

  /**
   * Streams are numbered by a stable list of names (`order`), not by first use, so a model that
   * stops drawing from one source does not renumber the others.
   */
  constructor(
    readonly seed: number,
    private readonly order: readonly Name[],
  ) {
    this.base = seededGenerator(seed);
  }

  /** A fresh generator at the start of `name`'s stream. */
  stream(name: Name): Rng {
    const k = this.order.indexOf(name);
    if (k < 0) throw new Error(`unknown random stream "${name}" (known: ${this.order.join(', ')})`);
    const gen = this.base.clone();
    for (let i = 0; i <= k; i++) gen.jump();
    return new XoroshiroRng(gen);
  }
}
