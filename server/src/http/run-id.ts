import { z } from 'zod';

/**
 * What a run id may be, declared once: 1-64 letters, digits or dashes (the server makes 8 hex
 * digits; the rule is wider so ids stay valid if that changes). The pattern is unanchored so it can
 * be part of larger patterns (an Open311 request id is `<run>-<appeal>`).
 */
export const RUN_ID_PATTERN = '[a-zA-Z0-9-]{1,64}';

/** A run id, wherever one arrives (a path, a body, a socket's `join`). */
export const runIdSchema = z
  .string()
  .regex(new RegExp(`^${RUN_ID_PATTERN}$`), 'a run id is 1-64 letters, digits or dashes');
