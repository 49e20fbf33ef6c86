import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ROLES, type Role, type Session } from './roles';

export const COOKIE_NAME = 'hotline_session';
/** Sessions last this long (a school day and then some). */
export const SESSION_SECONDS = 12 * 3600;

const sessionKey = (token: string) => `hotline:session:${createHash('sha256').update(token).digest('hex')}`;

/**
 * Sessions in Redis (any server answers for any session), keyed by the hash of the cookie's token:
 * a Redis dump does not hand out live cookies.
 */
export class Sessions {
  constructor(private readonly redis: Redis) {}

  async create(role: Role, runId: string | null = null, seat: string | null = null) {
    const token = randomBytes(24).toString('base64url');
    const session: Session = {
      role,
      runId,
      seat,
      expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000).toISOString(),
    };
    await this.redis.set(sessionKey(token), JSON.stringify(session), 'EX', SESSION_SECONDS);
    return { token, session };
  }

  /** The session of a token, or undefined (unknown, expired, malformed). */
  async get(token: string | undefined): Promise<Session | undefined> {
    if (!token || token.length > 100) return undefined;
    const text = await this.redis.get(sessionKey(token));
    if (!text) return undefined;
    const session = JSON.parse(text) as Session;
    return ROLES.includes(session.role) ? session : undefined;
  }

  async delete(token: string | undefined): Promise<void> {
    if (token && token.length <= 100) await this.redis.del(sessionKey(token));
  }
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name = COOKIE_NAME): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
