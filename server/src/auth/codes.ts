import { randomInt } from 'node:crypto';
import type { RedisClient } from '../redis/client';

const CODES_KEY = 'hotline:codes';
/** Letters and digits that cannot be mistaken for each other when read aloud or from a board. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A join code: observers and trainees log in with one instead of a password. */
export interface JoinCode {
  code: string;
  role: 'observer' | 'trainee';
  /** The trainee's run; null for observers. */
  runId: string | null;
  seat: string | null;
  createdAt: string;
  expiresAt: string;
}

function newCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** `abcd2345`, ` ABCD-2345 ` → `ABCD-2345` (what people type is forgiven its case and dash). */
export function normaliseCode(input: string): string {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}

/** Join codes, in Redis (every server honours every code). */
export class JoinCodes {
  constructor(private readonly redis: RedisClient) {}

  async create(input: {
    role: 'observer' | 'trainee';
    runId: string | null;
    seat: string | null;
    ttlHours: number;
  }): Promise<JoinCode> {
    const now = Date.now();
    const code: JoinCode = {
      code: newCode(),
      role: input.role,
      runId: input.runId,
      seat: input.seat,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + input.ttlHours * 3600_000).toISOString(),
    };
    await this.redis.hset(CODES_KEY, code.code, JSON.stringify(code));
    return code;
  }

  /** Codes not yet expired, newest first (expired ones are dropped on the way). */
  async list(): Promise<JoinCode[]> {
    const all = Object.values(await this.redis.hgetall(CODES_KEY)).map((t) => JSON.parse(t) as JoinCode);
    const now = new Date().toISOString();
    const expired = all.filter((c) => c.expiresAt <= now).map((c) => c.code);
    if (expired.length > 0) await this.redis.hdel(CODES_KEY, ...expired);
    return all.filter((c) => c.expiresAt > now).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The code someone typed, if it exists and has not expired. */
  async find(typed: string): Promise<JoinCode | undefined> {
    const code = normaliseCode(typed);
    if (code.length !== 9) return undefined;
    const text = await this.redis.hget(CODES_KEY, code);
    if (!text) return undefined;
    const found = JSON.parse(text) as JoinCode;
    return found.expiresAt > new Date().toISOString() ? found : undefined;
  }

  /** Whether a code was there to delete. */
  async delete(typed: string): Promise<boolean> {
    return (await this.redis.hdel(CODES_KEY, normaliseCode(typed))) === 1;
  }
}
