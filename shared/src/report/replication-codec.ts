import { HOTLINE_COUNTERS, type HotlineObservation } from '../hotline/observation';
import { BATCHES, type IntakeObservation } from '../intake/intake-model';
import { SERVICE_COUNTERS, type ServiceObservation } from '../services/observation';
import { QuantileSketch, type QuantileSketchState } from '../stats';
import type { Replication } from './kpis';

/** Tag of the encoding below; a decoder meeting another tag refuses it instead of guessing. */
export const REPLICATION_FORMAT = 'hotline-sim/replication@2';

/** An {@link IntakeObservation} as plain data: the wait sketch as its state. */
export interface EncodedIntake extends Omit<IntakeObservation, 'waits'> {
  waits: QuantileSketchState;
}

/** A {@link HotlineObservation} as plain data: typed arrays as lists, sketches as their states. */
export interface EncodedHotline extends Omit<HotlineObservation, 'intake' | 'counters' | 'closeHours'> {
  counters: number[];
  closeHours: QuantileSketchState[];
  /**
   * Only when the lifecycle's intake is not the replication's own: `runReplication` gives both the
   * same object, which is encoded once and shared again on decoding.
   */
  intake?: EncodedIntake;
}

/**
 * A {@link Replication} as JSON-safe plain data (what a queue worker returns), from
 * {@link encodeReplication}. `JSON.parse(JSON.stringify(e))` is deep-equal to `e`.
 */
export interface EncodedReplication {
  format: typeof REPLICATION_FORMAT;
  intake: EncodedIntake;
  hotline?: EncodedHotline;
  /** The service-matter counts: plain numbers already, copied. */
  services?: ServiceObservation;
}

function encodeIntake(o: IntakeObservation): EncodedIntake {
  return { ...o, batches: o.batches.map((b) => ({ ...b })), waits: o.waits.toJSON() };
}

function decodeIntake(e: EncodedIntake): IntakeObservation {
  if (e.batches.length !== BATCHES) {
    throw new RangeError(`encoded replication: intake has ${e.batches.length} batches, expected ${BATCHES}`);
  }
  return { ...e, batches: e.batches.map((b) => ({ ...b })), waits: QuantileSketch.fromJSON(e.waits) };
}

/** Throws naming the first number JSON cannot carry (NaN, ±Infinity would come back as null). */
function assertJsonSafe(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError(`encodeReplication: ${path} is ${value}, which JSON cannot carry`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertJsonSafe(v, `${path}.${i}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertJsonSafe(v, `${path}.${k}`);
  }
}

/**
 * A replication as plain, JSON-safe data that {@link decodeReplication} turns back into an equal
 * replication: every count, sum and sketch bucket is kept exactly (doubles survive JSON text), so a
 * report built from decoded replications is identical to one built from the originals. The
 * replication is not modified and shares nothing with the result.
 *
 * @throws RangeError naming the field when a number is not finite (observations hold only finite
 * counts and sums; JSON would turn anything else into null).
 */
export function encodeReplication(rep: Replication): EncodedReplication {
  const intake = encodeIntake(rep.intake);
  const out: EncodedReplication = { format: REPLICATION_FORMAT, intake };
  if (rep.services) out.services = { ...rep.services };
  const h = rep.hotline;
  if (h) {
    const { intake: own, counters, closeHours, streets, cityUnits, weights, ...rest } = h;
    out.hotline = {
      ...rest,
      counters: Array.from(counters),
      closeHours: closeHours.map((s) => s.toJSON()),
      streets: streets.map((s) => ({ ...s })),
      cityUnits: cityUnits.map((s) => ({ ...s })),
      weights: { ...weights },
      ...(own === rep.intake ? {} : { intake: encodeIntake(own) }),
    };
  }
  assertJsonSafe(out, 'replication');
  return out;
}

/**
 * The replication {@link encodeReplication} encoded (also after a trip through JSON text).
 *
 * @throws Error when the data is not in this encoding (another format tag, or counters and batches
 * of another length: a worker running a different version of the model); RangeError when a sketch
 * state is inconsistent.
 */
export function decodeReplication(e: EncodedReplication): Replication {
  const format: unknown = (e as Partial<EncodedReplication> | null)?.format;
  if (format !== REPLICATION_FORMAT) {
    throw new Error(
      `not an encoded replication: format is ${JSON.stringify(format) ?? 'missing'}, expected "${REPLICATION_FORMAT}"`,
    );
  }
  const intake = decodeIntake(e.intake);
  const services = e.services && { services: decodeServices(e.services) };
  if (!e.hotline) return { intake, ...services };
  const { intake: own, counters, closeHours, streets, cityUnits, weights, ...rest } = e.hotline;
  const expected = HOTLINE_COUNTERS.length * BATCHES;
  if (counters.length !== expected || closeHours.length !== BATCHES) {
    throw new Error(
      `encoded replication: lifecycle has ${counters.length} counters and ${closeHours.length} batches, ` +
        `expected ${expected} and ${BATCHES} (a worker running another version of the model?)`,
    );
  }
  const hotline: HotlineObservation = {
    ...rest,
    intake: own ? decodeIntake(own) : intake,
    counters: Float64Array.from(counters),
    closeHours: closeHours.map((s) => QuantileSketch.fromJSON(s)),
    streets: streets.map((s) => ({ ...s })),
    cityUnits: cityUnits.map((s) => ({ ...s })),
    weights: { ...weights },
  };
  return { intake, hotline, ...services };
}

function decodeServices(e: ServiceObservation): ServiceObservation {
  const missing = SERVICE_COUNTERS.filter((k) => typeof e[k] !== 'number');
  if (missing.length > 0) {
    throw new Error(
      `encoded replication: services lacks ${missing.join(', ')} (a worker running another version of the model?)`,
    );
  }
  return { ...e };
}
