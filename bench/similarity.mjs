// Sentence similarity on the STS Benchmark dev split (1,500 pairs, human 0–5 scores): Pearson and
// Spearman r and throughput (sentence pairs/s) of
//   (a) averaged GloVe: cosine of the plain means of the words' vectors (the textbook baseline);
//   (a') Candor's current similarity (createSimilarity: SIF-weighted mean + TF-IDF, similarity.ts);
//   (b) SIF embedding alone (Arora et al. 2017: weights a/(a+p(w)), common component removed);
//   (b') the SIF model of sif-similarity.ts: SIF embedding + soft word alignment.
// all in the same run. Issue 11 goal: r ≥ 0.72. Choices were tuned on the train split only; the
// last line repeats (b') on train for reference. A pair with no known word scores 0.
// Needs ../shared/data/similarity-stsb and the built dist/ (`npm run bench` builds first).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const stsb = path.resolve(root, '..', 'shared', 'data', 'similarity-stsb');
if (!existsSync(stsb)) {
  console.error(`bench/similarity.mjs needs ${stsb} (the shared real-data folder)`);
  process.exit(1);
}

const { loadEmbeddings, createSimilarity } = await dist('analysis/language/semantic/index.js');
const { createSifModel } = await dist('analysis/language/semantic/sif-similarity.js');
const embeddings = loadEmbeddings();

/** `genre file year id score s1 s2` lines → pairs. */
const pairsOf = (file) =>
  readFileSync(path.join(stsb, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'))
    .map((cells) => ({ score: Number(cells[4]), a: cells[5], b: cells[6] }));
const dev = pairsOf('sts-dev.csv');
const train = pairsOf('sts-train.csv');

const WORD = /[a-z]+(?:['-][a-z]+)*/g;
function averagedGlove(text) {
  const sum = new Float64Array(embeddings.dims);
  let n = 0;
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const row = embeddings.indexOf(word);
    if (row < 0) continue;
    embeddings.addTo(sum, row, embeddings.normAt(row));
    n++;
  }
  return n === 0 ? null : sum;
}
function cosine(x, y) {
  if (!x || !y) return 0;
  let dot = 0;
  let xx = 0;
  let yy = 0;
  for (let d = 0; d < x.length; d++) {
    dot += x[d] * y[d];
    xx += x[d] * x[d];
    yy += y[d] * y[d];
  }
  return xx === 0 || yy === 0 ? 0 : dot / Math.sqrt(xx * yy);
}

const methods = [
  ['(a) averaged GloVe', () => (a, b) => cosine(averagedGlove(a), averagedGlove(b))],
  ["(a') Candor similarity today", () => createSimilarity(embeddings)],
  [
    '(b) SIF embedding only',
    () => {
      const model = createSifModel(embeddings);
      return (a, b) => cosine(model.sentence(a).embedding, model.sentence(b).embedding);
    },
  ],
  ["(b') SIF + word alignment", () => createSifModel(embeddings).similarity],
];

function pearson(x, y) {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
/** Ranks, ties sharing their mean rank. */
function ranks(values) {
  const order = values.map((v, i) => [v, i]).sort((p, q) => p[0] - q[0]);
  const out = new Array(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}
const spearman = (x, y) => pearson(ranks(x), ranks(y));

/** Scores of every pair by a fresh instance (no warm caches), and the best of 3 runs' pairs/s. */
function measure(make, pairs) {
  let scores = [];
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const similarity = make();
    const started = performance.now();
    scores = pairs.map((p) => similarity(p.a, p.b) ?? 0);
    best = Math.min(best, performance.now() - started);
  }
  return { scores, rate: pairs.length / (best / 1000) };
}

const gold = dev.map((p) => p.score);
console.log(`STS Benchmark dev, ${dev.length} pairs (goal: Pearson r ≥ 0.72)`);
console.log('method                          Pearson r  Spearman r   pairs/s');
for (const [name, make] of methods) {
  const { scores, rate } = measure(make, dev);
  console.log(
    `${name.padEnd(31)} ${pearson(scores, gold).toFixed(3).padStart(9)}  ${spearman(scores, gold).toFixed(3).padStart(10)}  ${Math.round(rate).toLocaleString('en').padStart(8)}`,
  );
}
const sif = createSifModel(embeddings).similarity;
const trainScores = train.map((p) => sif(p.a, p.b) ?? 0);
console.log(
  `(b') on train (${train.length} pairs, the tuning split): Pearson r ${pearson(
    trainScores,
    train.map((p) => p.score),
  ).toFixed(3)}`,
);
