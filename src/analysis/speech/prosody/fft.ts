/**
 * Autocorrelation of a zero-padded real frame through the FFT (Wiener–Khinchin: the autocorrelation
 * is the inverse transform of the power spectrum), as Praat's `To Pitch (ac)` computes it.
 *
 * A real sequence of length n is packed into n/2 complex points (even samples real, odd samples
 * imaginary), transformed with one radix-2 complex FFT of size n/2 and split into its spectrum;
 * the inverse runs the same packing backwards. That halves the work of a complex FFT of size n
 * (Cooley & Tukey 1965; the packing is the classic "two-for-one" real-FFT trick, e.g. Press et al.,
 * Numerical Recipes, §12.3).
 */
export class Autocorrelator {
  /** Length of the (zero-padded) real frame; a power of two. */
  readonly size: number;
  private readonly half: number;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /**
   * Radix-4 stages of the half-size complex FFT, largest span first; each holds, per k < span/4,
   * cos/sin of 2πk/span, 2·2πk/span and 3·2πk/span (six numbers, contiguous: no strided look-ups).
   */
  private readonly stages: { quarter: number; twiddles: Float64Array }[] = [];
  /** Whether a final radix-2 stage (span 2) is needed: log2(half) odd. */
  private readonly radix2Stage: boolean;
  /** Twiddles of the real split: cos/sin(2πk/size), k ≤ half. */
  private readonly cosFull: Float64Array;
  private readonly sinFull: Float64Array;
  private readonly bitReverse: Uint32Array;
  private readonly power: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 8 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two ≥ 8, got ${size}`);
    }
    this.size = size;
    const half = size / 2;
    this.half = half;
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);
    this.power = new Float64Array(half + 1);
    let span = half;
    for (; span >= 4; span >>= 2) {
      const quarter = span / 4;
      const twiddles = new Float64Array(6 * quarter);
      for (let k = 0; k < quarter; k++) {
        for (let m = 1; m <= 3; m++) {
          twiddles[6 * k + 2 * (m - 1)] = Math.cos((2 * Math.PI * m * k) / span);
          twiddles[6 * k + 2 * (m - 1) + 1] = Math.sin((2 * Math.PI * m * k) / span);
        }
      }
      this.stages.push({ quarter, twiddles });
    }
    this.radix2Stage = span === 2;
    this.cosFull = new Float64Array(half + 1);
    this.sinFull = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      this.cosFull[k] = Math.cos((2 * Math.PI * k) / size);
      this.sinFull[k] = Math.sin((2 * Math.PI * k) / size);
    }
    this.bitReverse = new Uint32Array(half);
    const bits = Math.log2(half);
    for (let i = 0; i < half; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReverse[i] = r;
    }
  }

  /**
   * Writes the unnormalised autocorrelation of `frame` (length `size`, already zero-padded) for lags
   * 0 … `lags` − 1 into `out`. Lags beyond size − (frame's non-zero length) wrap around, so pad by at
   * least the largest lag.
   */
  compute(frame: Float64Array, out: Float64Array, lags: number): void {
    const { half, re, im, power, sinFull, cosFull, bitReverse } = this;
    this.forwardPower(frame);
    // Inverse of a real, even spectrum: pack E + i·O with O = (P[k] − P[half−k]) / 2 · e^{+2πik/n},
    // written in bit-reversed order so that decimation in time returns natural order.
    for (let k = 0; k < half; k++) {
      const p = power[k]!;
      const q = power[half - k]!;
      const e = 0.5 * (p + q);
      const d = 0.5 * (p - q);
      const at = bitReverse[k]!;
      re[at] = e - d * sinFull[k]!;
      im[at] = d * cosFull[k]!;
    }
    this.inverseDit();
    const n = Math.min(lags, this.size);
    for (let j = 0; j < n; j++) out[j] = (j & 1) === 0 ? re[j >> 1]! : im[j >> 1]!;
  }

  /**
   * Writes the power spectrum |X[k]|² of the real frame (length `size`), k = 0 … size/2, into `out`
   * (length ≥ size/2 + 1): the first half of `compute`, for spectral features such as MFCCs.
   */
  powerSpectrum(frame: Float64Array, out: Float64Array): void {
    this.forwardPower(frame);
    out.set(this.power.subarray(0, this.half + 1));
  }

  /** Packs the real frame, transforms it and leaves |X[k]|², k = 0 … half, in `power`. */
  private forwardPower(frame: Float64Array): void {
    const { half, re, im, power, cosFull, sinFull, bitReverse } = this;
    for (let m = 0; m < half; m++) {
      re[m] = frame[2 * m]!;
      im[m] = frame[2 * m + 1]!;
    }
    // Forward transform by decimation in frequency: natural order in, bit-reversed order out.
    this.forwardDif();
    // Split the packed spectrum Z into the spectrum X of the real frame, k = 0 … half; keep |X[k]|².
    for (let k = 0; k <= half; k++) {
      const a = bitReverse[k === half ? 0 : k]!;
      const b = bitReverse[k === 0 ? 0 : half - k]!;
      const zr = re[a]!;
      const zi = im[a]!;
      const cr = re[b]!;
      const ci = -im[b]!;
      const er = 0.5 * (zr + cr);
      const ei = 0.5 * (zi + ci);
      // O = (Z − conj Z') / 2i
      const or = 0.5 * (zi - ci);
      const oi = -0.5 * (zr - cr);
      // X = E + e^{−2πik/n} · O
      const wr = cosFull[k]!;
      const wi = -sinFull[k]!;
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      power[k] = xr * xr + xi * xi;
    }
  }

  /**
   * Decimation in frequency, e^{−iθ} twiddles, radix 4 (and one radix-2 stage when log2 is odd).
   * A radix-4 butterfly on x0…x3 (a quarter span apart) writes t0 + t2, (t0 − t2)·w², (t1 − i·t3)·w
   * and (t1 + i·t3)·w³ with t0,1 = x0 ± x2 and t2,3 = x1 ± x3: exactly two radix-2 stages, so the
   * output is in bit-reversed order as theirs, with a quarter fewer multiplications and half the passes.
   */
  private forwardDif(): void {
    const { half, re, im } = this;
    for (const { quarter: q, twiddles } of this.stages) {
      for (let start = 0; start < half; start += 4 * q) {
        for (let k = 0; k < q; k++) {
          const i0 = start + k;
          const i1 = i0 + q;
          const i2 = i1 + q;
          const i3 = i2 + q;
          const x0r = re[i0]!;
          const x0i = im[i0]!;
          const x1r = re[i1]!;
          const x1i = im[i1]!;
          const x2r = re[i2]!;
          const x2i = im[i2]!;
          const x3r = re[i3]!;
          const x3i = im[i3]!;
          const t0r = x0r + x2r;
          const t0i = x0i + x2i;
          const t1r = x0r - x2r;
          const t1i = x0i - x2i;
          const t2r = x1r + x3r;
          const t2i = x1i + x3i;
          const t3r = x1r - x3r;
          const t3i = x1i - x3i;
          const w = 6 * k;
          const c1 = twiddles[w]!;
          const s1 = twiddles[w + 1]!;
          const c2 = twiddles[w + 2]!;
          const s2 = twiddles[w + 3]!;
          const c3 = twiddles[w + 4]!;
          const s3 = twiddles[w + 5]!;
          re[i0] = t0r + t2r;
          im[i0] = t0i + t2i;
          // (a + ib)·(c − is) = (ac + bs) + i(bc − as)
          const ar = t0r - t2r;
          const ai = t0i - t2i;
          re[i1] = ar * c2 + ai * s2;
          im[i1] = ai * c2 - ar * s2;
          // t1 − i·t3 = (t1r + t3i) + i(t1i − t3r)
          const br = t1r + t3i;
          const bi = t1i - t3r;
          re[i2] = br * c1 + bi * s1;
          im[i2] = bi * c1 - br * s1;
          // t1 + i·t3 = (t1r − t3i) + i(t1i + t3r)
          const dr = t1r - t3i;
          const di = t1i + t3r;
          re[i3] = dr * c3 + di * s3;
          im[i3] = di * c3 - dr * s3;
        }
      }
    }
    if (this.radix2Stage) this.radix2Pass();
  }

  /** The lone radix-2 butterfly stage when the size is not a power of 4; the same in both directions. */
  private radix2Pass(): void {
    const { half, re, im } = this;
    for (let i = 0; i < half; i += 2) {
      const ar = re[i]!;
      const ai = im[i]!;
      const br = re[i + 1]!;
      const bi = im[i + 1]!;
      re[i] = ar + br;
      im[i] = ai + bi;
      re[i + 1] = ar - br;
      im[i + 1] = ai - bi;
    }
  }

  /**
   * Decimation in time, e^{+iθ} twiddles (unscaled inverse), bit-reversed order in: the mirror of
   * `forwardDif`. With b0 = x0, b1 = w²·x1, b2 = w·x2, b3 = w³·x3 the radix-4 butterfly writes
   * (b0 + b1) ± (b2 + b3) and (b0 − b1) ± i(b2 − b3).
   */
  private inverseDit(): void {
    const { half, re, im, stages } = this;
    if (this.radix2Stage) this.radix2Pass();
    for (let stage = stages.length - 1; stage >= 0; stage--) {
      const { quarter: q, twiddles } = stages[stage]!;
      for (let start = 0; start < half; start += 4 * q) {
        for (let k = 0; k < q; k++) {
          const i0 = start + k;
          const i1 = i0 + q;
          const i2 = i1 + q;
          const i3 = i2 + q;
          const w = 6 * k;
          const c1 = twiddles[w]!;
          const s1 = twiddles[w + 1]!;
          const c2 = twiddles[w + 2]!;
          const s2 = twiddles[w + 3]!;
          const c3 = twiddles[w + 4]!;
          const s3 = twiddles[w + 5]!;
          const b0r = re[i0]!;
          const b0i = im[i0]!;
          // (a + ib)·(c + is) = (ac − bs) + i(as + bc)
          const x1r = re[i1]!;
          const x1i = im[i1]!;
          const b1r = x1r * c2 - x1i * s2;
          const b1i = x1r * s2 + x1i * c2;
          const x2r = re[i2]!;
          const x2i = im[i2]!;
          const b2r = x2r * c1 - x2i * s1;
          const b2i = x2r * s1 + x2i * c1;
          const x3r = re[i3]!;
          const x3i = im[i3]!;
          const b3r = x3r * c3 - x3i * s3;
          const b3i = x3r * s3 + x3i * c3;
          const er = b0r + b1r;
          const ei = b0i + b1i;
          const fr = b0r - b1r;
          const fi = b0i - b1i;
          const gr = b2r + b3r;
          const gi = b2i + b3i;
          const hr = b2r - b3r;
          const hi = b2i - b3i;
          re[i0] = er + gr;
          im[i0] = ei + gi;
          re[i2] = er - gr;
          im[i2] = ei - gi;
          // f ± i·h
          re[i1] = fr - hi;
          im[i1] = fi + hr;
          re[i3] = fr + hi;
          im[i3] = fi - hr;
        }
      }
    }
  }
}
