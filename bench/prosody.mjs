// Prosody benchmark: Candor's pitch and intensity against Praat's own (`To Pitch (ac)`, `To Intensity`,
// defaults) on real speech, frame by frame; speed beside Praat measured in the same run; memory of a
// 1-minute and a 60-minute stream. Runs on the BUILT code:
//   npx tsc -p tsconfig.build.json && node bench/prosody.mjs [--prompts N]
// Needs ffmpeg and praat on the PATH and ../shared/data/speech; the Asterisk prompts
// (/usr/share/asterisk/sounds/en/*.g722, Debian asterisk-core-sounds-en-g722) are used when present.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { toWav16k } from './audio.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prosody = await import(path.join(root, 'dist', 'analysis', 'speech', 'prosody', 'index.js'));
const PRAAT_SCRIPT = path.join(
  root,
  'src',
  'analysis',
  'speech',
  'prosody',
  'praat',
  'pitch-intensity.praat',
);
const SPEECH = path.resolve(root, '..', 'shared', 'data', 'speech');
const PROMPTS = '/usr/share/asterisk/sounds/en';
const PROMPT_TEXTS = '/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz';
const args = process.argv.slice(2);

// ---------- child mode: stream N seconds of looped LibriVox through the accumulator, report memory ----------
if (args[0] === '--child-memory') {
  const seconds = Number(args[1]);
  const list = args[2];
  const ffmpeg = spawn('ffmpeg', [
    ...['-nostdin', '-v', 'error', '-stream_loop', '-1', '-f', 'concat', '-safe', '0', '-i', list],
    ...['-t', String(seconds), '-ac', '1', '-ar', '16000', '-f', 'f32le', '-'],
  ]);
  const accumulator = new prosody.ProsodyAccumulator(16000);
  const second = new Float32Array(16000);
  const bytes = new Uint8Array(second.buffer);
  let filled = 0;
  let samples = 0;
  let busy = 0n;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const feed = (chunk) => {
    const t = process.hrtime.bigint();
    accumulator.push(chunk);
    busy += process.hrtime.bigint() - t;
    samples += chunk.length;
  };
  for await (const data of ffmpeg.stdout) {
    let at = 0;
    while (at < data.length) {
      const take = Math.min(bytes.length - filled, data.length - at);
      bytes.set(data.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === bytes.length) {
        feed(second);
        filled = 0;
      }
    }
  }
  if (filled >= 4) feed(second.slice(0, filled >> 2));
  const t = process.hrtime.bigint();
  const summary = accumulator.finish();
  busy += process.hrtime.bigint() - t;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      audioSeconds: samples / 16000,
      analysisSeconds: Number(busy) / 1e9,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      wallSeconds: (performance.now() - wall0) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      pitchFrames: summary.frames.pitch.f0.length,
      syllables: summary.syllableNuclei.count,
    }),
  );
  process.exit(0);
}

// ---------- helpers ----------
const tmp = mkdtempSync(path.join(tmpdir(), 'candor-prosody-bench-'));
const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
if (!has('ffmpeg') || !has('praat') || !existsSync(SPEECH)) {
  console.error('bench/prosody.mjs needs ffmpeg, praat and ../shared/data/speech');
  process.exit(1);
}

let wavCount = 0;
function toWav(file) {
  return toWav16k(file, path.join(tmp, `${wavCount++}-${path.basename(file).replace(/\.[^.]+$/, '')}.wav`));
}

/** PCM16 WAV → Float32Array the way Praat reads it (sample / 32768). */
function readWav(file) {
  const buf = readFileSync(file);
  let pos = 12;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    if (id === 'data') {
      const n = Math.floor(Math.min(size, buf.length - pos - 8) / 2);
      const samples = new Float32Array(n);
      for (let i = 0; i < n; i++) samples[i] = buf.readInt16LE(pos + 8 + 2 * i) / 32768;
      return samples;
    }
    pos += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

// Praat's pitch analysis runs on all cores; pin it to one (as ours runs) when taskset is there.
const oneCore = has('taskset');
function runPraat(wav) {
  const out = wav + '.txt';
  const t0 = performance.now();
  const praatArgs = ['--run', PRAAT_SCRIPT, wav, out];
  if (oneCore) execFileSync('taskset', ['-c', '0', 'praat', ...praatArgs]);
  else execFileSync('praat', praatArgs);
  const wall = (performance.now() - t0) / 1000;
  const ref = { f0: [], db: [], wall, analysis: 0 };
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    const [kind, , b] = line.split(' ');
    if (kind === 'pitch') ref.f0.push(Number(b));
    else if (kind === 'intensity') ref.db.push(Number(b));
    else if (kind === 'seconds') ref.analysis += Number(b);
  }
  return ref;
}

function median(values) {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

const syllable = (await import('syllable')).syllable;

/** Analyses one set of files with both programs and pools the frame comparisons. */
function runSet(name, items) {
  const set = { name, files: 0, audio: 0, frames: 0, agree: 0, both: 0, gross: 0, semitones: [], db: [] };
  Object.assign(set, {
    ours: 0,
    oursFull: 0,
    praat: 0,
    praatWall: 0,
    nuclei: 0,
    syllables: 0,
    mismatched: 0,
  });
  for (const item of items) {
    const wav = toWav(item.file);
    const samples = readWav(wav);
    if (samples.length < 0.064 * 16000) continue;
    const praat = runPraat(wav);
    let t0 = performance.now();
    const pitch = prosody.analyzePitch(samples, 16000);
    const intensity = prosody.analyzeIntensity(samples, 16000);
    set.ours += (performance.now() - t0) / 1000;
    t0 = performance.now();
    const summary = prosody.analyzeProsody(samples, 16000);
    set.oursFull += (performance.now() - t0) / 1000;
    set.praat += praat.analysis;
    set.praatWall += praat.wall;
    set.files++;
    set.audio += samples.length / 16000;
    if (pitch.f0.length !== praat.f0.length || intensity.db.length !== praat.db.length) set.mismatched++;
    for (let i = 0; i < Math.min(pitch.f0.length, praat.f0.length); i++) {
      const a = pitch.f0[i];
      const b = praat.f0[i];
      set.frames++;
      if (a > 0 === b > 0) set.agree++;
      if (a > 0 && b > 0) {
        set.both++;
        if (Math.abs(a / b - 1) > 0.2) set.gross++;
        set.semitones.push(Math.abs(12 * Math.log2(a / b)));
      }
    }
    for (let i = 0; i < Math.min(intensity.db.length, praat.db.length); i++)
      set.db.push(Math.abs(intensity.db[i] - praat.db[i]));
    if (item.text) {
      set.nuclei += summary.syllableNuclei.count;
      set.syllables += syllable(item.text);
    }
  }
  return set;
}

// ---------- the sets ----------
const librivoxDir = path.join(SPEECH, 'librivox');
const librivox = readFileSync(path.join(librivoxDir, 'transcription'), 'utf8')
  .split('\n')
  .map((l) => /^<s> (.*) <\/s> \((.*)\)$/.exec(l.trim()))
  .filter(Boolean)
  .map((m) => ({ file: path.join(librivoxDir, `${m[2]}.wav`), text: m[1] }));
const jfkText =
  'And so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country.';
const sets = [
  ['jfk.flac', [{ file: path.join(SPEECH, 'jfk.flac'), text: jfkText }]],
  ['librivox', librivox],
];
if (existsSync(PROMPTS)) {
  const texts = new Map();
  if (existsSync(PROMPT_TEXTS)) {
    for (const line of gunzipSync(readFileSync(PROMPT_TEXTS)).toString('utf8').split('\n')) {
      const m = /^([^;:\s][^:]*): (.*)$/.exec(line);
      // Non-speech entries ("[beep]") have no syllables; the `syllable` package cannot count digits
      // ("Press 1") or acronyms ("MGCP"), so those prompts stay out of the syllable comparison only.
      if (m && !m[2].startsWith('[') && !/\d|[A-Z]{2,}/.test(m[2])) texts.set(m[1], m[2]);
    }
  }
  let files = readdirSync(PROMPTS)
    .filter((f) => f.endsWith('.g722'))
    .sort();
  const limit = args.includes('--prompts') ? Number(args[args.indexOf('--prompts') + 1]) : files.length;
  // A deterministic sample when limited: every k-th prompt in name order.
  if (limit < files.length)
    files = files.filter((_, i) => i % Math.ceil(files.length / limit) === 0).slice(0, limit);
  sets.push([
    'asterisk g722',
    files.map((f) => ({ file: path.join(PROMPTS, f), text: texts.get(f.slice(0, -5)) })),
  ]);
}

// Warm the JIT on one clip so the first set is not charged for compilation (Praat is compiled code).
prosody.analyzeProsody(readWav(toWav(librivox[0].file)), 16000);

const results = sets.map(([name, items]) => runSet(name, items));
const pct = (x) => `${(100 * x).toFixed(2)} %`;
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');
console.log(
  '\nProsody vs Praat 6.3 (To Pitch (ac) 0 75 15 no 0.03 0.45 0.01 0.35 0.14 600; To Intensity 100 0 yes)\n',
);
console.log(
  [
    'set',
    'files',
    'audio s',
    'pitch frames',
    'voicing agree',
    'gross err',
    'med |Δf0| st',
    'med |ΔdB|',
    'syllable nuclei / transcript syllables',
  ].join(' | '),
);
for (const s of results) {
  console.log(
    [
      s.name,
      s.files,
      f(s.audio, 1),
      s.frames,
      pct(s.agree / s.frames),
      pct(s.both ? s.gross / s.both : 0),
      median(s.semitones).toExponential(2),
      median(s.db).toExponential(2),
      s.syllables ? `${s.nuclei}/${s.syllables} (${f(s.nuclei / s.syllables)})` : '—',
    ].join(' | '),
  );
  if (s.mismatched) console.log(`  ${s.mismatched} file(s) with a different frame count than Praat`);
}
console.log(
  '\nSpeed, one core each (ours: analyzePitch + analyzeIntensity in process; Praat: its own stopwatch around the ' +
    `same two commands${oneCore ? ', pinned to one core with taskset' : '; taskset missing, so Praat may use several cores'})`,
);
for (const s of results) {
  console.log(
    `${s.name}: pitch+intensity ours ${f(s.ours, 3)} s vs praat ${f(s.praat, 3)} s (${f(s.praat / s.ours)}× Praat's speed); ` +
      `full analyzeProsody ${f(s.oursFull, 3)} s = ${f(s.audio / s.oursFull, 0)}× real time; ` +
      `praat process wall ${f(s.praatWall, 2)} s`,
  );
}

// ---------- memory and speed on long streams ----------
const list = path.join(tmp, 'librivox.txt');
writeFileSync(list, librivox.map((c) => `file '${c.file.replace(/'/g, "'\\''")}'`).join('\n') + '\n');
const child = (seconds) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child-memory', String(seconds), list],
      {
        maxBuffer: 1 << 20,
      },
    ).toString(),
  );
console.log('\nStreaming ProsodyAccumulator, 1 s chunks of looped LibriVox from ffmpeg, one process each');
const short = child(60);
const long = child(3600);
for (const [label, r] of [
  ['1 min', short],
  ['60 min', long],
]) {
  console.log(
    `${label}: ${f(r.audioSeconds, 0)} s audio, analysis ${f(r.analysisSeconds)} s = ${f(r.audioSeconds / r.analysisSeconds, 0)}× real time ` +
      `(goal ≥ 100×), peak RSS ${f(r.maxRssMb, 1)} MB`,
  );
}
console.log(
  `peak RSS: 60 min ${f(long.maxRssMb, 1)} MB vs 1 min ${f(short.maxRssMb, 1)} MB (+${f(long.maxRssMb - short.maxRssMb, 1)} MB; goal ≤ 150 MB)`,
);
console.log(
  `an hour of audio: ours ${f(long.analysisSeconds, 1)} s vs goal 36 s (${f(36 / long.analysisSeconds)}×)`,
);
rmSync(tmp, { recursive: true, force: true });
