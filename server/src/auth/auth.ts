import type { RedisClient } from '../redis/client';
import { ApiKeys } from './api-keys';
import { JoinCodes, normaliseCode } from './codes';
import { verifyPassword } from './password';
import { sessionRoom, Sessions } from './sessions';

export type CookieSecure = 'auto' | 'always' | 'never';

/** Everything access control needs, built once per server. */
export class Auth {
  readonly sessions: Sessions;
  readonly codes: JoinCodes;
  readonly apiKeys: ApiKeys;

  constructor(
    redis: RedisClient,
    private readonly passwordHash: string,
    readonly cookieSecure: CookieSecure,
    /** Login attempts per minute per client address. */
    readonly loginRateLimit: number,
  ) {
    this.sessions = new Sessions(redis);
    this.codes = new JoinCodes(redis);
    this.apiKeys = new ApiKeys(redis);
  }

  /**
   * Called with the rooms of sessions just ended (revoked or logged out): the realtime layer
   * disconnects their sockets, which would otherwise keep receiving the run's updates.
   */
  onSessionsEnded: (rooms: string[]) => void = () => {};

  /**
   * Revokes a join code and ends the sessions opened with it (a code handed to the wrong person
   * must lock them out, not only stop new logins), their open sockets too. Whether there was such a
   * code.
   */
  async revokeCode(typed: string): Promise<boolean> {
    const code = normaliseCode(typed);
    const existed = await this.codes.delete(code);
    // Sessions are ended even when the code has just expired: they may still be alive.
    const ended = await this.sessions.endForCode(code);
    if (ended.length > 0) this.onSessionsEnded(ended);
    return existed || ended.length > 0;
  }

  /** Logs a session out (its cookie's token), its open sockets too. */
  async endSession(token: string | undefined): Promise<void> {
    if (!token || token.length > 100) return;
    await this.sessions.delete(token);
    this.onSessionsEnded([sessionRoom(token)]);
  }

  checkPassword(password: string): boolean {
    return verifyPassword(password, this.passwordHash);
  }
}
