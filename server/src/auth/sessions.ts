import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/client';
import { ROLES, type Role, type Session } from './roles';

export const COOKIE_NAME = 'hotline_session';
/** Sessions last this long (a school day and then some). */
export const SESSION_SECONDS = 12 * 3600;

const sessionKey = (token: string) => `hotline:session:${createHash('sha256').update(token).digest('hex')}`;

/**
 * The Socket.IO room of a session's sockets (its key: the token's hash, never the token), so ending
 * the session can disconnect them on every server.
 */
export const sessionRoom = (token: string) => sessionKey(token);
/** The keys of the sessions opened with a join code (so revoking the code ends them). */
const codeSessionsKey = (code: string) => `hotline:code-sessions:${code}`;

/**
 * Sessions in Redis (any server answers for any session), keyed by the hash of the cookie's token:
 * a Redis dump does not hand out live cookies.
 */
export class Sessions {
  constructor(private readonly redis: RedisClient) {}

  /** A new session; `code`: the join code it was opened with (see {@link endForCode}). */
  async create(role: Role, runId: string | null = null, seat: string | null = null, code?: string) {
    const token = randomBytes(24).toString('base64url');
    const session: Session = {
      role,
      runId,
      seat,
      expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000).toISOString(),
    };
    const key = sessionKey(token);
    // The code's set first, then the session (on a cluster the two keys sit on different slots, so no
    // transaction spans them): a session opened with a code is always one revoking it ends. The set
    // outlives its newest session; keys of sessions expired meanwhile are harmless.
    if (code !== undefined) {
      await this.redis
        .multi()
        .sadd(codeSessionsKey(code), key)
        .expire(codeSessionsKey(code), SESSION_SECONDS)
        .exec();
    }
    await this.redis.set(key, JSON.stringify(session), 'EX', SESSION_SECONDS);
    return { token, session };
  }

  /**
   * Ends every session opened with join code `code` (it was revoked): the rooms ({@link sessionRoom})
   * of those that were still alive.
   */
  async endForCode(code: string): Promise<string[]> {
    const keys = await this.redis.smembers(codeSessionsKey(code));
    // One DEL per session: on a cluster the sessions' keys sit on many slots.
    const [deleted] = await Promise.all([
      Promise.all(keys.map((key) => this.redis.del(key))),
      this.redis.del(codeSessionsKey(code)),
    ]);
    return keys.filter((_, i) => deleted[i] === 1);
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
