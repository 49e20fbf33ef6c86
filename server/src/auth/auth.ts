import type { RedisClient } from '../redis/client';
import { ApiKeys } from './api-keys';
import { JoinCodes, normaliseCode } from './codes';
import { verifyPassword } from './password';
import { Sessions } from './sessions';

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
   * Revokes a join code and ends the sessions opened with it (a code handed to the wrong person
   * must lock them out, not only stop new logins). Whether there was such a code.
   */
  async revokeCode(typed: string): Promise<boolean> {
    const code = normaliseCode(typed);
    const existed = await this.codes.delete(code);
    // Sessions are ended even when the code has just expired: they may still be alive.
    const ended = await this.sessions.endForCode(code);
    return existed || ended > 0;
  }

  checkPassword(password: string): boolean {
    return verifyPassword(password, this.passwordHash);
  }
}
