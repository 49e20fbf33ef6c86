/**
 * Redis key layout of the live runtime. Every run lives under its own prefix, so several runs share
 * one Redis (and one set of stage queues) without touching each other's data. The prefix holds the
 * hash tag `{run:<id>}`: on a Redis Cluster all of a run's keys sit in one slot, so the transactions
 * and Lua scripts that touch several of them work there too, and different runs spread over the nodes.
 */

/**
 * Sorted set of every run's id (by creation time). One key on its own slot: nothing writes it in the
 * same transaction as a run's keys.
 */
export const RUNS_KEY = 'hotline:runs';

export function runPrefix(runId: string): string {
  return `hotline:{run:${runId}}:`;
}

export const runKeys = (runId: string) => {
  const p = runPrefix(runId);
  return {
    prefix: p,
    /** Hash: the run's scenario, seed, clock and status. */
    meta: `${p}meta`,
    /** List of JSON LiveInputs (injects) in time order: replaying them rebuilds the run. */
    inputs: `${p}inputs`,
    /** Sorted set: ids of the injects scheduled to come (an exercise's script), scored by their virtual second. */
    schedule: `${p}schedule`,
    /** Hash: scheduled inject id → the inject (JSON). */
    scheduled: `${p}scheduled`,
    /** List of inputs (injects, external appeals) sent through the API, waiting for the owner's next tick. */
    inbox: `${p}inbox`,
    /** Set of the ids of appeals whose street blew the whistle (吹哨) for departments. */
    whistles: `${p}whistles`,
    /** Hash: external appeal token → appeal id and `#<id>` → token, written when the owner logs the appeal. */
    tokens: `${p}tokens`,
    /** Sorted set of the ids of appeals filed from outside (Open311). */
    external: `${p}external`,
    /** The owning server's id, with an expiry the owner keeps renewing. */
    owner: `${p}owner`,
    /** Set of the current tick's job keys not yet applied. */
    pending: `${p}pending`,
    /** Hash: appeals in each state. */
    states: `${p}states`,
    /** Sorted set of every appeal id. */
    all: `${p}all`,
    /** Sorted set of every appeal id by the virtual time of its first step (Open311's newest first). */
    received: `${p}received`,
    /** The latest report (JSON). */
    report: `${p}report`,
    /** Open appeals per street and unit kind (JSON OpenAppeals), written with the report. */
    open: `${p}open`,
    /** List of JSON SeatEvents (training seats), in time order: scoring and the after-action review. */
    seatEvents: `${p}seat-events`,
    /** List of JSON SeatMessages: the instructor's messages to the seats. */
    messages: `${p}messages`,
    /**
     * List of clock pairs `"<virtual s> <wall ms>"` of a `virtual` run, in order: when the clock
     * (re)started and every 10 virtual minutes (wall-clock.ts); Open311 dates steps by them.
     */
    clock: `${p}clock`,
    /** List of JSON SeriesPoints, one per virtual hour, oldest first. */
    series: `${p}series`,
    appeal: (id: number | string) => `${p}a:${id}`,
    history: (id: number | string) => `${p}h:${id}`,
    state: (state: string) => `${p}state:${state}`,
    street: (street: number | string) => `${p}street:${street}`,
    category: (category: number | string) => `${p}category:${category}`,
  };
};
export type RunKeys = ReturnType<typeof runKeys>;
