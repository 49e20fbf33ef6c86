/**
 * Decimals that show every value of a sweep as it was asked (×0.25 as 0.25, not 0; 30 as 30, not
 * 30.00): the fewest, up to `max`, at which each value reads back exactly; shares keep at least 2.
 */
export function valueDecimals(values: readonly number[], atLeast = 0, max = 4): number {
  for (let d = atLeast; d < max; d++) {
    const scale = 10 ** d;
    if (values.every((v) => Math.abs(Math.round(v * scale) / scale - v) < 1e-9)) return d;
  }
  return max;
}
