import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** The setting under which the instructor password's hash is stored (SQLite). */
export const PASSWORD_SETTING = 'instructor-password';

/** `scrypt$<salt hex>$<hash hex>`: scrypt with Node's defaults (N = 16384, r = 8, p = 1), 32 bytes. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A password to print once: 4 groups of 4 letters and digits (about 80 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

export interface SettingsStore {
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;
}

/**
 * The instructor password's hash: from `configured` (INSTRUCTOR_PASSWORD) when set, replacing the
 * stored one; else the stored one; else a new password, stored hashed and returned as `generated` so
 * the caller prints it (once: the next start finds the hash).
 */
export function ensureInstructorPassword(
  store: SettingsStore,
  configured: string | null,
): { hash: string; generated?: string } {
  if (configured !== null) {
    const stored = store.getSetting(PASSWORD_SETTING);
    if (stored && verifyPassword(configured, stored)) return { hash: stored };
    const hash = hashPassword(configured);
    store.setSetting(PASSWORD_SETTING, hash);
    return { hash };
  }
  const stored = store.getSetting(PASSWORD_SETTING);
  if (stored) return { hash: stored };
  const generated = generatePassword();
  const hash = hashPassword(generated);
  store.setSetting(PASSWORD_SETTING, hash);
  return { hash, generated };
}
