import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CandorError } from '../../../core/index.js';
import type { Segment, Transcript, Word } from '../../../domain/index.js';
import { audioParts } from './audio-parts.js';
import { roundSeconds, segmentsFromWords } from './recognised-words.js';
import { RecogniserWorker, type RawWord } from './recogniser-worker.js';
import {
  abortable,
  STT_SAMPLE_RATE,
  STT_TRANSCRIPT_FORMAT,
  type EngineCheck,
  type SpeechToText,
  type TranscribeOptions,
} from './speech-to-text.js';
import { WHISPER_WORKER_SOURCE } from './whisper-worker-source.js';

export const WHISPER_PACKAGE = '@napi-rs/whisper';

export interface WhisperEngineOptions {
  /** A ggml whisper model file (e.g. ggml-base.en.bin); default CANDOR_WHISPER_MODEL. */
  readonly modelPath?: string;
  /** Language code; default "en". */
  readonly language?: string;
  /** CPU threads for whisper.cpp; default its own (4). */
  readonly threads?: number;
  /** Audio per `full` call, in seconds; default 120, cut at quiet moments. Bounds memory. */
  readonly partSeconds?: number;
}

/** whisper.cpp's segment times are in 10 ms units (whisper_full_get_segment_t0). */
const WHISPER_TIME_UNIT = 0.01;

/**
 * Optional recogniser: whisper.cpp through `@napi-rs/whisper`, with a model the user supplies
 * (`CANDOR_WHISPER_MODEL`). Far more accurate than pocketsphinx; slower on CPU with larger models.
 * The package is not a dependency: install it to use this engine (`npm install @napi-rs/whisper`).
 *
 * UNTESTED in Candor's own environment (the package is not installed there); written against the
 * package's published API, see whisper-worker-source.ts.
 *
 * @example
 * const engine = new WhisperEngine({ modelPath: 'models/ggml-base.en.bin' })
 * if ((await engine.check()).usable) transcript = await engine.transcribe(decodeAudio('answer.webm'))
 */
export class WhisperEngine implements SpeechToText {
  readonly name = 'whisper';
  private readonly modelPath: string | undefined;

  constructor(private readonly options: WhisperEngineOptions = {}) {
    this.modelPath = (options.modelPath ?? process.env.CANDOR_WHISPER_MODEL)?.trim() || undefined;
  }

  /** Whether a model is configured and present and the package loads; does not load the model. */
  async check(): Promise<EngineCheck> {
    if (!this.modelPath)
      return { usable: false, reason: 'CANDOR_WHISPER_MODEL is not set (path to a ggml model file)' };
    if (!existsSync(this.modelPath) || !statSync(this.modelPath).isFile()) {
      return { usable: false, reason: `model file not found: ${this.modelPath}` };
    }
    if (!(await packageLoads()))
      return { usable: false, reason: `not installed: npm install ${WHISPER_PACKAGE}` };
    return { usable: true, reason: `whisper.cpp via ${WHISPER_PACKAGE}, model ${this.modelPath}` };
  }

  async transcribe(audio: AsyncIterable<Float32Array>, options: TranscribeOptions = {}): Promise<Transcript> {
    const { signal, onProgress } = options;
    const check = await this.check();
    if (!check.usable) {
      throw new CandorError('ASSET_MISSING', `whisper: ${check.reason}`, { engine: 'whisper' });
    }
    const worker = new RecogniserWorker('whisper', WHISPER_WORKER_SOURCE, {
      packagePath: createRequire(import.meta.url).resolve(WHISPER_PACKAGE),
      modelPath: this.modelPath,
      language: this.options.language ?? 'en',
      threads: this.options.threads ?? 0,
    });
    const segments: Segment[] = [];
    try {
      await abortable(worker.ready, signal);
      for await (const part of audioParts(audio, this.options.partSeconds ?? 120)) {
        signal?.throwIfAborted();
        const raw = await abortable(worker.decode(part.samples), signal);
        // whisper punctuates: a segment ends at . ? ! or a 1 s pause.
        segments.push(
          ...segmentsFromWords(toWords(raw, part.startSeconds), { pauseSeconds: 1, endAtPunctuation: true }),
        );
        onProgress?.(part.startSeconds + part.samples.length / STT_SAMPLE_RATE);
      }
    } finally {
      await worker.close();
    }
    return { format: STT_TRANSCRIPT_FORMAT, segments };
  }
}

async function packageLoads(): Promise<boolean> {
  try {
    const specifier: string = WHISPER_PACKAGE; // a variable: the package is optional, with no types here
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

/** One-word whisper segments to words; drops whisper's bracketed non-speech marks ("[BLANK_AUDIO]"). */
function toWords(raw: readonly RawWord[], offsetSeconds: number): Word[] {
  const words: Word[] = [];
  for (const [text, t0, t1] of raw) {
    const clean = text.trim();
    if (!clean || /^\[.*\]$|^\(.*\)$/.test(clean)) continue;
    const start = roundSeconds(offsetSeconds + t0 * WHISPER_TIME_UNIT);
    words.push({
      text: clean,
      start,
      end: roundSeconds(Math.max(start, offsetSeconds + t1 * WHISPER_TIME_UNIT)),
    });
  }
  return words;
}
