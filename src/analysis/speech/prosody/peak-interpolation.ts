/**
 * Peak interpolation on a sampled curve, as Boersma (1993, §5) prescribes for the autocorrelation:
 * windowed sin(x)/x interpolation between the lags, and a maximum found by Brent's method on that
 * interpolant. The vector is addressed with 1-based real positions (x = 1 is `y[0]`) so the
 * arithmetic follows the paper and Praat's `NUM_interpolate_sinc` / `NUMimproveMaximum` step by step.
 */

/**
 * Value at real position `x` (1-based) of the curve through `y`, by sin(x)/x interpolation
 * tapered with a raised-cosine (Hanning) window of `maxDepth` points to each side.
 * Boersma 1993, eq. 22: r(τ) ≈ Σ r(nT) · sinc(π(τ/T − n)) · ½(1 + cos(π(τ/T − n)/(N + ½))).
 */
export function interpolateSinc(y: Float64Array, size: number, x: number, maxDepth: number): number {
  const midleft = Math.floor(x);
  const midright = midleft + 1;
  if (size < 1) return NaN;
  if (x < 1) return y[0]!;
  if (x > size) return y[size - 1]!;
  if (x === midleft) return y[midleft - 1]!;
  const depth = Math.min(maxDepth, midright - 1, size - midleft);
  if (depth <= 0) return y[Math.floor(x + 0.5) - 1]!;
  if (depth === 1) return y[midleft - 1]! + (x - midleft) * (y[midright - 1]! - y[midleft - 1]!);
  if (depth === 2) {
    const yl = y[midleft - 1]!;
    const yr = y[midright - 1]!;
    const dyl = 0.5 * (yr - y[midleft - 2]!);
    const dyr = 0.5 * (y[midright]! - yl);
    const fil = x - midleft;
    const fir = midright - x;
    return yl * fir + yr * fil - fil * fir * (0.5 * (dyr - dyl) + (fil - 0.5) * (dyl + dyr - 2 * (yr - yl)));
  }
  // Depth ≥ 3: windowed sinc. With f = x − midleft and g = 1 − f, the k-th point to the left sits
  // at distance f + k, the k-th to the right at g + k; sin(π(f + k)) = (−1)^k sin(πf) on both sides,
  // and the taper angles θ_k = π(f + k)/(f + depth) (right: with g) advance by a constant step, so
  // their cosines follow the Chebyshev recurrence cos(θ + 2d) = 2cos(2d)·cos θ − cos(θ − 2d).
  // Terms go in pairs (k, k + 1) sharing one division; the four cosine chains (left/right,
  // even/odd) are independent, which keeps the CPU's pipelines busy. Same sum as Praat's
  // NUM_interpolate_sinc up to rounding (≈ 1e−13).
  const f = x - midleft;
  const g = midright - x;
  const PI = Math.PI;
  const halfSin = 0.5 * Math.sin(PI * f);
  const dL = PI / (f + depth);
  const dR = PI / (g + depth);
  const tL1 = 2 * Math.cos(dL);
  const tR1 = 2 * Math.cos(dR);
  const tL2 = tL1 * tL1 - 2;
  const tR2 = tR1 * tR1 - 2;
  let cL0 = Math.cos(f * dL);
  let cL1 = Math.cos((f + 1) * dL);
  let cR0 = Math.cos(g * dR);
  let cR1 = Math.cos((g + 1) * dR);
  let nL0 = tL1 * cL1 - cL0;
  let nL1 = tL1 * nL0 - cL1;
  let nR0 = tR1 * cR1 - cR0;
  let nR1 = tR1 * nR0 - cR1;
  let aL = PI * f;
  let aR = PI * g;
  let iL = midleft - 1;
  let iR = midright - 1;
  let sumL = 0;
  let sumR = 0;
  let k = 0;
  for (; k + 1 < depth; k += 2) {
    const bL = aL + PI;
    const bR = aR + PI;
    const qL = halfSin / (aL * bL);
    const qR = halfSin / (aR * bR);
    sumL += y[iL]! * ((1 + cL0) * bL * qL) - y[iL - 1]! * ((1 + cL1) * aL * qL);
    sumR += y[iR]! * ((1 + cR0) * bR * qR) - y[iR + 1]! * ((1 + cR1) * aR * qR);
    aL += 2 * PI;
    aR += 2 * PI;
    iL -= 2;
    iR += 2;
    const mL0 = tL2 * nL0 - cL0;
    const mL1 = tL2 * nL1 - cL1;
    const mR0 = tR2 * nR0 - cR0;
    const mR1 = tR2 * nR1 - cR1;
    cL0 = nL0;
    cL1 = nL1;
    cR0 = nR0;
    cR1 = nR1;
    nL0 = mL0;
    nL1 = mL1;
    nR0 = mR0;
    nR1 = mR1;
  }
  if (k < depth) {
    // Odd depth: one more (even, hence positive) term on each side.
    sumL += y[iL]! * ((1 + cL0) * (halfSin / aL));
    sumR += y[iR]! * ((1 + cR0) * (halfSin / aR));
  }
  return sumL + sumR;
}

const SCRATCH = new Float64Array(1);

/** sqrt of the relative machine precision 2^−53, the Brent tolerance floor (Brent 1973, ch. 5). */
const SQRT_EPSILON = Math.sqrt(2 ** -53);
const GOLDEN = (3 - Math.sqrt(5)) / 2;

/**
 * Brent's (1973) minimisation without derivatives on [a, b]: golden-section steps with parabolic
 * interpolation when it is safe. Returns the abscissa of the minimum and, through `out[0]`, its value.
 */
export function minimizeBrent(
  f: (x: number) => number,
  a: number,
  b: number,
  tol: number,
  out: Float64Array,
): number {
  let v = a + GOLDEN * (b - a);
  let fv = f(v);
  let x = v;
  let w = v;
  let fx = fv;
  let fw = fv;
  for (let iter = 1; iter <= 60; iter++) {
    const middle = (a + b) / 2;
    const tolAct = SQRT_EPSILON * Math.abs(x) + tol / 3;
    if (Math.abs(x - middle) + (b - a) / 2 <= 2 * tolAct) break;
    let step = GOLDEN * (x < middle ? b - x : a - x);
    if (Math.abs(x - w) >= tolAct) {
      const t = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * t;
      q = 2 * (q - t);
      if (q > 0) p = -p;
      else q = -q;
      if (Math.abs(p) < Math.abs(step * q) && p > q * (a - x + 2 * tolAct) && p < q * (b - x - 2 * tolAct)) {
        step = p / q;
      }
    }
    if (Math.abs(step) < tolAct) step = step > 0 ? tolAct : -tolAct;
    const t = x + step;
    const ft = f(t);
    if (ft <= fx) {
      if (t < x) b = x;
      else a = x;
      v = w;
      w = x;
      x = t;
      fv = fw;
      fw = fx;
      fx = ft;
    } else {
      if (t < x) a = t;
      else b = t;
      if (ft <= fw || w === x) {
        v = w;
        w = t;
        fv = fw;
        fw = ft;
      } else if (ft <= fv || v === x || v === w) {
        v = t;
        fv = ft;
      }
    }
  }
  out[0] = fx;
  return x;
}

/**
 * Refines the maximum of `y` near the integer position `ixmid` (1-based) by maximising the sinc
 * interpolant of depth `depth` on [ixmid − 1, ixmid + 1]; writes the real position to `position[0]`
 * and returns the interpolated height.
 */
export function improveMaximum(
  y: Float64Array,
  size: number,
  ixmid: number,
  depth: number,
  position: Float64Array,
): number {
  if (ixmid <= 1) {
    position[0] = 1;
    return y[0]!;
  }
  if (ixmid >= size) {
    position[0] = size;
    return y[size - 1]!;
  }
  const value = SCRATCH;
  position[0] = minimizeBrent((x) => -interpolateSinc(y, size, x, depth), ixmid - 1, ixmid + 1, 1e-10, value);
  return -value[0]!;
}
