/**
 * Diarisation error rate as NIST's md-eval scores it (Rich Transcription evaluation plan, 2006–09):
 * the timeline is cut wherever any reference or system turn starts or ends; in each piece with
 * N_ref reference and N_sys system speakers, missed speech is max(0, N_ref − N_sys), false alarm
 * max(0, N_sys − N_ref), and confusion min(N_ref, N_sys) − N_correct (N_correct: reference speakers
 * active together with the system speaker mapped to them), each weighted by the piece's length;
 * DER = (missed + false alarm + confusion) / Σ N_ref·length. Overlapped speech counts once per
 * speaker. The reference-to-system speaker mapping is the one-to-one map with the most shared time
 * (Hungarian algorithm, Kuhn 1955). An optional collar removes ± collar seconds around every
 * reference boundary from scoring (md-eval's usual 0.25 s).
 */

/** One speaker's stretch of speech: RTTM `SPEAKER` lines, or a diariser's turns. */
export interface ReferenceTurn {
  readonly speaker: string;
  readonly start: number;
  readonly end: number;
}

export interface DerResult {
  /** (missed + falseAlarm + confusion) / scored; 0 when nothing was scored. */
  readonly der: number;
  /** Seconds of reference speech scored (overlap counted per speaker). */
  readonly scored: number;
  readonly missed: number;
  readonly falseAlarm: number;
  readonly confusion: number;
  /** Reference speaker → system speaker (unmapped reference speakers absent). */
  readonly mapping: Readonly<Record<string, string>>;
}

/**
 * Turns of an RTTM file's `SPEAKER` lines (fields: type, file, channel, onset, duration, …, name).
 * @example parseRttm('SPEAKER sample 1 6.690 0.430 <NA> <NA> speaker90 <NA> <NA>') // [{ speaker: 'speaker90', start: 6.69, end: 7.12 }]
 */
export function parseRttm(text: string): ReferenceTurn[] {
  const turns: ReferenceTurn[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'SPEAKER' || f.length < 8) continue;
    const start = Number(f[3]);
    const duration = Number(f[4]);
    if (!Number.isFinite(start) || !Number.isFinite(duration) || duration <= 0) continue;
    turns.push({ speaker: f[7]!, start, end: start + duration });
  }
  return turns;
}

interface Piece {
  readonly length: number;
  readonly ref: ReadonlySet<string>;
  readonly sys: ReadonlySet<string>;
}

/**
 * The diarisation error rate of `system` against `reference`.
 * @example diarisationErrorRate(parseRttm(rttm), turns, { collar: 0.25 }).der // 0.12
 */
export function diarisationErrorRate(
  reference: readonly ReferenceTurn[],
  system: readonly ReferenceTurn[],
  options: { collar?: number } = {},
): DerResult {
  const collar = options.collar ?? 0;
  const noScore: [number, number][] = [];
  if (collar > 0) {
    for (const t of reference)
      noScore.push([t.start - collar, t.start + collar], [t.end - collar, t.end + collar]);
  }
  const cuts = new Set<number>();
  for (const t of [...reference, ...system]) cuts.add(t.start).add(t.end);
  for (const [a, b] of noScore) cuts.add(a).add(b);
  const times = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  const active = (turns: readonly ReferenceTurn[], t: number): Set<string> =>
    new Set(turns.filter((x) => x.start <= t && t < x.end).map((x) => x.speaker));
  for (let i = 0; i + 1 < times.length; i++) {
    const [a, b] = [times[i]!, times[i + 1]!];
    const mid = (a + b) / 2;
    if (noScore.some(([x, y]) => x <= mid && mid < y)) continue;
    pieces.push({ length: b - a, ref: active(reference, mid), sys: active(system, mid) });
  }
  const refNames = [...new Set(reference.map((t) => t.speaker))];
  const sysNames = [...new Set(system.map((t) => t.speaker))];
  const shared = refNames.map((r) =>
    sysNames.map((s) => pieces.reduce((sum, p) => sum + (p.ref.has(r) && p.sys.has(s) ? p.length : 0), 0)),
  );
  const assignment = maximumAssignment(shared);
  const mapping: Record<string, string> = {};
  assignment.forEach((s, r) => {
    if (s >= 0 && shared[r]![s]! > 0) mapping[refNames[r]!] = sysNames[s]!;
  });
  let scored = 0;
  let missed = 0;
  let falseAlarm = 0;
  let confusion = 0;
  for (const p of pieces) {
    const nRef = p.ref.size;
    const nSys = p.sys.size;
    let correct = 0;
    for (const r of p.ref) if (mapping[r] !== undefined && p.sys.has(mapping[r])) correct++;
    scored += p.length * nRef;
    missed += p.length * Math.max(0, nRef - nSys);
    falseAlarm += p.length * Math.max(0, nSys - nRef);
    confusion += p.length * (Math.min(nRef, nSys) - correct);
  }
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    der: scored > 0 ? (missed + falseAlarm + confusion) / scored : 0,
    scored: r(scored),
    missed: r(missed),
    falseAlarm: r(falseAlarm),
    confusion: r(confusion),
    mapping,
  };
}

/**
 * The one-to-one assignment of rows to columns with the largest total weight (Hungarian algorithm,
 * O(n³), on the square matrix padded with zeros); −1 for a row left without a column.
 */
function maximumAssignment(weight: readonly (readonly number[])[]): number[] {
  const rows = weight.length;
  const cols = rows > 0 ? weight[0]!.length : 0;
  const n = Math.max(rows, cols);
  if (n === 0) return [];
  let max = 0;
  for (const row of weight) for (const w of row) max = Math.max(max, w);
  // Minimise cost = max − weight; 1-based arrays as in the textbook formulation.
  const cost = (i: number, j: number): number => max - (i <= rows && j <= cols ? weight[i - 1]![j - 1]! : 0);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) if (p[j]! >= 1 && p[j]! <= rows && j <= cols) out[p[j]! - 1] = j - 1;
  return out;
}
