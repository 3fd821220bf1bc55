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
  /** Twiddles of the half-size complex FFT: cos/sin(2πk/half), k < half/2. */
  private readonly cosHalf: Float64Array;
  private readonly sinHalf: Float64Array;
  /** Twiddles of the real split: cos/sin(2πk/size), k ≤ half. */
  private readonly cosFull: Float64Array;
  private readonly sinFull: Float64Array;
  private readonly bitReverse: Uint32Array;
  private readonly power: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two ≥ 4, got ${size}`);
    }
    this.size = size;
    const half = size / 2;
    this.half = half;
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);
    this.power = new Float64Array(half + 1);
    this.cosHalf = new Float64Array(Math.max(1, half / 2));
    this.sinHalf = new Float64Array(Math.max(1, half / 2));
    for (let k = 0; k < half / 2; k++) {
      this.cosHalf[k] = Math.cos((2 * Math.PI * k) / half);
      this.sinHalf[k] = Math.sin((2 * Math.PI * k) / half);
    }
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
   * 0 … `lags` − 1 into `out`. Lags beyond size/2 wrap around, so pad by at least the largest lag.
   */
  compute(frame: Float64Array, out: Float64Array, lags: number): void {
    const { half, re, im, power, cosFull, sinFull } = this;
    for (let m = 0; m < half; m++) {
      re[m] = frame[2 * m]!;
      im[m] = frame[2 * m + 1]!;
    }
    this.transform(-1);
    // Split the packed spectrum into the spectrum X[k] of the real frame, k = 0 … half; keep |X[k]|².
    for (let k = 0; k <= half; k++) {
      const a = k === half ? 0 : k;
      const b = k === 0 ? 0 : half - k;
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
    // Inverse of a real, even spectrum: pack E + i·O with O = (P[k] − P[half−k]) / 2 · e^{+2πik/n}.
    for (let k = 0; k < half; k++) {
      const p = power[k]!;
      const q = power[half - k]!;
      const e = 0.5 * (p + q);
      const d = 0.5 * (p - q);
      const or = d * cosFull[k]!;
      const oi = d * sinFull[k]!;
      re[k] = e - oi;
      im[k] = or;
    }
    this.transform(1);
    const n = Math.min(lags, this.size);
    for (let j = 0; j < n; j++) out[j] = (j & 1) === 0 ? re[j >> 1]! : im[j >> 1]!;
  }

  /** In-place iterative radix-2 complex FFT of size `half`; sign −1 forward, +1 inverse (unscaled). */
  private transform(sign: number): void {
    const { half, re, im, bitReverse, cosHalf, sinHalf } = this;
    for (let i = 0; i < half; i++) {
      const j = bitReverse[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    for (let length = 2; length <= half; length <<= 1) {
      const halfLength = length >> 1;
      const stride = half / length;
      for (let start = 0; start < half; start += length) {
        for (let k = 0; k < halfLength; k++) {
          const wr = cosHalf[k * stride]!;
          const wi = sign * sinHalf[k * stride]!;
          const i = start + k;
          const j = i + halfLength;
          const xr = re[j]! * wr - im[j]! * wi;
          const xi = re[j]! * wi + im[j]! * wr;
          re[j] = re[i]! - xr;
          im[j] = im[i]! - xi;
          re[i] = re[i]! + xr;
          im[i] = im[i]! + xi;
        }
      }
    }
  }
}
