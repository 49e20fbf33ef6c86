/** a / b, or NaN when nothing was counted (b = 0): a rate of nothing is unknown, not 0 (JSON: null). */
export const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);
