import { CandorError } from '../../../core/index.js';
import { OpenAiEngine } from './openai-engine.js';
import { PocketsphinxEngine } from './pocketsphinx-engine.js';
import type { EngineCheck, SpeechToText } from './speech-to-text.js';
import { WhisperEngine } from './whisper-engine.js';

export const ENGINE_NAMES = ['pocketsphinx', 'whisper', 'openai'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface EngineStatus extends EngineCheck {
  readonly name: EngineName;
  /** Whether its settings are present (a model path, a URL); pocketsphinx needs none. */
  readonly configured: boolean;
}

export interface SelectOptions {
  /** An engine by name; default CANDOR_STT_ENGINE, else chosen by what is configured. */
  readonly name?: string;
  /** Where settings are read; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

const isEngineName = (name: string): name is EngineName => (ENGINE_NAMES as readonly string[]).includes(name);

/**
 * The engine called `name`, configured from `env` (CANDOR_WHISPER_MODEL; CANDOR_ASR_URL,
 * CANDOR_ASR_KEY, CANDOR_ASR_MODEL; CANDOR_POCKETSPHINX_MODEL).
 * @example createEngine('openai', { CANDOR_ASR_URL: 'http://localhost:8000' })
 */
export function createEngine(name: EngineName, env: NodeJS.ProcessEnv = process.env): SpeechToText {
  switch (name) {
    case 'pocketsphinx':
      return new PocketsphinxEngine();
    case 'whisper':
      return new WhisperEngine({ modelPath: env.CANDOR_WHISPER_MODEL ?? '' });
    case 'openai':
      return new OpenAiEngine({
        url: env.CANDOR_ASR_URL ?? '',
        apiKey: env.CANDOR_ASR_KEY ?? '',
        model: env.CANDOR_ASR_MODEL ?? '',
      });
    default: {
      const never: never = name;
      throw new Error(`unknown engine ${String(never)}`);
    }
  }
}

function configured(name: EngineName, env: NodeJS.ProcessEnv): boolean {
  if (name === 'whisper') return Boolean(env.CANDOR_WHISPER_MODEL?.trim());
  if (name === 'openai') return Boolean(env.CANDOR_ASR_URL?.trim());
  return true;
}

/**
 * Every engine's usability and, when unusable, why (for `candor doctor`).
 * @example for (const e of await checkEngines()) console.log(e.name, e.usable, e.reason)
 */
export async function checkEngines(env: NodeJS.ProcessEnv = process.env): Promise<EngineStatus[]> {
  return Promise.all(
    ENGINE_NAMES.map(async (name) => ({
      name,
      configured: configured(name, env),
      ...(await createEngine(name, env).check()),
    })),
  );
}

/**
 * Chooses the speech recogniser: the one named (option or CANDOR_STT_ENGINE); else the
 * OpenAI-compatible endpoint when CANDOR_ASR_URL is set and usable; else the embedded pocketsphinx.
 * whisper.cpp is used only when named (CANDOR_STT_ENGINE=whisper): it has never been run against
 * a real model here, so setting CANDOR_WHISPER_MODEL alone does not select it.
 *
 * @throws CandorError CONFIG_INVALID (unknown name), ASSET_MISSING (the named engine, or every
 *   candidate, unusable; the message says why)
 * @example const engine = await selectEngine(); const transcript = await engine.transcribe(audio)
 */
export async function selectEngine(options: SelectOptions = {}): Promise<SpeechToText> {
  const env = options.env ?? process.env;
  const requested = (options.name ?? env.CANDOR_STT_ENGINE)?.trim().toLowerCase() || undefined;
  if (requested !== undefined) {
    if (!isEngineName(requested)) {
      throw new CandorError(
        'CONFIG_INVALID',
        `CANDOR_STT_ENGINE: unknown engine "${requested}"; use ${ENGINE_NAMES.join(', ')}`,
        {
          setting: 'CANDOR_STT_ENGINE',
        },
      );
    }
    const engine = createEngine(requested, env);
    const check = await engine.check();
    if (!check.usable)
      throw new CandorError('ASSET_MISSING', `${requested}: ${check.reason}`, { engine: requested });
    return engine;
  }
  const reasons: string[] = [];
  // whisper is opt-in by name only (untested, see above).
  for (const name of ['openai'] as const) {
    if (!configured(name, env)) continue;
    const engine = createEngine(name, env);
    const check = await engine.check();
    if (check.usable) return engine;
    reasons.push(`${name}: ${check.reason}`);
  }
  const fallback = createEngine('pocketsphinx', env);
  const check = await fallback.check();
  if (check.usable) return fallback;
  reasons.push(`pocketsphinx: ${check.reason}`);
  throw new CandorError('ASSET_MISSING', `no speech recogniser is usable: ${reasons.join('; ')}`, {
    engines: reasons,
  });
}
