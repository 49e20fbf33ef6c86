/**
 * Where an appeal comes from, read from its id. Every appeal's draws are keyed by its id
 * (keyed-random.ts), so each source numbers its appeals in a range of its own, all below 2^31; this
 * module alone knows the ranges.
 */

/** citizen: a regular caller; matter: a caller about a government service matter (the services
 * model's questions and complaints, in a service city); surge: a caller an inject's surge adds; grid:
 * a grid worker's discovery; external: filed from outside (Open311); batch: sent to the training
 * seats by a batch inject. */
export type AppealKind = 'citizen' | 'matter' | 'surge' | 'grid' | 'external' | 'batch';

/** Keys of surge arrival gaps (draw keys, not appeals): a range of their own, far above regular contacts. */
const SURGE_KEY_BASE = 1 << 29;
/** Callers about service matters: the upper half of the surge keys' range (2^27 keys stay for surges). */
const MATTER_ID_BASE = (1 << 29) + (1 << 27);
const SURGE_CONTACT_BASE = (1 << 29) + (1 << 28);
const GRID_ID_BASE = 1 << 30;
/** Id of the first appeal filed from outside (Open311), above the grid's: the live runtime's Lua script numbers them from it. */
export const EXTERNAL_ID_BASE = (1 << 30) + (1 << 29);
/** Ids of appeals a batch inject sends to the training seats, above the external ones. */
const BATCH_ID_BASE = (1 << 30) + (1 << 29) + (1 << 28);

/** The kind of the appeal with this id. */
export function appealKind(id: number): AppealKind {
  // Below the matter callers: regular callers' contact numbers (and surge draw keys, never appeals).
  if (id < MATTER_ID_BASE) return 'citizen';
  if (id < SURGE_CONTACT_BASE) return 'matter';
  if (id < GRID_ID_BASE) return 'surge';
  if (id < EXTERNAL_ID_BASE) return 'grid';
  if (id < BATCH_ID_BASE) return 'external';
  return 'batch';
}

/** Id of the n-th (0-based) appeal of a kind; a citizen's id is the intake's own contact number. */
export function appealId(kind: Exclude<AppealKind, 'citizen'>, n: number): number {
  return BASES[kind] + n;
}

const BASES = {
  matter: MATTER_ID_BASE,
  surge: SURGE_CONTACT_BASE,
  grid: GRID_ID_BASE,
  external: EXTERNAL_ID_BASE,
  batch: BATCH_ID_BASE,
} as const;

/** The n within its kind of an appeal's id (the inverse of {@link appealId}). */
export function appealNumber(id: number): number {
  const kind = appealKind(id);
  return kind === 'citizen' ? id : id - appealId(kind, 0);
}

/** Draw key of the n-th surge arrival candidate (its gap and its thinning draw). */
export const surgeKey = (n: number): number => SURGE_KEY_BASE + n;
