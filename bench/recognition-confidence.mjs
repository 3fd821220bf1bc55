// Recognition-confidence benchmark: does the embedded recogniser's word confidence (pocketsphinx's
// lattice posterior, Word.confidence) know when a word is wrong? On clips with a reference text,
// each recognised word is labelled correct or wrong by the minimum-edit alignment (alignedCorrect),
// and the bench prints:
//   1. word level: ROC AUC of confidence for telling correct from wrong words, beside two peers
//      measured on the same words: a constant (AUC 0.5) and word length in letters (longer words
//      are more often right);
//   2. clip level: each clip's WER beside its mean word confidence and share of low-confidence
//      words, with the quality Candor's scorecard gives it (recognitionQuality), including clips
//      made unintelligible on purpose (loud pink noise, speech played backwards);
//   3. the thresholds: the low-confidence word threshold that best separates wrong from correct
//      words (Youden's J) beside the one src/assessment/recognition-quality.ts uses.
//
// Sets: jfk + 5 LibriVox clips; 40 asterisk prompts (as bench/speech-to-text.mjs picks them);
// the four AMI headset sources with their speakers' words (fillers removed from the reference, as
// the recogniser has no filler words); those clips with pink noise at 0 dB SNR-ish and reversed.
//
// Runs on built code: `npx tsc -p tsconfig.build.json && node bench/recognition-confidence.mjs`.
// Options: --verbose (per-clip lines), --quick (jfk + librivox + their damaged copies only).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toWav16k } from './audio.mjs';
import { checkSet, devSet } from './lib/speech-sets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const speechData = path.resolve(root, '..', 'shared', 'data', 'speech');
const ami = path.join(speechData, 'meeting-ami');
const out = path.join(root, 'bench', '.out', 'recognition-confidence');
mkdirSync(out, { recursive: true });
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const quick = argv.includes('--quick');

const { decodeAudio } = await dist('ingest/media/index.js');
const { PocketsphinxEngine, wordErrorRate, alignedCorrect, closeSharedDecoder } = await dist(
  'analysis/speech/stt/index.js',
);
const {
  recognitionQuality,
  LOW_CONFIDENCE,
  GOOD_MEAN_CONFIDENCE,
  POOR_MEAN_CONFIDENCE,
  NO_WORDS_MEAN_CONFIDENCE,
} = await dist('assessment/recognition-quality.js');

function wavOf(input, name, filter = []) {
  const file = path.join(out, `${name}.wav`);
  if (existsSync(file)) return file;
  if (filter.length === 0) return toWav16k(input, file);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    input,
    ...filter,
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'pcm_s16le',
    file,
  ]);
  return file;
}

/** The clip with loud pink noise (about as loud as the speech) mixed in: hard to recognise. */
const noisy = (clip) => ({
  ...clip,
  name: `${clip.name} + noise`,
  damaged: true,
  wav: wavOf(clip.wav, `${clip.name}-noise`, [
    '-filter_complex',
    'anoisesrc=color=pink:amplitude=0.15:seed=7:sample_rate=16000[n];[0:a][n]amix=inputs=2:duration=first:normalize=0',
  ]),
});
/** The clip played backwards: speech-like sound with no words in it. */
const reversed = (clip) => ({
  ...clip,
  name: `${clip.name} reversed`,
  damaged: true,
  wav: wavOf(clip.wav, `${clip.name}-reversed`, ['-af', 'areverse']),
});

/** The AMI reference words of one speaker, fillers and partial words dropped. */
function amiText(letter) {
  return readFileSync(path.join(ami, 'text', `mixture.${letter}.words_joined.txt`), 'utf8')
    .replace(/\b(um+|uh+|mm-hmm|mm|hmm|er|ah)\b/gi, ' ')
    .replace(/_/g, '');
}

async function recognise(engine, clip) {
  const transcript = await engine.transcribe(decodeAudio(clip.wav));
  return transcript.segments.flatMap((s) => s.words ?? []);
}

/** The AMI headsets, each matched to the speaker letter whose words it recognises best. */
async function amiSet(engine) {
  if (!existsSync(path.join(ami, 'sources'))) return [];
  const letters = ['A', 'B', 'C', 'D'].map((l) => ({ letter: l, text: amiText(l) }));
  const clips = [];
  for (let i = 0; i < 4; i++) {
    const wav = path.join(ami, 'sources', `source${i}.wav`);
    const words = await recognise(engine, { wav });
    const hyp = words.map((w) => w.text).join(' ');
    const best = letters
      .map((l) => ({ ...l, wer: wordErrorRate(l.text, hyp).rate }))
      .sort((a, b) => a.wer - b.wer)[0];
    clips.push({
      name: `ami source${i} (${best.letter})`,
      wav: wavOf(wav, `ami-source${i}`),
      text: best.text,
      words,
    });
  }
  return clips;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
}

/** ROC AUC: the chance a random correct word has a higher score than a random wrong one (ties ½). */
function auc(scores, labels) {
  const items = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < items.length;) {
    let j = i;
    while (j < items.length && items[j].s === items[i].s) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (items[k].y) ((rankSum += rank), positives++);
    i = j;
  }
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The threshold t maximising TPR − FPR for "confidence < t means wrong". */
function youden(scores, labels) {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  const wrong = labels.filter((y) => !y).length;
  const right = labels.length - wrong;
  let best = { t: 0, j: -1 };
  for (const t of candidates) {
    let tp = 0;
    let fp = 0;
    scores.forEach((s, i) => {
      if (s < t) labels[i] ? fp++ : tp++;
    });
    const j = tp / wrong - fp / right;
    if (j > best.j) best = { t, j };
  }
  return best;
}

const engine = new PocketsphinxEngine();
const check = await engine.check();
if (!check.usable) {
  console.error(`embedded recogniser unusable: ${check.reason}`);
  process.exit(1);
}

const dev = devSet(wavOf);
const sets = [
  ['jfk + librivox', dev],
  ['damaged: jfk + librivox with loud noise, reversed', [...dev.map(noisy), ...dev.map(reversed)]],
];
if (!quick) {
  sets.splice(1, 0, ['40 asterisk prompts', checkSet(wavOf)]);
  const headsets = await amiSet(engine);
  sets.splice(2, 0, ['AMI headsets (conversation)', headsets]);
}

const all = { conf: [], len: [], correct: [] };
const clipRows = [];
console.log('Word confidence (pocketsphinx lattice posterior) against correct/wrong by alignment');
console.log('set'.padEnd(52), 'words', 'right', ' AUC conf', ' AUC length', ' AUC const');
for (const [name, clips] of sets) {
  if (clips.length === 0) {
    console.log(name.padEnd(52), 'missing data, skipped');
    continue;
  }
  const s = { conf: [], len: [], correct: [] };
  for (const clip of clips) {
    const words = clip.words ?? (await recognise(engine, clip));
    const labels = alignedCorrect(
      clip.text,
      words.map((w) => w.text),
    );
    const wer = wordErrorRate(clip.text, words.map((w) => w.text).join(' ')).rate;
    const q = recognitionQuality(words, 'pocketsphinx');
    clipRows.push({
      set: name,
      clip: clip.name,
      words: words.length,
      wer,
      q,
      right: labels.filter(Boolean).length,
    });
    words.forEach((w, i) => {
      s.conf.push(w.confidence ?? 1);
      s.len.push(w.text.length);
      s.correct.push(labels[i]);
    });
  }
  for (const k of Object.keys(all)) all[k].push(...s[k]);
  const right = s.correct.filter(Boolean).length / s.correct.length;
  console.log(
    name.padEnd(52),
    String(s.conf.length).padStart(5),
    right.toFixed(2).padStart(5),
    auc(s.conf, s.correct).toFixed(3).padStart(9),
    auc(s.len, s.correct).toFixed(3).padStart(11),
    auc(
      s.conf.map(() => 0),
      s.correct,
    )
      .toFixed(3)
      .padStart(10),
  );
}
console.log(
  'all'.padEnd(52),
  String(all.conf.length).padStart(5),
  (all.correct.filter(Boolean).length / all.correct.length).toFixed(2).padStart(5),
  auc(all.conf, all.correct).toFixed(3).padStart(9),
  auc(all.len, all.correct).toFixed(3).padStart(11),
  '0.500'.padStart(10),
);

const fitted = youden(all.conf, all.correct);
console.log(
  `\nlow-confidence word threshold: fitted (Youden's J = ${fitted.j.toFixed(2)}) ${fitted.t.toFixed(3)}, used ${LOW_CONFIDENCE}`,
);

console.log('\nPer clip: WER beside mean word confidence, low-confidence share and the quality given');
const byQuality = new Map();
for (const r of clipRows) {
  const key = r.q?.quality ?? 'none';
  const list = byQuality.get(key) ?? [];
  list.push(r);
  byQuality.set(key, list);
  if (verbose || r.q?.quality !== 'good' || r.wer > 0.6) {
    console.log(
      `  ${r.clip.slice(0, 44).padEnd(44)} words ${String(r.words).padStart(3)}  WER ${(r.wer * 100).toFixed(0).padStart(3)}%  right ${r.words ? ((100 * r.right) / r.words).toFixed(0).padStart(3) : '  -'}%  mean conf ${r.q ? r.q.meanConfidence.toFixed(2) : '   -'}  low ${r.q ? r.q.lowConfidenceShare.toFixed(2) : '   -'}  ${key}`,
    );
  }
}
/** The clip-level threshold on mean confidence that best matches `isBad` (fewest clips misplaced). */
function fitClips(rows, isBad) {
  const errorsAt = (t) => rows.filter((r) => r.q.meanConfidence < t !== isBad(r)).length;
  const candidates = [...new Set(rows.map((r) => r.q.meanConfidence))].sort((a, b) => a - b);
  let best = { t: 0, errors: Infinity };
  for (let i = 0; i < candidates.length; i++) {
    const t = i === 0 ? candidates[0] : (candidates[i - 1] + candidates[i]) / 2;
    const errors = errorsAt(t);
    if (errors < best.errors) best = { t, errors };
  }
  return { ...best, errorsAt };
}
const scored = clipRows.filter((r) => r.q !== null);
const pearson = (xs, ys) => {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};
console.log(
  `\nClips with words: ${scored.length}; Pearson r of mean confidence with share of words right ${pearson(
    scored.map((r) => r.q.meanConfidence),
    scored.map((r) => r.right / r.words),
  ).toFixed(2)}, with WER ${pearson(
    scored.map((r) => r.q.meanConfidence),
    scored.map((r) => r.wer),
  ).toFixed(2)}; mean |mean confidence − share right| ${(
    scored.reduce((s, r) => s + Math.abs(r.q.meanConfidence - r.right / r.words), 0) / scored.length
  ).toFixed(2)}`,
);
const poor = fitClips(scored, (r) => r.right / r.words < 0.5);
console.log(
  `poor below (most recognised words wrong): fitted ${poor.t.toFixed(2)} (${poor.errors} of ${scored.length} clips misplaced), used ${POOR_MEAN_CONFIDENCE} (${poor.errorsAt(POOR_MEAN_CONFIDENCE)} misplaced)`,
);
const good = fitClips(scored, (r) => r.wer > 0.3);
console.log(
  `good from (WER at most 30%): fitted ${good.t.toFixed(2)} (${good.errors} misplaced), used ${GOOD_MEAN_CONFIDENCE} (${good.errorsAt(GOOD_MEAN_CONFIDENCE)} misplaced)`,
);
const damagedMeans = scored.filter((r) => r.set.startsWith('damaged')).map((r) => r.q.meanConfidence);
console.log(
  `no words in the sound (reversed, drowned in noise): median mean confidence ${median(damagedMeans).toFixed(2)}, used ${NO_WORDS_MEAN_CONFIDENCE}`,
);

console.log('\nBy quality given: clips, their median WER and median share of recognised words right');
for (const key of ['good', 'fair', 'poor', 'none']) {
  const rows = byQuality.get(key) ?? [];
  if (rows.length === 0) continue;
  const damaged = rows.filter((r) => r.set.startsWith('damaged')).length;
  console.log(
    `  ${key.padEnd(5)} ${String(rows.length).padStart(3)} clips (${damaged} damaged)  median WER ${(median(rows.map((r) => r.wer)) * 100).toFixed(0)}%  median right ${(median(rows.filter((r) => r.words).map((r) => r.right / r.words)) * 100).toFixed(0)}%`,
  );
}
await closeSharedDecoder();
