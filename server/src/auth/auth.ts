import type { Redis } from 'ioredis';
import { ApiKeys } from './api-keys';
import { JoinCodes } from './codes';
import { verifyPassword } from './password';
import { Sessions } from './sessions';

export type CookieSecure = 'auto' | 'always' | 'never';

/** Everything access control needs, built once per server. */
export class Auth {
  readonly sessions: Sessions;
  readonly codes: JoinCodes;
  readonly apiKeys: ApiKeys;

  constructor(
    redis: Redis,
    private readonly passwordHash: string,
    readonly cookieSecure: CookieSecure,
    /** Login attempts per minute per client address. */
    readonly loginRateLimit: number,
  ) {
    this.sessions = new Sessions(redis);
    this.codes = new JoinCodes(redis);
    this.apiKeys = new ApiKeys(redis);
  }

  checkPassword(password: string): boolean {
    return verifyPassword(password, this.passwordHash);
  }
}
