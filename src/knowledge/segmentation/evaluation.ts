/**
 * Segmentation metrics over a sequence of units (here: transcript segments). A segmentation is
 * given as its masses: the length of each section in units, e.g. [3, 2] = 5 units, the second
 * section starting at unit 3 (the notation of Fournier 2013's segeval).
 */

/**
 * k of Pevzner & Hearst (2002): half the mean reference section length, rounded, at least 1.
 * @example defaultWindow([3, 2]) // 1
 */
export function defaultWindow(reference: readonly number[]): number {
  const units = total(reference);
  return Math.max(1, Math.round(units / reference.length / 2));
}

/**
 * Pk (Beeferman, Berger & Lafferty 1999): slide a window of k units; at each of the N − k
 * positions, an error when reference and hypothesis disagree on whether the window's two ends lie
 * in the same section. 0 = perfect; lower is better.
 * @example pk([3, 2], [5], 1) // 0.25
 */
export function pk(
  reference: readonly number[],
  hypothesis: readonly number[],
  k = defaultWindow(reference),
): number {
  return windowErrors(reference, hypothesis, k, (r, h) => r > 0 !== h > 0);
}

/**
 * WindowDiff (Pevzner & Hearst 2002): an error at each window position where the reference and
 * the hypothesis put a different number of boundaries inside the window. 0 = perfect.
 * @example windowDiff([2, 1, 2], [2, 3], 2) // 2/3 (Pk gives 1/3: it misses the missing boundary)
 */
export function windowDiff(
  reference: readonly number[],
  hypothesis: readonly number[],
  k = defaultWindow(reference),
): number {
  return windowErrors(reference, hypothesis, k, (r, h) => r !== h);
}

/**
 * Masses of a segmentation of `units` units whose sections start at the given unit indices.
 * @example massesOf(5, [0, 3]) // [3, 2]
 */
export function massesOf(units: number, starts: readonly number[]): number[] {
  const cuts = [...new Set(starts.filter((s) => s > 0 && s < units))].sort((a, b) => a - b);
  const edges = [0, ...cuts, units];
  return edges.slice(1).map((e, i) => e - (edges[i] as number));
}

function total(masses: readonly number[]): number {
  return masses.reduce((a, b) => a + b, 0);
}

/** boundaries[g] = 1 when a section starts at unit g + 1. */
function boundaryVector(masses: readonly number[], units: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, units - 1));
  let at = 0;
  for (const m of masses.slice(0, -1)) {
    at += m;
    if (at > 0 && at < units) out[at - 1] = 1;
  }
  return out;
}

function windowErrors(
  reference: readonly number[],
  hypothesis: readonly number[],
  k: number,
  differs: (referenceBoundaries: number, hypothesisBoundaries: number) => boolean,
): number {
  const units = total(reference);
  if (total(hypothesis) !== units) {
    throw new RangeError(`reference has ${units} units, hypothesis ${total(hypothesis)}`);
  }
  if (units < 2) return 0;
  const window = Math.min(Math.max(1, Math.round(k)), units - 1);
  const ref = boundaryVector(reference, units);
  const hyp = boundaryVector(hypothesis, units);
  let r = 0;
  let h = 0;
  for (let g = 0; g < window; g++) {
    r += ref[g] as number;
    h += hyp[g] as number;
  }
  let errors = 0;
  const probes = units - window;
  for (let i = 0; i < probes; i++) {
    if (i > 0) {
      r += (ref[i + window - 1] as number) - (ref[i - 1] as number);
      h += (hyp[i + window - 1] as number) - (hyp[i - 1] as number);
    }
    if (differs(r, h)) errors++;
  }
  return errors / probes;
}
