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

/**
 * Who may call a route of the REST API. Every route names one where it is declared (`allow(…)` in
 * access.ts), and the rule is checked after Express matched the route, on the route's decoded
 * parameters: never on the raw path, whose case, slashes and escapes Express forgives.
 *
 * - `public`: anyone, logged in or not (login, logout).
 * - `instructor`: the instructor only (writes, join codes, api keys, exercise scripts, results).
 * - `everyone`: any session (the run list, filtered for a trainee; scenarios; the city).
 * - `staff`: the instructor and observers, no trainee (experiments, the list of a run's seats).
 * - `run`: the instructor, observers, and a trainee of the run `:id` (whose appeal log and its
 *   exports a trainee reads only once the exercise has ended: answer-key.ts).
 * - `seat`: the instructor, observers, and the trainee at seat `:seat` of run `:id`.
 * - `seat-decide`: the instructor, and the trainee at seat `:seat` of run `:id` (any method).
 */
export const ACCESS = ['public', 'instructor', 'everyone', 'staff', 'run', 'seat', 'seat-decide'] as const;
export type Access = (typeof ACCESS)[number];

const READ = new Set(['GET', 'HEAD']);

/** The matched request an access rule looks at. */
export interface AccessRequest {
  method: string;
  /** The route's parameters as Express decoded them (`:id` is the run, `:seat` the seat). */
  params: Readonly<Record<string, string | undefined>>;
  /** The path as requested, for messages only. */
  path: string;
}

/**
 * The access rule of the REST API, in one place: the instructor may do everything; an observer reads
 * everything but secrets (join codes, api keys, exercise scripts, trainees' results); a trainee reads
 * their own run, the run list (filtered to it), scenarios and the city, and reads and decides at their
 * own seat; nobody else writes. Null when `session` may call a route declared with `access`.
 */
export function refusal(access: Access, session: Session | undefined, req: AccessRequest): Refusal | null {
  if (access === 'public') return null;
  if (!session) return LOGIN_FIRST;
  if (session.role === 'instructor') return null;
  const who = session.role === 'trainee' ? `a trainee (seat "${session.seat ?? ''}")` : 'an observer';
  const { method, params, path } = req;
  if (access === 'seat' || access === 'seat-decide') {
    if (session.role === 'trainee') {
      // A trainee sees and decides at their own seat only: not the others', not another run's.
      if (params.id === session.runId && params.seat === session.seat) return null;
      return {
        status: 403,
        error: `forbidden: ${who} may use only seat "${session.seat ?? ''}" of run "${session.runId ?? ''}"`,
      };
    }
    if (access === 'seat' && READ.has(method)) return null;
    return { status: 403, error: `${method} ${path} needs the instructor role; you are ${who}` };
  }
  // Whatever a route's rule says, only the instructor and a trainee at their seat write.
  if (!READ.has(method) || access === 'instructor') {
    return {
      status: 403,
      error: READ.has(method)
        ? `${path} needs the instructor role; you are ${who}`
        : `${method} ${path} needs the instructor role; you are ${who}`,
    };
  }
  if (access === 'everyone' || session.role === 'observer') return null;
  if (access === 'run' && params.id !== undefined && params.id === session.runId) return null;
  return {
    status: 403,
    error:
      access === 'run'
        ? `forbidden: this seat belongs to run "${session.runId ?? ''}", not "${params.id ?? ''}"`
        : `${path} is not open to trainees`,
  };
}

/** Whether a session may watch a run (Socket.IO join): everyone logged in, trainees only their own. */
export function mayWatch(session: Session, runId: string): boolean {
  return session.role !== 'trainee' || session.runId === runId;
}
