import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { loadEmbeddings } from './embeddings.js';
import { createSemanticModel } from './similarity.js';
import { nlp, its } from '../nlp.js';
import { phraseStems, stemOverlap } from './sentence-matcher.js';

it('calibrate', () => {
  const emb = loadEmbeddings(`/tmp/glove-D1.bin`);
  const model = createSemanticModel(emb);
  const sentences: string[] = [];
  for (const dir of ['Committee', 'Academic', 'Product']) {
    for (const f of readdirSync(`/work/shared/data/meetings-qmsum/${dir}`).filter((f) => f.endsWith('.json')).slice(0, 4)) {
      const m = JSON.parse(readFileSync(`/work/shared/data/meetings-qmsum/${dir}/${f}`, 'utf8'));
      for (const t of m.meeting_transcripts) {
        const text = t.content.replace(/\{\w+\}/g, '').replace(/\s+([,.?!])/g, '$1');
        for (const s of nlp.readDoc(text).sentences().out()) if (s.split(' ').length >= 6) sentences.push(s);
      }
    }
  }
  const phrases = ['stakeholder management', 'SQL', 'communication', 'project management', 'data analysis', 'customer service', 'leadership', 'Python', 'budgeting', 'teamwork', 'conflict resolution', 'attention to detail', 'describes the disagreement', 'explains what they did to resolve it', 'states the outcome', 'reflects on what they learned', 'mentions a deadline'];
  const sv = sentences.map((s) => ({ v: model.text(s), stems: new Set(phraseStems(s)) }));
  const sims: number[] = []; let lex = 0;
  for (const p of phrases) { const pv = model.text(p), ps = phraseStems(p); for (const s of sv) { if (stemOverlap(ps, s.stems) >= 2 / 3) { lex++; continue; } sims.push(model.compare(s.v, pv)); } }
  sims.sort((a, b) => a - b);
  console.log('pairs', phrases.length * sentences.length, 'lexical', lex, 'non-lexical p95', sims[Math.floor(0.95 * sims.length)], 'p99', sims[Math.floor(0.99 * sims.length)], 'p99.5', sims[Math.floor(0.995 * sims.length)], 'p99.9', sims[Math.floor(0.999 * sims.length)]);
  for (const T of [0.35, 0.4, 0.45, 0.5, 0.55]) console.log('T', T, 'rate', (sims.filter((x) => x >= T).length / sims.length).toFixed(4));
}, 300000);
