// Pause benchmark: Candor's silent pauses beside Praat's silence detection in the same run, on real
// speech (meeting, speech, read audiobook). Praat: `To Intensity: 100, 0, yes` then
// `Intensity: To TextGrid (silences): -25, 0.25, 0.1` (src/analysis/speech/prosody/praat/silences.praat).
// Internal pauses only (between speech); "matched" = Praat's pauses with a Candor pause whose start
// and end are both within 50 ms. Runs on the BUILT code:
//   npx tsc -p tsconfig.build.json && node bench/pauses.mjs
// Needs ffmpeg and praat on the PATH and ../shared/data/speech.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toWav16k } from './audio.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prosody = await import(path.join(root, 'dist', 'analysis', 'speech', 'prosody', 'index.js'));
const SCRIPT = path.join(root, 'src', 'analysis', 'speech', 'prosody', 'praat', 'silences.praat');
const SPEECH = path.resolve(root, '..', 'shared', 'data', 'speech');

function readWav16(file) {
  const buf = readFileSync(file);
  for (let pos = 12; pos + 8 <= buf.length;) {
    const size = buf.readUInt32LE(pos + 4);
    if (buf.toString('ascii', pos, pos + 4) === 'data') {
      const samples = new Float32Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(pos + 8 + 2 * i) / 32768;
      return samples;
    }
    pos += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

function praatPauses(wav) {
  const out = `${wav}.silences.txt`;
  const t0 = performance.now();
  execFileSync('praat', ['--run', SCRIPT, wav, out]);
  const seconds = (performance.now() - t0) / 1000;
  const pauses = readFileSync(out, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([kind, , , label]) => kind === 'intensity' && label === 'silent')
    .map(([, a, b]) => ({ start: Number(a), end: Number(b) }));
  return { pauses, seconds };
}

const internal = (pauses, duration) => pauses.filter((p) => p.start > 0 && p.end < duration - 1e-6);
const total = (pauses) => pauses.reduce((s, p) => s + (p.end - p.start), 0);
const fixed = (v, d = 2) => v.toFixed(d);

const files = [
  path.join(SPEECH, 'meeting-ami', 'sample.wav'),
  path.join(SPEECH, 'meeting-ami', 'mixture.wav'),
  ...[0, 1, 2, 3].map((i) => path.join(SPEECH, 'meeting-ami', 'sources', `source${i}.wav`)),
  path.join(SPEECH, 'jfk.flac'),
  ...readdirSync(path.join(SPEECH, 'librivox'))
    .filter((f) => f.endsWith('.wav'))
    .map((f) => path.join(SPEECH, 'librivox', f)),
];
const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-pauses-'));
console.log(
  'Silent pauses ≥ 0.25 s between speech: Candor beside Praat 6 (To TextGrid (silences), 100 Hz, −25 dB re max)',
);
console.log(
  [
    'file',
    'Praat n',
    'Candor n',
    'Praat s',
    'Candor s',
    'Praat ratio',
    'Candor ratio',
    'matched ±50 ms',
  ].join('\t'),
);
let sums = { praat: 0, candor: 0, matched: 0, praatSeconds: 0, candorSeconds: 0 };
try {
  for (const file of files) {
    const wav = toWav16k(file, path.join(dir, path.basename(file).replace(/\.[^.]+$/, '') + '.wav'));
    const samples = readWav16(wav);
    const duration = samples.length / 16000;
    const praat = praatPauses(wav);
    const t0 = performance.now();
    const found = prosody.findPauses(prosody.analyzeIntensity(samples, 16000), duration).pauses;
    sums.candorSeconds += (performance.now() - t0) / 1000;
    sums.praatSeconds += praat.seconds;
    const p = internal(praat.pauses, duration);
    const c = internal(found, duration);
    // Ratio as Praat users compute it: pause time over the time from the first to the last speech.
    const lead = praat.pauses.find((x) => x.start === 0)?.end ?? 0;
    const tail = praat.pauses.find((x) => x.end >= duration - 1e-6 && x.start > 0)?.start ?? duration;
    const span = tail - lead;
    const matched = p.filter((x) =>
      c.some((y) => Math.abs(y.start - x.start) <= 0.05 && Math.abs(y.end - x.end) <= 0.05),
    ).length;
    sums = {
      ...sums,
      praat: sums.praat + p.length,
      candor: sums.candor + c.length,
      matched: sums.matched + matched,
    };
    console.log(
      [
        path.basename(file),
        p.length,
        c.length,
        fixed(total(p)),
        fixed(total(c)),
        fixed(total(p) / span, 3),
        fixed(total(c) / span, 3),
        `${matched}/${p.length}`,
      ].join('\t'),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `all: Praat ${sums.praat} pauses, Candor ${sums.candor}; ${sums.matched} of Praat's matched within 50 ms ` +
    `(${fixed((100 * sums.matched) / Math.max(1, sums.praat), 1)} %). ` +
    `Time: Candor's intensity + pauses ${fixed(sums.candorSeconds)} s, Praat's run (with start-up and file reading) ${fixed(sums.praatSeconds)} s.`,
);
