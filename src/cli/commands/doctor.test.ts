import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { locatePocketsphinx } from '../../analysis/speech/stt/index.js';
import { need, requires } from '../../test-helpers.js';
import { doctorReport } from './doctor.js';

const dir = mkdtempSync(path.join(tmpdir(), 'candor-doctor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

requires(need.tool('ffmpeg'), need.pocketsphinx()).describe('doctorReport', () => {
  it('reports ffmpeg, the engines with reasons, the model, word vectors and the data dir', async () => {
    const { text, json } = await doctorReport({ env: { CANDOR_DATA_DIR: path.join(dir, 'data') } });
    expect(json.node).toMatchObject({ ok: true, version: process.version });
    expect(json.ffmpeg).toMatchObject({
      ok: true,
      path: '/usr/bin/ffmpeg',
      version: expect.stringMatching(/^\d+\.\d+/),
    });
    expect(json.ffprobe).toMatchObject({ ok: true, path: '/usr/bin/ffprobe' });
    expect(json.pocketsphinxModel).toMatchObject({
      ok: true,
      path: '/usr/share/pocketsphinx/model/en-us',
      missing: [],
    });
    // The library is where the system says (ldconfig -p, else pkg-config), and the report names it.
    const found = locatePocketsphinx();
    expect(json.pocketsphinxLibrary).toMatchObject({
      ok: true,
      path: found.pocketsphinx?.path,
      sphinxbase: found.sphinxbase?.path,
      source: expect.stringMatching(/^(ldconfig|pkg-config)$/),
    });
    expect(text).toMatch(
      /^✓ libpocketsphinx: \/\S+libpocketsphinx\.so\S* \(found by (ldconfig|pkg-config);/m,
    );
    expect(json.speech.selected).toBe('pocketsphinx');
    expect(json.speech.engines.map((e) => [e.name, e.usable])).toEqual([
      ['pocketsphinx', true],
      ['whisper', false],
      ['openai', false],
    ]);
    expect(json.dataDir).toMatchObject({ ok: true, path: path.join(dir, 'data') });
    expect(text).toMatch(/^✓ ffmpeg \d/m);
    expect(text).toMatch(/^ {4}✗ whisper: CANDOR_WHISPER_MODEL is not set/m);
    expect(text).toMatch(/^ {4}✗ openai: CANDOR_ASR_URL is not set/m);
    expect(text).toMatch(/^✓ data dir writable: .*\(will be created\)$/m);
    // Word vectors exist only after a build; the report says which.
    expect(text).toMatch(
      json.wordVectors.ok ? /^✓ word vectors: .*glove-100d\.bin/m : /^✗ word vectors missing/m,
    );
    expect(json.ok).toBe(json.wordVectors.ok);
  });

  it('marks an unusable setting with ✗ and its reason', async () => {
    // A data dir under a regular file cannot be created, even by root.
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    const { text, json } = await doctorReport({
      env: { CANDOR_DATA_DIR: path.join(file, 'data'), CANDOR_ASR_URL: 'ftp://nowhere' },
    });
    expect(json.ok).toBe(false);
    expect(text).toMatch(/^✗ data dir not writable: .*notes\.txt\/data \(.*notes\.txt is a file/m);
    expect(text).toMatch(/^ {4}✗ openai: CANDOR_ASR_URL is not an http\(s\) URL: ftp:\/\/nowhere$/m);
    expect(text).toMatch(/^Something required is missing/m);
  });
});
