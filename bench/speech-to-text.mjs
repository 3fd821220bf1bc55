// Speech-to-text benchmark: word error rate (WER) and real-time factor (RTF = processing time /
// audio duration) of Candor's embedded recogniser (libpocketsphinx in-process on a worker thread,
// with its own utterance splitting and tuned settings) beside the `pocketsphinx_continuous`
// command-line program with its defaults, on the same 16 kHz mono 16-bit WAV files.
//
// Sets: "dev" = every clip in ../shared/data/speech (jfk.flac + 5 LibriVox clips), used for tuning;
// "check" = a deterministic sample of 40 asterisk-core-sounds-en prompts (Allison Smith, 16 kHz
// G.722, texts from core-sounds-en.txt.gz, CC BY-SA 3.0), not used for tuning, to catch overfitting.
//
// Runs on built code: `npx tsc -p tsconfig.build.json && node bench/speech-to-text.mjs`.
// Options: --verbose (per-clip lines), --flags "-fwdflat yes -lw 7" (decoder overrides, for tuning),
//          --splitter '{"marginDb":12}' (utterance-splitter options), --no-cli (skip the CLI peer).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toWav16k } from './audio.mjs';
import { checkSet, devSet } from './lib/speech-sets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const out = path.join(root, 'bench', '.out', 'speech-to-text');
mkdirSync(out, { recursive: true });

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const withCli = !argv.includes('--no-cli');
const flagsAt = argv.indexOf('--flags');
const decoderFlags = flagsAt >= 0 ? argv[flagsAt + 1].split(/\s+/).filter(Boolean) : [];
const splitterAt = argv.indexOf('--splitter');
const splitter = splitterAt >= 0 ? JSON.parse(argv[splitterAt + 1]) : undefined;

const { decodeAudio } = await dist('ingest/media/index.js');
const { PocketsphinxEngine, pocketsphinxModel, wordErrorRate, closeSharedDecoder } = await dist(
  'analysis/speech/stt/index.js',
);

/** A 16 kHz mono s16 WAV of `input` in bench/.out, made once with the ffmpeg program. */
function wavOf(input, name) {
  const file = path.join(out, `${name}.wav`);
  return existsSync(file) ? file : toWav16k(input, file);
}

const seconds = (wav) => (statSync(wav).size - 44) / 32000;

async function embedded(engine, clip) {
  const started = performance.now();
  const transcript = await engine.transcribe(decodeAudio(clip.wav));
  return { ms: performance.now() - started, text: transcript.segments.map((s) => s.text).join(' ') };
}

function cli(clip) {
  const model = pocketsphinxModel();
  const started = performance.now();
  const run = spawnSync(
    'pocketsphinx_continuous',
    ['-infile', clip.wav, '-hmm', model.hmm, '-lm', model.lm, '-dict', model.dict, '-logfn', '/dev/null'],
    { encoding: 'utf8' },
  );
  // Hypothesis lines on stdout, one per utterance its own VAD found.
  return { ms: performance.now() - started, text: run.stdout.trim().split('\n').join(' ') };
}

function tally() {
  return { errors: 0, words: 0, ms: 0, audio: 0 };
}
function add(t, clip, result) {
  const w = wordErrorRate(clip.text, result.text);
  t.errors += w.errors;
  t.words += w.referenceWords;
  t.ms += result.ms;
  t.audio += seconds(clip.wav);
  return w;
}

const engine = new PocketsphinxEngine({ decoderFlags, splitter });
const check = await engine.check(); // loads the model once, as a long-running process does
if (!check.usable) {
  console.error(`embedded recogniser unusable: ${check.reason}`);
  process.exit(1);
}

// The CLI loads its model on every run; time that on 0.1 s of silence, to show its RTF without it.
let cliStartupMs = 0;
if (withCli) {
  const blank = path.join(out, 'blank.wav');
  if (!existsSync(blank)) {
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=16000:cl=mono',
      '-t',
      '0.1',
      '-c:a',
      'pcm_s16le',
      blank,
    ]);
  }
  const runs = [0, 1, 2].map(() => cli({ wav: blank }).ms).sort((a, b) => a - b);
  cliStartupMs = runs[1];
}

const rows = [];
for (const [setName, clips] of [
  ['dev: jfk + librivox (tuning)', devSet(wavOf)],
  ['check: 40 asterisk prompts', checkSet(wavOf)],
]) {
  if (clips.length === 0) {
    console.log(`${setName}: no clips here, skipped`);
    continue;
  }
  const mine = tally();
  const theirs = tally();
  for (const clip of clips) {
    const a = await embedded(engine, clip);
    const wa = add(mine, clip, a);
    const b = withCli ? cli(clip) : null;
    const wb = b ? add(theirs, clip, b) : null;
    if (verbose) {
      console.log(`${clip.name}\n  ref: ${clip.text}\n  candor ${(wa.rate * 100).toFixed(0)}%: ${a.text}`);
      if (b) console.log(`  cli    ${(wb.rate * 100).toFixed(0)}%: ${b.text}`);
    }
  }
  rows.push({
    set: setName,
    clips: clips.length,
    audio: mine.audio,
    words: mine.words,
    mine,
    theirs: withCli ? theirs : null,
  });
}
await closeSharedDecoder();

const pct = (t) => `${((t.errors / t.words) * 100).toFixed(1)}%`;
const rtf = (t) => (t.ms / 1000 / t.audio).toFixed(3);
console.log(`\nspeech-to-text${decoderFlags.length ? ` (decoder flags: ${decoderFlags.join(' ')})` : ''}`);
console.log(
  'set                              clips  audio s  words | WER candor  WER cli | RTF candor  RTF cli  cli w/o load',
);
for (const r of rows) {
  console.log(
    `${r.set.padEnd(32)} ${String(r.clips).padStart(5)} ${r.audio.toFixed(1).padStart(8)} ${String(r.words).padStart(6)} | ` +
      `${pct(r.mine).padStart(10)} ${r.theirs ? pct(r.theirs).padStart(8) : '       -'} | ` +
      `${rtf(r.mine).padStart(10)} ${r.theirs ? rtf(r.theirs).padStart(8) : '       -'} ` +
      `${r.theirs ? rtf({ ...r.theirs, ms: r.theirs.ms - cliStartupMs * r.clips }).padStart(13) : '            -'}`,
  );
}
console.log(
  `\nGoals: WER below the CLI on both sets; RTF ≤ 0.25. The CLI loads its model on every run ` +
    `(${(cliStartupMs / 1000).toFixed(2)} s here, timed on 0.1 s of silence); "cli w/o load" subtracts that. ` +
    `Candor's figure includes\nffprobe + ffmpeg decoding of each clip; its model loads once per process, before timing.`,
);
