import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CandorError } from '../../../core/index.js';
import { defaultEmbeddingsFile, loadEmbeddings } from './embeddings.js';
import { need, requires } from '../../../test-helpers.js';

const file = defaultEmbeddingsFile();

requires(need.wordVectors()).describe('loadEmbeddings (built file)', () => {
  it('holds the 200k most frequent GloVe words with 100 dimensions, ranked by frequency', () => {
    const embeddings = loadEmbeddings();
    expect(embeddings.dims).toBe(100);
    expect(embeddings.size).toBe(200_000);
    expect(embeddings.rank('the')).toBe(1);
    expect(embeddings.rank('interview')).toBeLessThan(embeddings.rank('interviewer') ?? 0);
    expect(embeddings.has('colleague')).toBe(true);
    expect(embeddings.has('Colleague')).toBe(false); // the file is lower-case only
    expect(embeddings.has('qwzxvv')).toBe(false);
    expect(embeddings.rank('qwzxvv')).toBeNull();
    expect(embeddings.vector('qwzxvv')).toBeNull();
  });

  it('returns unit vectors whose cosines put related words closer than unrelated ones', () => {
    const embeddings = loadEmbeddings();
    const cos = (a: string, b: string): number => {
      const va = embeddings.vector(a);
      const vb = embeddings.vector(b);
      if (!va || !vb) throw new Error(`missing ${a} or ${b}`);
      return va.reduce((sum, x, i) => sum + x * (vb[i] ?? 0), 0);
    };
    const v = embeddings.vector('deadline');
    expect(Math.hypot(...(v ?? []))).toBeCloseTo(1, 2);
    expect(cos('colleague', 'coworker')).toBeGreaterThan(cos('colleague', 'banana') + 0.3);
    expect(cos('manager', 'supervisor')).toBeGreaterThan(cos('manager', 'volcano') + 0.3);
    // the fast path agrees with the allocating one
    expect(
      embeddings.cosineRows(embeddings.indexOf('colleague'), embeddings.indexOf('coworker')),
    ).toBeCloseTo(cos('colleague', 'coworker'), 6);
  });

  it('is loaded once per process', () => {
    expect(loadEmbeddings()).toBe(loadEmbeddings(file));
  });
});

describe('loadEmbeddings (bad files)', () => {
  it('says how to fix a missing file', () => {
    const missing = join(tmpdir(), 'candor-no-such-vectors.bin');
    const error = catchError(() => loadEmbeddings(missing));
    expect(error).toBeInstanceOf(CandorError);
    expect(error).toMatchObject({
      code: 'ASSET_MISSING',
      message: 'word vectors not built: run npm run build',
      details: { file: missing },
    });
  });

  it('rejects a file that is not a Candor vector file', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'candor-vectors-')), 'bad.bin');
    writeFileSync(bad, Buffer.from('{"not": "vectors"}'.padEnd(128, ' ')));
    const error = catchError(() => loadEmbeddings(bad));
    expect(error).toMatchObject({ code: 'ASSET_MISSING', details: { file: bad } });
    expect((error as Error).message).toMatch(/not a Candor vector file.*npm run build/);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
