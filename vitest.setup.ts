import fc from 'fast-check';

/**
 * Property tests run on a fixed seed so `npm test` gives the same verdict on every machine.
 * To explore further, set FC_SEED (any integer) and FC_NUM_RUNS; a failure prints the seed and
 * path that reproduce it.
 */
const seed = Number(process.env.FC_SEED ?? 12345);
const numRuns = Number(process.env.FC_NUM_RUNS ?? 100);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${process.env.FC_SEED}`);
if (!Number.isInteger(numRuns) || numRuns < 1) {
  throw new Error(`FC_NUM_RUNS must be a positive integer, got ${process.env.FC_NUM_RUNS}`);
}
fc.configureGlobal({ seed, numRuns });
