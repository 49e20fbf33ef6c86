/** Who is calling: the instructor (everything), a trainee (their seat in one run), an observer (read-only). */
export const ROLES = ['instructor', 'trainee', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** What a session cookie stands for. */
export interface Session {
  role: Role;
  /** A trainee's run (their exercise); null for the others. */
  runId: string | null;
  /** A trainee's seat name; null for the others. */
  seat: string | null;
  expiresAt: string;
}

/** Why a request is refused: 401 (no session) or 403 (the role may not), with the message. */
export type Refusal = { status: 401 | 403; error: string };

export const LOGIN_FIRST: Refusal = { status: 401, error: 'log in first (POST /api/session)' };

const READ = new Set(['GET', 'HEAD']);
/** Paths under /api anyone may call. */
const PUBLIC = new Set(['/session', '/openapi.json']);
/**
 * Paths under /api only the instructor may read: secrets, exercise scripts (trainees must not read
 * the injects to come) and trainees' results.
 */
const INSTRUCTOR_READS = [
  /^\/codes(\/|$)/,
  /^\/open311\/keys(\/|$)/,
  /^\/exercises(\/|$)/,
  /^\/training(\/|$)/,
  /^\/runs\/[^/]+\/schedule(\/|$)/,
];
/** A training seat of a run, and what follows it (`/decisions`). */
const SEAT_PATH = /^\/runs\/([^/]+)\/seats(?:\/([^/]+)(\/[^/]*)?)?\/?$/;
/** Paths under /api a trainee may read besides their run. */
const TRAINEE_READS = [/^\/runs\/?$/, /^\/scenarios(\/|$)/, /^\/city\/?$/];

/**
 * The access rule of the REST API (paths relative to /api), in one place: the instructor may do
 * everything; an observer may read everything but secrets (join codes, api keys); a trainee may read
 * their own run, the run list (filtered to it), scenarios and the city, and act at their own seat
 * (`/runs/:id/seats/:seat/…`, any method); nobody else writes.
 */
export function refusal(session: Session | undefined, method: string, path: string): Refusal | null {
  if (PUBLIC.has(path)) return null;
  if (!session) return LOGIN_FIRST;
  if (session.role === 'instructor') return null;
  const who = session.role === 'trainee' ? `a trainee (seat "${session.seat ?? ''}")` : 'an observer';
  const seatPath = SEAT_PATH.exec(path);
  if (seatPath && session.role === 'trainee') {
    // A trainee sees and decides at their own seat only: not the others', not the list of seats.
    const [, run, seat, rest] = seatPath;
    const own = run === session.runId && seat === session.seat;
    if (own && READ.has(method) && !rest) return null;
    if (own && method === 'POST' && rest === '/decisions') return null;
    return {
      status: 403,
      error: `forbidden: ${who} may use only seat "${session.seat ?? ''}" of run "${session.runId ?? ''}"`,
    };
  }
  // A trainee acts at their own seat of their own run (training seats: /runs/:id/seats/:seat/…).
  const seat = /^\/runs\/([^/]+)\/seats\/([^/]+)(\/|$)/.exec(path);
  if (seat && session.role === 'trainee') {
    if (seat[1] === session.runId && safeDecode(seat[2] as string) === session.seat) return null;
    return { status: 403, error: `forbidden: you are ${who} of run "${session.runId ?? ''}"` };
  }
  if (!READ.has(method))
    return { status: 403, error: `${method} ${path} needs the instructor role; you are ${who}` };
  if (INSTRUCTOR_READS.some((re) => re.test(path)))
    return { status: 403, error: `${path} needs the instructor role; you are ${who}` };
  if (session.role === 'observer') return null;
  if (TRAINEE_READS.some((re) => re.test(path))) return null;
  const run = /^\/runs\/([^/]+)(\/|$)/.exec(path)?.[1];
  if (run !== undefined && run === session.runId) return null;
  return {
    status: 403,
    error: run
      ? `forbidden: this seat belongs to run "${session.runId ?? ''}", not "${run}"`
      : `${path} is not open to trainees`,
  };
}

/** A path segment decoded, or itself when it is not valid percent-encoding (never throws). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether a session may watch a run (Socket.IO join): everyone logged in, trainees only their own. */
export function mayWatch(session: Session, runId: string): boolean {
  return session.role !== 'trainee' || session.runId === runId;
}
