import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedDecoder } from './pocketsphinx-decoder.js';
import { checkEngines, createEngine, selectEngine } from './select-engine.js';
import { need, requires } from '../../../test-helpers.js';
import { WhisperEngine } from './whisper-engine.js';

const dir = mkdtempSync(path.join(tmpdir(), 'candor-stt-'));
const fakeModel = path.join(dir, 'ggml-tiny.en.bin');
writeFileSync(fakeModel, 'not really a model');
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeSharedDecoder();
});

describe('WhisperEngine.check (the package is not installed here)', () => {
  it('explains each missing piece in turn', async () => {
    expect(await new WhisperEngine({ modelPath: '' }).check()).toEqual({
      usable: false,
      reason: 'CANDOR_WHISPER_MODEL is not set (path to a ggml model file)',
    });
    expect(await new WhisperEngine({ modelPath: path.join(dir, 'absent.bin') }).check()).toMatchObject({
      usable: false,
      reason: expect.stringMatching(/^model file not found: .*absent\.bin$/),
    });
    expect(await new WhisperEngine({ modelPath: fakeModel }).check()).toEqual({
      usable: false,
      reason: 'not installed: npm install @napi-rs/whisper',
    });
  });

  it('transcribe() refuses with the same reason instead of failing later', async () => {
    async function* none(): AsyncGenerator<Float32Array> {}
    await expect(new WhisperEngine({ modelPath: fakeModel }).transcribe(none())).rejects.toMatchObject({
      code: 'ASSET_MISSING',
      message: 'whisper: not installed: npm install @napi-rs/whisper',
    });
  });
});

requires(need.pocketsphinx()).describe(
  'selectEngine',
  () => {
    it('falls back to pocketsphinx when nothing else is configured', async () => {
      expect((await selectEngine({ env: {} })).name).toBe('pocketsphinx');
    });

    it('prefers a configured OpenAI-compatible endpoint over pocketsphinx', async () => {
      expect((await selectEngine({ env: { CANDOR_ASR_URL: 'http://127.0.0.1:9' } })).name).toBe('openai');
    });

    it('never selects whisper.cpp (untested) on its own: only CANDOR_STT_ENGINE=whisper does', async () => {
      const env = { CANDOR_WHISPER_MODEL: fakeModel, CANDOR_ASR_URL: 'http://127.0.0.1:9' };
      expect((await selectEngine({ env })).name).toBe('openai');
      expect((await selectEngine({ env: { CANDOR_WHISPER_MODEL: fakeModel } })).name).toBe('pocketsphinx');
      await expect(
        selectEngine({ env: { CANDOR_WHISPER_MODEL: fakeModel, CANDOR_STT_ENGINE: 'whisper' } }),
      ).rejects.toMatchObject({
        code: 'ASSET_MISSING',
        message: 'whisper: not installed: npm install @napi-rs/whisper',
      });
    });

    it('honours an explicit name, and refuses an unusable or unknown one with the reason', async () => {
      expect(
        (await selectEngine({ name: 'pocketsphinx', env: { CANDOR_ASR_URL: 'http://127.0.0.1:9' } })).name,
      ).toBe('pocketsphinx');
      expect(
        (await selectEngine({ env: { CANDOR_STT_ENGINE: 'OpenAI', CANDOR_ASR_URL: 'http://127.0.0.1:9' } }))
          .name,
      ).toBe('openai');
      await expect(
        selectEngine({ name: 'whisper', env: { CANDOR_WHISPER_MODEL: fakeModel } }),
      ).rejects.toMatchObject({
        code: 'ASSET_MISSING',
        message: 'whisper: not installed: npm install @napi-rs/whisper',
      });
      await expect(selectEngine({ name: 'vosk', env: {} })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/unknown engine "vosk"; use pocketsphinx, whisper, openai/),
      });
    });

    it('checkEngines reports each engine, configured or not, and why it cannot run', async () => {
      const statuses = await checkEngines({ CANDOR_ASR_URL: 'http://127.0.0.1:9' });
      expect(statuses.map((s) => [s.name, s.usable, s.configured])).toEqual([
        ['pocketsphinx', true, true],
        ['whisper', false, false],
        ['openai', true, true],
      ]);
      expect(statuses[1]!.reason).toMatch(/CANDOR_WHISPER_MODEL is not set/);
    });

    it('createEngine reads its settings from the env given, not the process', () => {
      expect(createEngine('openai', {}).name).toBe('openai');
    });
  },
  120_000,
);
