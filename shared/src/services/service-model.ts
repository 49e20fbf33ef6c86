import { dayOfWeek, parseIsoDate } from '../engine/calendar';
import { keyedUniform, KeyedRng } from '../random/keyed-random';
import { makeSampler } from '../random/distributions';
import { hashSeed } from '../random/rng';
import type { DeepReadonly } from '../util/deep-readonly';
import {
  DEPARTMENTS,
  MATERIALS,
  MATTERS,
  NEEDS,
  type ServiceDepartmentId,
  type MaterialId,
  type Matter,
} from './catalogue';
import { emptyServiceObservation, type ServiceObservation } from './observation';
import { rateApplication } from './rating';
import type { Services } from './schema';

/** Keyed draws of the services model (its own seed: the hotline's streams are untouched). */
const P = { count: 1, need: 2, channel: 3, grant: 4, missing: 5, work: 6, question: 7, rating: 8, fix: 9 };
/** Working days an applicant takes to come back with a missing paper: at a counter, online. */
const RETURN_DAYS = { counter: 2, online: 1 } as const;
const MAX_ROUNDS = 3;
/** Each fix after a bad review multiplies the matter's missing-paper chance and work by this (assumed). */
const FIX_FACTOR = 0.8;
const FIX_FLOOR = 0.4;
const work = makeSampler({ lognormal: { mean: 1, cv: 0.6 } });

interface Job {
  app: Application;
  part: Part;
  step: number;
  hoursLeft: number;
  ready: number;
}
interface Part {
  matter: number;
  hours: number[];
  done: boolean;
}
interface Application {
  id: number;
  applied: number;
  deadline: number;
  release: number;
  parts: Part[];
  channel: 'counter' | 'online';
  visits: number;
  materials: number;
  rounds: number;
  asked: boolean;
  counted: boolean;
}

const cumulative = NEEDS.reduce<number[]>((acc, n) => [...acc, (acc.at(-1) ?? 0) + n.weight], []);
const totalWeight = cumulative.at(-1) as number;
/** Material types in a fixed order by a hash: data sharing covers the first `dataSharing` share. */
const materialRank = Object.fromEntries(
  (Object.keys(MATERIALS) as MaterialId[]).map((id, i) => [id, keyedUniform(0x5e7, i, 0)]),
) as Record<MaterialId, number>;

/** Expected base work-hours per applicant of each department (for staffing). */
function hoursPerApplicant(): Record<ServiceDepartmentId, number> {
  const out = Object.fromEntries(Object.keys(DEPARTMENTS).map((d) => [d, 0])) as Record<
    ServiceDepartmentId,
    number
  >;
  for (const { need, weight } of NEEDS)
    for (const i of need.matters)
      for (const [dept, h] of MATTERS[i]?.steps ?? []) out[dept] += (h * weight) / totalWeight;
  return out;
}

/**
 * A call to 12345 about a matter (the integrated hotline): a question before applying (when 12345
 * answers matter questions) or a complaint after the result. The hotline model turns these into
 * contacts (hotline/injects/matter-calls.ts).
 */
export interface MatterCall {
  /** Calendar day of the call, counted from the run's start (0 = the first day). */
  day: number;
  kind: 'question' | 'complaint';
  /** The application's first matter (index into MATTERS) and what the applicant went through. */
  matter: number;
  matters: number;
  channel: 'counter' | 'online';
  visits: number;
  materials: number;
}

/**
 * One replication of the service-matter model over `days` calendar days from `start`: applicants
 * arrive on working days, choose a channel, submit materials (returning when one is missing), and
 * their cases queue at each department's back office (daily staff-hours, first come first served)
 * until every case has a result. Cases arriving before `warmupDays` are served but not observed.
 */
export function runServices(
  s: DeepReadonly<Services>,
  opts: {
    seed: number;
    start: string;
    days: number;
    warmupDays?: number;
    /** Told of every call to 12345 within the run's days (warm-up included), in time order per kind. */
    onCall?: (call: MatterCall) => void;
  },
): ServiceObservation {
  const seed = hashSeed(opts.seed, 0x5e7c);
  const rng = new KeyedRng(seed);
  const obs = emptyServiceObservation();
  const perApplicant = hoursPerApplicant();
  const capacity = Object.fromEntries(
    Object.entries(perApplicant).map(([d, h]) => [d, h * s.applicantsPerDay * s.staffing]),
  ) as Record<ServiceDepartmentId, number>;
  const queues = Object.fromEntries(Object.keys(DEPARTMENTS).map((d) => [d, [] as Job[]])) as Record<
    ServiceDepartmentId,
    Job[]
  >;
  const backlog = Object.fromEntries(
    Object.entries(capacity).map(([d, h]) => [d, h * s.backlogDays]),
  ) as Record<ServiceDepartmentId, number>;
  const fixes = new Array<number>(MATTERS.length).fill(0);
  const fix = (i: number) => Math.max(FIX_FLOOR, FIX_FACTOR ** (fixes[i] ?? 0));
  const first = parseIsoDate(opts.start);
  const workdays: number[] = [];
  for (let d = 0; d < opts.days; d++) if (dayOfWeek(first + d) < 5) workdays.push(d);
  let nextId = 0;
  let open = 0;

  /** A call on working day w (none after the run's last working day: nothing is observed then). */
  const call = (
    w: number,
    kind: MatterCall['kind'],
    matters: readonly number[],
    online: boolean,
    visits: number,
    materials: number,
  ) => {
    const day = workdays[w];
    if (day === undefined || !opts.onCall) return;
    const channel = online ? 'online' : 'counter';
    opts.onCall({
      day,
      kind,
      matter: matters[0] as number,
      matters: matters.length,
      channel,
      visits,
      materials,
    });
  };

  const enqueue = (app: Application, part: Part, step: number, ready: number) => {
    const dept = MATTERS[part.matter]?.steps[step]?.[0] as ServiceDepartmentId;
    queues[dept].push({ app, part, step, hoursLeft: part.hours[step] as number, ready });
  };

  /** A benefit granted from data: online, no visit, no material, a result the next working day. */
  const countGranted = () => {
    obs.granted++;
    obs.matters++;
    obs.online++;
    obs.fullyOnline++;
    obs.atMostOneVisit++;
    obs.days++;
    obs.onTime++;
  };

  const arrive = (w: number, counted: boolean) => {
    const count = poisson(s.applicantsPerDay, (k) => keyedUniform(seed, w, P.count, k));
    for (let k = 0; k < count; k++) {
      const id = nextId++;
      const u = rng.at(id, P.need).next() * totalWeight;
      const need = (NEEDS[cumulative.findIndex((c) => u < c)] ?? (NEEDS[0] as (typeof NEEDS)[0])).need;
      const applied: number[] = [];
      for (const i of need.matters) {
        if (MATTERS[i]?.benefit && keyedUniform(seed, id, P.grant, i) < s.grantFromData) {
          if (counted) countGranted();
        } else applied.push(i);
      }
      const groups = need.event && s.bundles ? [applied] : applied.map((i) => [i]);
      groups.forEach((g, n) => {
        if (g.length === 0) return;
        open++;
        start(id * 64 + n, g, w, counted);
      });
    }
  };

  const start = (id: number, matters: number[], w: number, counted: boolean): void => {
    const ms = matters.map((i) => MATTERS[i] as Matter);
    const online =
      ms.every((mt) => mt.readiness < s.onlineMatters) && rng.at(id, P.channel).next() < s.onlineAdoption;
    const submitted = new Set<MaterialId>();
    for (const mt of ms) {
      const keep = mt.materials.slice(0, Math.max(1, Math.ceil(mt.materials.length * (1 - s.materialsCut))));
      for (const x of keep) if (!(MATERIALS[x].held && materialRank[x] < s.dataSharing)) submitted.add(x);
    }
    const asked = rng.at(id, P.question).next() < 0.03 + 0.02 * submitted.size;
    const pMissing =
      s.missingPerMaterial * Math.min(...matters.map(fix)) * (asked && s.hotlineAnswers ? 0.5 : 1);
    let rounds = 0;
    while (
      rounds < MAX_ROUNDS &&
      [...submitted].some((_, j) => keyedUniform(seed, id, P.missing, rounds * 32 + j) < pMissing)
    )
      rounds++;
    const depts = new Set(ms.flatMap((mt) => mt.steps.map(([d]) => d)));
    const pickup = ms.some((mt) => mt.pickup);
    const visits = online
      ? ms.some((mt) => mt.inPerson)
        ? 1
        : 0
      : (s.oneWindow || matters.length > 1 ? 1 : depts.size) * (1 + rounds) +
        (pickup && !s.oneWindow ? 1 : 0);
    const promised = Math.max(
      ...ms.map((mt) => Math.max(1, Math.round(mt.promisedDays * (1 - s.timeLimitCut)))),
    );
    if (asked && s.hotlineAnswers) call(w, 'question', matters, online, visits, submitted.size);
    const ready = w + rounds * RETURN_DAYS[online ? 'online' : 'counter'];
    const app: Application = {
      id,
      applied: w,
      deadline: ready + promised - 1,
      release: ready + Math.floor(s.holdShare * promised) - 1,
      parts: [],
      channel: online ? 'online' : 'counter',
      visits,
      materials: submitted.size,
      rounds,
      asked,
      counted,
    };
    rng.at(id, P.work);
    app.parts = matters.map((i) => ({
      matter: i,
      hours: (MATTERS[i]?.steps ?? []).map(([, h]) => h * fix(i) * work(rng)),
      done: false,
    }));
    for (const part of app.parts) enqueue(app, part, 0, ready);
  };

  const finish = (app: Application, w: number) => {
    open--;
    const done = Math.max(w, app.release);
    const days = done - app.applied + 1;
    const late = done > app.deadline;
    const rating = rateApplication(app, days, late, seed, s);
    if (rating.complaint)
      call(
        w,
        'complaint',
        app.parts.map((p) => p.matter),
        app.channel === 'online',
        app.visits,
        app.materials,
      );
    if (rating.badReview)
      for (const part of app.parts)
        if (keyedUniform(seed, app.id, P.fix, part.matter) < s.reviewsActedOn)
          fixes[part.matter] = (fixes[part.matter] ?? 0) + 1;
    if (!app.counted) return;
    const n = app.parts.length;
    obs.matters += n;
    if (app.channel === 'online') obs.online += n;
    if (app.visits === 0) obs.fullyOnline += n;
    if (app.visits <= 1) obs.atMostOneVisit += n;
    obs.visits += app.visits;
    obs.materials += app.materials;
    obs.days += days * n;
    if (!late) obs.onTime += n;
    obs.returnRounds += app.rounds;
    obs.applications++;
    if (rating.rated) obs.rated++;
    if (rating.rated && !rating.badReview) obs.goodReviews++;
    if (rating.satisfied) obs.satisfied++;
    const question = app.asked && s.hotlineAnswers ? 1 : 0;
    obs.questionCalls += question;
    obs.complaintCalls += rating.complaint ? 1 : 0;
  };

  const warmup = opts.warmupDays ?? 0;
  for (let w = 0; w < workdays.length || open > 0; w++) {
    if (w < workdays.length) arrive(w, (workdays[w] as number) >= warmup);
    for (const dept of Object.keys(queues) as ServiceDepartmentId[]) {
      // A job finishing here may queue its next step at the same department: it goes to the new list.
      const queue = queues[dept].sort((a, b) => a.ready - b.ready || a.app.id - b.app.id);
      queues[dept] = [];
      // Work left from before the run comes first (first come, first served).
      const old = Math.min(capacity[dept], backlog[dept]);
      backlog[dept] -= old;
      let hours = capacity[dept] - old;
      const left: Job[] = [];
      for (const job of queue) {
        if (job.ready > w || hours <= 0) {
          left.push(job);
          continue;
        }
        const used = Math.min(hours, job.hoursLeft);
        hours -= used;
        job.hoursLeft -= used;
        if (job.hoursLeft > 1e-9) left.push(job);
        else if (job.step + 1 < (MATTERS[job.part.matter]?.steps.length ?? 0))
          enqueue(job.app, job.part, job.step + 1, w + 1);
        else {
          job.part.done = true;
          if (job.app.parts.every((p) => p.done)) finish(job.app, w);
        }
      }
      queues[dept].push(...left);
    }
  }
  obs.matterCalls = obs.questionCalls + obs.complaintCalls;
  return obs;
}

/** Poisson count by inversion from keyed uniforms (one per step: the count is its own stream). */
export function poisson(mean: number, u: (k: number) => number): number {
  // A normal approximation above 50 keeps the count cheap and exact enough for hundreds a day.
  if (mean > 50) {
    const z = Math.sqrt(-2 * Math.log(u(0))) * Math.cos(2 * Math.PI * u(1));
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  let k = 0;
  let p = Math.exp(-mean);
  let c = p;
  const x = u(0);
  while (x > c) {
    k++;
    p *= mean / k;
    c += p;
  }
  return k;
}
