// Semantic analysis speed and the word vectors' memory, each beside a peer measured in the same
// run (these figures used to be asserted inside tests, where a loaded machine made them flaky):
// 1. similarity through the text API (tokenise + weight + compare) beside the token API (compare
//    only) on the same QMSum turns; the figure: text API > 25,000 words/s;
// 2. the four semantic signals beside the lexical signals on the same ICSI turns (> 25,000 words/s);
// 3. the word vectors' resident memory after loading beside the size of their file (< 200 MB).
// Needs ../shared/data/meetings-qmsum and the built dist/ (`npm run bench` builds first).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const qmsum = path.resolve(root, '..', 'shared', 'data', 'meetings-qmsum');
if (!existsSync(qmsum)) {
  console.error(`bench/semantic.mjs needs ${qmsum} (the shared real-data folder)`);
  process.exit(1);
}

// 3 first, before anything else allocates: RSS growth of loading the vectors.
const { loadEmbeddings, defaultEmbeddingsFile, createSimilarity, createSemanticModel, SEMANTIC_SIGNALS } =
  await dist('analysis/language/semantic/index.js');
const { compareVectors } = await dist('analysis/language/semantic/similarity.js');
const { buildDocumentFromSegments } = await dist('analysis/language/index.js');
const { LEXICAL_SIGNALS } = await dist('analysis/language/signals/index.js');
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const loadStarted = performance.now();
const embeddings = loadEmbeddings();
const loadMs = performance.now() - loadStarted;
const rssGrownMb = (process.memoryUsage().rss - rssBefore) / 1e6;
const fileMb = statSync(defaultEmbeddingsFile()).size / 1e6;

/** QMSum turns of at least `minWords` words, markers removed, from `folder` (sorted, capped). */
function turns(folder, limit, minWords, maxFiles = Infinity) {
  const out = [];
  const dir = path.join(qmsum, folder);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .slice(0, maxFiles)) {
    for (const t of JSON.parse(readFileSync(path.join(dir, file), 'utf8')).meeting_transcripts) {
      const text = t.content
        .replace(/\{\w+\}/g, ' ')
        .replace(/\s+([,.?!'])/g, '$1')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.split(' ').length >= minWords) out.push(text);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

const docOf = (text, index = 0, question) =>
  buildDocumentFromSegments(
    index,
    [{ speaker: null, start: null, end: null, text }],
    question ? { question } : {},
  );

/** Best of `runs` of fn(), in words per second. */
function rate(words, fn, runs = 3) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return words / (best / 1000);
}

const rows = [];

// 1. Similarity: text API vs token API on the same 1,200 product-meeting turns.
{
  const texts = turns('Product', 1200, 12);
  const words = texts.reduce((n, t) => n + t.split(' ').length, 0);
  const textRate = rate(2 * words, () => {
    const model = createSemanticModel(embeddings); // fresh: nothing cached
    for (let i = 1; i < texts.length; i++) model.similarity(texts[i - 1], texts[i]);
  });
  const docs = texts.map((t) => docOf(t));
  const tokenRate = rate(words, () => {
    const model = createSemanticModel(embeddings);
    for (let i = 1; i < docs.length; i++)
      compareVectors(model.document(docs[i - 1]).whole, model.document(docs[i]).whole);
  });
  rows.push(['similarity, text API (words/s)', textRate, 'token API', tokenRate, '> 25,000 words/s']);
}

// 2. Semantic signals vs lexical signals on the same ICSI turns (tokenised beforehand).
{
  const question = {
    id: 'design',
    text: 'Tell me about a design decision you made and how you reached it.',
    competencies: [],
    keyPoints: ['the options considered', 'how the decision was made', 'the result'],
  };
  const job = { title: 'Researcher', text: '', skills: ['speech recognition', 'data analysis', 'Python'] };
  const docs = turns('Academic', Infinity, 20, 8).map((t, i) => docOf(t, i, question));
  const words = docs.reduce((n, d) => n + d.wordCount, 0);
  // A fresh similarity (and so empty caches) for every run of either.
  const run = (signals) => () => {
    const context = { job, similarity: createSimilarity(embeddings) };
    docs.map((d) => signals.map((s) => s.compute(d, context)));
  };
  const semantic = rate(words, run(SEMANTIC_SIGNALS));
  const lexical = rate(words, run(LEXICAL_SIGNALS));
  rows.push([
    `semantic signals, ${docs.length} turns (words/s)`,
    semantic,
    'lexical signals',
    lexical,
    '> 25,000 words/s',
  ]);
}

rows.push(['word vectors: RSS growth on load (MB)', rssGrownMb, 'file size (MB)', fileMb, '< 200 MB']);
const readStarted = performance.now();
readFileSync(defaultEmbeddingsFile());
const readMs = performance.now() - readStarted;
rows.push(['word vectors: load (ms)', loadMs, 'read the same file (ms)', readMs, '< 1,500 ms']);

const fmt = (n) =>
  Number.isFinite(n) ? (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1)) : '—';
console.log(
  'figure                                      value       peer                          peer value   ratio  goal',
);
for (const [what, value, peerName, peer, goal] of rows) {
  const ratio = Number.isFinite(peer) ? (value / peer).toFixed(2) : '—';
  console.log(
    `${what.padEnd(43)} ${fmt(value).padStart(10)}   ${peerName.padEnd(29)} ${fmt(peer).padStart(10)}   ${ratio.padStart(5)}  ${goal}`,
  );
}
