// Candor benchmarks: each figure is printed beside a peer measured in the same run, because the
// machines this runs on are shared and noisy; the ratio is the figure to compare between runs.
// Run with `npm run bench` (builds first). Uses ../shared/data when present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const shared = path.resolve(root, '..', 'shared', 'data');
const qmsum = path.join(shared, 'meetings-qmsum');
const out = path.join(root, 'bench', '.out');
mkdirSync(out, { recursive: true });

const { parseTranscript } = await dist('ingest/index.js');
const { createLanguageAnalyzer } = await dist('analysis/language/index.js');
const { nlp, its } = await dist('analysis/language/nlp.js');
const { analyzeFile } = await dist('pipeline/index.js');

const rows = [];
const row = (what, value, unit, peerName, peer, better) =>
  rows.push({ what, value, unit, peerName, peer, ratio: better === 'higher' ? value / peer : peer / value });

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// 1. Loading the word vectors, in a fresh process each: our binary vs reading the same bytes.
{
  const child = (code) =>
    JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root }).toString());
  const file = path.join(root, 'dist', 'assets', 'glove-100d.bin');
  const load = child(
    `const r0=process.memoryUsage().rss;const t=performance.now();const m=await import(${JSON.stringify(path.join(root, 'dist/analysis/language/semantic/index.js'))});const e=m.loadEmbeddings();e.vector('interview');console.log(JSON.stringify({ms:performance.now()-t,mb:(process.memoryUsage().rss-r0)/2**20}))`,
  );
  const raw = child(
    `import {readFileSync} from 'node:fs';const t=performance.now();readFileSync(${JSON.stringify(file)});console.log(JSON.stringify({ms:performance.now()-t}))`,
  );
  row('word vectors: load time', load.ms, 'ms', 'read the file', raw.ms, 'lower');
  rows.push({
    what: 'word vectors: memory after load',
    value: load.mb,
    unit: 'MB RSS',
    peerName: 'goal',
    peer: 200,
    ratio: 200 / load.mb,
  });
}

// 2. Words per second through the whole language pipeline on every QMSum meeting, beside a bare
//    wink-nlp pass (tokens, sentences, POS) over exactly the same answer texts.
if (existsSync(qmsum)) {
  const analyzer = createLanguageAnalyzer();
  const files = ['Product', 'Academic', 'Committee'].flatMap((d) =>
    readdirSync(path.join(qmsum, d))
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(qmsum, d, f)),
  );
  const responses = [];
  for (const file of files) {
    const transcript = parseTranscript(readFileSync(file, 'utf8'), { file });
    responses.push(...chunkIntoAnswers(transcript.segments, responses.length));
  }
  const texts = responses.map((r) => r.segments.map((s) => s.text).join(' '));
  let words = 0;
  let t = performance.now();
  for (const r of responses) words += analyzer.analyzeResponse(r, null).words;
  const pipelineSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  for (const text of texts) nlp.readDoc(text).tokens().out(its.pos);
  const winkSeconds = (performance.now() - t) / 1000;
  process.stderr.write(`qmsum: ${files.length} meetings, ${responses.length} answers, ${words} words\n`);
  row(
    `language pipeline, ${files.length} QMSum meetings (${words} words)`,
    words / pipelineSeconds,
    'words/s',
    'bare wink-nlp pass',
    words / winkSeconds,
    'higher',
  );
} else {
  process.stderr.write(`skipped the QMSum figures: ${qmsum} not found\n`);
}

// 3. One 4,500-word interview, from file to scorecard, once loaded (median of 9 runs).
if (existsSync(qmsum)) {
  const file = make4500WordInterview();
  const job = path.join(root, 'examples', 'jobs', 'sdr.md');
  await analyzeFile(file, { job, framework: 'default', questions: 'default' }); // warm-up: loads vectors
  const ours = [];
  const peer = [];
  const text = readFileSync(file, 'utf8');
  for (let i = 0; i < 9; i++) {
    let t = performance.now();
    await analyzeFile(file, { job, framework: 'default', questions: 'default' });
    ours.push(performance.now() - t);
    t = performance.now();
    const doc = JSON.parse(text);
    nlp
      .readDoc(doc.segments.map((s) => s.text).join(' '))
      .tokens()
      .out(its.pos);
    peer.push(performance.now() - t);
  }
  row(
    'one 4,500-word interview, file → scorecard',
    median(ours),
    'ms',
    'JSON.parse + bare wink-nlp',
    median(peer),
    'lower',
  );
}

printTable();

/** A response with no known question: the bench measures analysis, not question matching. */
function answer(index, segments, prompt) {
  return {
    index,
    question: null,
    questionText: null,
    questionSource: 'none',
    matchScore: null,
    segments,
    prompt,
  };
}

/** Consecutive turns grouped into answer-sized chunks (~250 words), so every word is analysed. */
function chunkIntoAnswers(segments, offset) {
  const out = [];
  let current = [];
  let words = 0;
  let prompt = [];
  for (const s of segments) {
    current.push(s);
    words += s.text.split(/\s+/).length;
    if (words >= 250) {
      out.push(answer(offset + out.length, current, prompt));
      prompt = current.slice(-1);
      current = [];
      words = 0;
    }
  }
  if (current.length > 0) out.push(answer(offset + out.length, current, prompt));
  return out;
}

/** A real AMI meeting cut to 4,500 words and written in Candor's JSON format. */
function make4500WordInterview() {
  const source = path.join(qmsum, 'Product', 'ES2002b.json');
  const transcript = parseTranscript(readFileSync(source, 'utf8'), { file: source });
  const segments = [];
  let words = 0;
  let t = 0;
  for (const s of transcript.segments) {
    const n = s.text.split(/\s+/).length;
    segments.push({ speaker: s.speaker, start: t, end: t + n * 0.4, text: s.text });
    t += n * 0.4 + 0.3;
    words += n;
    if (words >= 4500) break;
  }
  const file = path.join(out, 'interview-4500-words.json');
  writeFileSync(file, JSON.stringify({ version: 1, title: 'AMI ES2002b, first 4,500 words', segments }));
  return file;
}

function printTable() {
  const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(2));
  console.log('\nCandor benchmarks (node ' + process.version + ', one core)\n');
  console.log(
    'figure'.padEnd(58) +
      'value'.padStart(14) +
      '  ' +
      'peer'.padEnd(28) +
      'peer value'.padStart(14) +
      '   ratio',
  );
  for (const r of rows) {
    console.log(
      r.what.padEnd(58) +
        `${fmt(r.value)} ${r.unit}`.padStart(14) +
        '  ' +
        r.peerName.padEnd(28) +
        `${fmt(r.peer)} ${r.unit === 'MB RSS' ? 'MB' : r.unit}`.padStart(14) +
        `   ${r.ratio.toFixed(2)}`,
    );
  }
  console.log(
    '\nratio > 1 means Candor is ahead of the peer (faster, or under the goal); goals: ≥ 25,000 words/s, < 250 ms per interview, vectors < 1.5 s and < 200 MB.',
  );
}
