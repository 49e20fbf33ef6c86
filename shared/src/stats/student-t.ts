/*
 * Student's t distribution, written here rather than imported: @stdlib/stats-base-dists-t-quantile
 * is accurate but CommonJS and pulls ~400 modules into a bundle, among them `debug`, whose Node
 * entry reads the environment and `tty`; shared/ must stay pure and load in the browser. The method
 * follows R's `qt`: Hill's approximation (CACM Algorithm 396, 1970) as a starting point, polished
 * by Newton steps on the exact CDF (regularised incomplete beta); very large df use the
 * Cornish-Fisher expansion instead.
 */

const LN_SQRT_2PI = 0.9189385332046728;

/** Lanczos (g = 7, n = 9) coefficients; about 1e-15 relative accuracy for x >= 0.5. */
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x >= 0.5 (all this module needs: the beta arguments are df/2 >= 0.5 and 1/2). */
function lnGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const LN_SQRT_PI = 0.5723649429247001;

/** Stirling's remainder lnΓ(x) - [(x - ½)ln x - x + ½ln 2π], truncated after x⁻⁷ (error < 1e-17 for x >= 50). */
function stirlingTail(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}

/**
 * ln B(a, ½). For large a the plain difference lnΓ(a) - lnΓ(a + ½) of two huge numbers would lose
 * about a·1e-16 to cancellation, so it is expanded instead (every term below is O(1) or O(ln a)).
 */
function lnBetaHalf(a: number): number {
  if (a < 50) return lnGamma(a) + LN_SQRT_PI - lnGamma(a + 0.5);
  return (
    LN_SQRT_PI - 0.5 * Math.log(a) - a * Math.log1p(0.5 / a) + 0.5 + stirlingTail(a) - stirlingTail(a + 0.5)
  );
}

const TINY = 1e-300;

/** Continued fraction for the incomplete beta (modified Lentz); converges fast for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  // A few dozen terms suffice for the arguments Student's t produces; the cap only bounds the loop.
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, ½), the only shape Student's t needs. Takes x, y = 1 - x and
 * their logarithms, each computed by the caller in whichever form avoids cancellation and overflow.
 */
function incompleteBetaHalf(x: number, y: number, lnX: number, lnY: number, a: number): number {
  const b = 0.5;
  if (y <= 0) return 1;
  const front = Math.exp(a * lnX + b * lnY - lnBetaHalf(a));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/** Beyond this t/√df, 1 + (t/√df)² is (t/√df)² to double precision (and squaring would overflow). */
const HUGE_RATIO = 1e100;

/** P(T > t) for t >= 0, without the cancellation of 1 - CDF. */
function upperTail(t: number, df: number): number {
  const r = t / Math.sqrt(df);
  if (r === Infinity) return 0;
  if (r > HUGE_RATIO) {
    const lnX = -2 * Math.log(r);
    const x = Math.exp(lnX);
    return 0.5 * incompleteBetaHalf(x, 1, lnX, -x, df / 2);
  }
  const u = r * r;
  const x = 1 / (1 + u);
  const y = u / (1 + u);
  const lnX = -Math.log1p(u);
  const lnY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  return 0.5 * incompleteBetaHalf(x, y, lnX, lnY, df / 2);
}

/** ln of the t density. */
function lnDensity(t: number, df: number): number {
  const r = Math.abs(t) / Math.sqrt(df);
  const ln1pR2 = r > HUGE_RATIO ? 2 * Math.log(r) : Math.log1p(r * r);
  return -lnBetaHalf(df / 2) - 0.5 * Math.log(df) - ((df + 1) / 2) * ln1pR2;
}

function checkDf(df: number): void {
  if (!(df >= 1)) throw new RangeError(`df must be a number >= 1 (or Infinity), got ${df}`);
}

/**
 * Cumulative distribution function of Student's t: P(T <= t) with `df` degrees of freedom.
 *
 * The smaller tail is accurate to about 1e-13 relative up to df = 1e3 and 1e-11 at df = 1e6; beyond
 * that the continued fraction loses digits (1e-8 at df = 1e9). `tQuantile` does not depend on it
 * there.
 *
 * @param t - any number; ±Infinity give 0 and 1.
 * @param df - degrees of freedom, real and >= 1; `Infinity` gives the standard normal.
 * @throws RangeError when `df` < 1 or NaN.
 */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalCdf(t);
  const tail = upperTail(Math.abs(t), df);
  return t < 0 ? tail : 1 - tail;
}

/** Standard normal CDF: the df = Infinity branch of `tCdf`. */
function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  // Φ(x) = ½ erfc(-x/√2); erfc(z) = Γ(½, z²)/√π for z >= 0, the upper incomplete gamma.
  const z = Math.abs(x) / Math.SQRT2;
  const upper = 0.5 * upperGammaHalf(z * z);
  return x < 0 ? upper : 1 - upper;
}

/** Γ(½, s)/Γ(½) for s >= 0: series for small s, continued fraction (Lentz) for large s. */
function upperGammaHalf(s: number): number {
  if (s === 0) return 1;
  const a = 0.5;
  const lnFront = a * Math.log(s) - s - lnGamma(a);
  if (s < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= s / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(lnFront);
  }
  let b = s + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lnFront) * h;
}

/*
 * Wichura's AS 241 (PPND16) coefficients, lowest power first, written as the doubles they round to
 * (the published 20-digit values carry more digits than a double holds).
 */
const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
] as const;
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
] as const;
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
] as const;
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
] as const;
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
] as const;
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
] as const;

/** Σ c[i]·x^i by Horner's rule. */
function poly(c: readonly number[], x: number): number {
  let sum = 0;
  for (let i = c.length - 1; i >= 0; i--) sum = sum * x + (c[i] ?? 0);
  return sum;
}

/**
 * Quantile of the standard normal distribution (Wichura 1988, Algorithm AS 241, PPND16): about
 * 1e-16 relative accuracy on (0, 1).
 *
 * @param p - probability in [0, 1]; 0 and 1 give -Infinity and Infinity.
 * @throws RangeError when `p` is outside [0, 1] or NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(AS241_A, r)) / poly(AS241_B, r);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  const r = Math.sqrt(-Math.log(tail));
  const value =
    r <= 5 ? poly(AS241_C, r - 1.6) / poly(AS241_D, r - 1.6) : poly(AS241_E, r - 5) / poly(AS241_F, r - 5);
  return q < 0 ? -value : value;
}

/** Hill's (1970) approximation to the positive t with two-sided tail probability `p2` (0 < p2 <= 1). */
function hillStart(p2: number, df: number): number {
  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = ((20700 * a) / b - 98) * a - 16;
  c = c * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  let y = Math.pow(d * p2, 2 / df);
  if (y > 0.05 + a) {
    // Far from the centre of small-df tails: an expansion about the normal deviate.
    const x = normalQuantile(0.5 * p2);
    y = x * x;
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else {
    y =
      ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) *
        ((df + 1) / (df + 2)) +
      1 / y;
  }
  return Math.sqrt(df * y);
}

/**
 * Cornish-Fisher expansion of the t quantile about the normal deviate z in powers of 1/df
 * (Abramowitz & Stegun 26.7.5). Used for df >= 1e4 and z² <= df/100, where the first omitted term
 * is below 1e-15 relative and the continued fraction behind `tCdf` has started to lose digits.
 */
function largeDfQuantile(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z2 + 1) / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160;
  const r = 1 / df;
  return z * (1 + r * (g1 + r * (g2 + r * (g3 + r * g4))));
}

/**
 * Quantile (inverse CDF) of Student's t distribution: the t with P(T <= t) = p.
 *
 * Relative error below 1e-12 for df >= 1 and tail probabilities down to 1e-300 (the tests check
 * high-precision references and that `tCdf` inverts it); df = 1 and 2 use closed forms,
 * df = Infinity the normal quantile. For a two-sided 95 % interval use `tQuantile(0.975, n - 1)`.
 *
 * @param p - probability in [0, 1]; 0 and 1 give -Infinity and Infinity.
 * @param df - degrees of freedom, real and >= 1, or `Infinity`.
 * @throws RangeError when `p` is outside [0, 1] or `df` < 1 (or either is NaN).
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  checkDf(df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // Work with the smaller tail q (1 - p is exact for p >= 0.5) and the positive quantile.
  const q = p < 0.5 ? p : 1 - p;
  const sign = p < 0.5 ? -1 : 1;
  if (df === 1) return sign / Math.tan(Math.PI * q);
  if (df === 2) return (sign * (1 - 2 * q)) / Math.sqrt(2 * q * (1 - q));
  if (df >= 1e4) {
    const z = -normalQuantile(q);
    if (z * z <= df / 100) return sign * largeDfQuantile(z, df);
  }
  const lnQ = Math.log(q);
  let t = hillStart(2 * q, df);
  if (!Number.isFinite(t)) {
    // Hill's formula overflows in extreme tails of small df; start from the power-law tail
    // P(T > t) ≈ df^(df/2 - 1) t^(-df) / B(df/2, ½) instead.
    t = Math.exp(((df / 2 - 1) * Math.log(df) - lnBetaHalf(df / 2) - lnQ) / df);
    if (!Number.isFinite(t)) return sign * Infinity;
  }
  // Newton on ln P(T > t) as a function of ln t: the tail is close to a power law in t, so this is
  // nearly linear and converges from far out in the tails where Newton on P(T > t) itself overshoots.
  for (let i = 0; i < 100; i++) {
    const lnTail = Math.log(upperTail(t, df));
    // A tail that underflowed to 0 (ln = -Infinity) means t is far too large: step down.
    const step = lnTail > -Infinity ? (lnTail - lnQ) * Math.exp(lnTail - lnDensity(t, df) - Math.log(t)) : -2;
    if (Number.isNaN(step)) break;
    const next = t * Math.exp(Math.max(-2, Math.min(2, step)));
    const done = Math.abs(next - t) <= 1e-15 * next;
    t = next;
    if (done) break;
  }
  return sign * t;
}
