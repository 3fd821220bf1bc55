import type { Transcript } from '../../../domain/index.js';

/** The sample rate every engine takes: 16 kHz mono float PCM, as `ingest/media` decodes it. */
export const STT_SAMPLE_RATE = 16_000;

/** Whether an engine can run here, and if not, what to do about it. */
export interface EngineCheck {
  readonly usable: boolean;
  /** Why not (or what it will use), in words a person can act on. */
  readonly reason: string;
}

export interface TranscribeOptions {
  /** Called as recognition advances, with the seconds of audio recognised so far. */
  readonly onProgress?: (seconds: number) => void;
  /** Stops recognition; `transcribe` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * A speech recogniser: 16 kHz mono float PCM in (streamed, any chunk size), a Transcript out whose
 * segments have `speaker: null`, start/end seconds, text, and `words` with start/end for every word.
 * Implementations: pocketsphinx (embedded), whisper.cpp (optional), an OpenAI-compatible endpoint.
 */
export interface SpeechToText {
  readonly name: string;
  check(): Promise<EngineCheck>;
  transcribe(audio: AsyncIterable<Float32Array>, options?: TranscribeOptions): Promise<Transcript>;
}

/**
 * The format tag STT transcripts carry. The domain's TranscriptFormat has no "speech" member; "json"
 * is the one whose shape (segments with word timings) a recogniser's output has.
 */
export const STT_TRANSCRIPT_FORMAT = 'json' as const;

/** Rejects with the signal's reason as soon as it aborts, else with `promise`'s own outcome. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    // The caller's own abort reason, passed on unchanged (as fetch does).
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
