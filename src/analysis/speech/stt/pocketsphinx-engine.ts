import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Segment, Transcript, Word } from '../../../domain/index.js';
import { missingModelFiles, pocketsphinxModel, type PocketsphinxModel } from './pocketsphinx-config.js';
import { sharedDecoder } from './pocketsphinx-decoder.js';
import type { RawWord } from './recogniser-worker.js';
import { roundSeconds, segmentFromWords, spokenWord } from './recognised-words.js';
import {
  abortable,
  STT_SAMPLE_RATE,
  STT_TRANSCRIPT_FORMAT,
  type EngineCheck,
  type SpeechToText,
  type TranscribeOptions,
} from './speech-to-text.js';
import { UtteranceSplitter, type SplitterOptions, type Utterance } from './utterance-splitter.js';

export interface PocketsphinxOptions {
  /** Model files; default `pocketsphinxModel()` (CANDOR_POCKETSPHINX_MODEL or Debian's path). */
  readonly model?: PocketsphinxModel;
  /** Extra decoder flags, e.g. ['-fwdflat', 'yes'], replacing the tuned `DECODER_SETTINGS`. */
  readonly decoderFlags?: readonly string[];
  /** Utterance-splitting settings. */
  readonly splitter?: SplitterOptions;
}

/** 10 ms: the decoder's frame shift (`-frate 100`, pocketsphinx's default). */
const FRAME_SECONDS = 0.01;
/** Utterances sent to the worker and not yet answered; bounds memory while ffmpeg runs ahead. */
const MAX_IN_FLIGHT = 2;

/**
 * The embedded recogniser: CMU pocketsphinx (Debian's libpocketsphinx3, US English model) called
 * in-process through koffi on a worker thread, so the main thread stays free. Audio is split into
 * utterances at pauses as it streams in, and each is decoded whole.
 *
 * Accuracy is that of a 2015 GMM recogniser: about 28% WER on read speech, more on conversation;
 * treat its text as approximate (bench/speech-to-text.mjs measures it).
 *
 * @example
 * const transcript = await new PocketsphinxEngine().transcribe(decodeAudio('answer.webm'))
 */
export class PocketsphinxEngine implements SpeechToText {
  readonly name = 'pocketsphinx';
  private readonly model: PocketsphinxModel;

  constructor(private readonly options: PocketsphinxOptions = {}) {
    this.model = options.model ?? pocketsphinxModel();
  }

  async check(): Promise<EngineCheck> {
    const missing = missingModelFiles(this.model);
    if (missing.length > 0) {
      return {
        usable: false,
        reason: `model not found (${missing.join(', ')}): apt-get install pocketsphinx-en-us`,
      };
    }
    if (!koffiInstalled()) return { usable: false, reason: 'koffi is not installed: npm install koffi' };
    try {
      const decoder = await sharedDecoder(this.model, this.options.decoderFlags);
      await decoder.ready;
      return { usable: true, reason: `libpocketsphinx 5prealpha, model ${this.model.hmm}` };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const hint = /cannot load /.test(message) ? ' (apt-get install libpocketsphinx3)' : '';
      return { usable: false, reason: `${message}${hint}` };
    }
  }

  async transcribe(audio: AsyncIterable<Float32Array>, options: TranscribeOptions = {}): Promise<Transcript> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    const decoder = await abortable(sharedDecoder(this.model, this.options.decoderFlags), signal);
    await abortable(decoder.ready, signal);
    const splitter = new UtteranceSplitter(this.options.splitter);
    const segments: Segment[] = [];
    const inFlight: Promise<void>[] = [];
    let lastWordEnd = 0;

    const send = async (utterance: Utterance): Promise<void> => {
      const done = decoder.decode(utterance.samples).then((raw) => {
        const segment = toSegment(raw, utterance.startSample / STT_SAMPLE_RATE, lastWordEnd);
        if (segment) {
          segments.push(segment);
          lastWordEnd = segment.end ?? lastWordEnd;
        }
        onProgress?.((utterance.startSample + utterance.samples.length) / STT_SAMPLE_RATE);
      });
      inFlight.push(done);
      // Replies come in order, so waiting on the oldest keeps at most MAX_IN_FLIGHT queued.
      while (inFlight.length >= MAX_IN_FLIGHT) await abortable(inFlight.shift()!, signal);
    };

    let samples = 0;
    try {
      for await (const chunk of audio) {
        signal?.throwIfAborted();
        samples += chunk.length;
        for (const utterance of splitter.push(chunk)) await send(utterance);
      }
      for (const utterance of splitter.flush()) await send(utterance);
      while (inFlight.length > 0) await abortable(inFlight.shift()!, signal);
    } catch (error) {
      // Utterances already queued still finish on the worker; their results are not wanted.
      for (const job of inFlight) job.catch(() => undefined);
      throw error;
    }
    onProgress?.(samples / STT_SAMPLE_RATE);
    return { format: STT_TRANSCRIPT_FORMAT, segments };
  }
}

/** An utterance's decoder words as a segment: tokens cleaned, frames turned into stream seconds. */
function toSegment(raw: readonly RawWord[], offsetSeconds: number, notBefore: number): Segment | null {
  const words: Word[] = [];
  for (const [token, startFrame, endFrame, posterior] of raw) {
    const text = spokenWord(token);
    if (text === null) continue;
    // ps_seg_frames gives the first and last frame, inclusive.
    const start = roundSeconds(Math.max(offsetSeconds + startFrame * FRAME_SECONDS, notBefore));
    const end = roundSeconds(Math.max(offsetSeconds + (endFrame + 1) * FRAME_SECONDS, start));
    words.push({
      text,
      start,
      end,
      ...(posterior === undefined ? {} : { confidence: roundConfidence(posterior) }),
    });
  }
  return segmentFromWords(words);
}

/** Three decimals: enough to rank words, short in JSON. */
const roundConfidence = (p: number): number => Math.round(p * 1000) / 1000;

function koffiInstalled(): boolean {
  try {
    const resolved = createRequire(import.meta.url).resolve('koffi');
    return existsSync(resolved);
  } catch {
    return false;
  }
}
