import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../domain/index.js';
import type { SpeechToText } from './speech-to-text.js';
import { streamOf } from './test-helpers.js';

export interface SuiteSubject {
  /** A usable engine. */
  readonly engine: () => SpeechToText;
  /** Real speech, 16 kHz mono, and its length in seconds. */
  readonly speech: () => Float32Array;
}

/**
 * The contract every SpeechToText implementation must keep, run by each engine's own test file
 * (like Kysely's one suite over every dialect).
 */
export function speechToTextSuite(name: string, subject: SuiteSubject): void {
  describe(`SpeechToText contract: ${name}`, () => {
    it('check() says it is usable and why', async () => {
      const check = await subject.engine().check();
      expect(check.usable).toBe(true);
      expect(check.reason.length).toBeGreaterThan(0);
    });

    it('transcribes speech into timed segments with a timed word for every word of text', async () => {
      const audio = subject.speech();
      const duration = audio.length / 16_000;
      const transcript = await subject.engine().transcribe(streamOf(audio));
      expectWellFormed(transcript, duration);
      expect(transcript.segments.flatMap((s) => s.words ?? []).length).toBeGreaterThan(3);
    });

    it('reports progress up to the audio’s length, never going back', async () => {
      const audio = subject.speech();
      const seen: number[] = [];
      await subject.engine().transcribe(streamOf(audio), { onProgress: (s) => seen.push(s) });
      expect(seen.length).toBeGreaterThan(0);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(seen.at(-1)).toBeCloseTo(audio.length / 16_000, 1);
    });

    it('rejects with the abort reason when aborted', async () => {
      const controller = new AbortController();
      const reason = new Error('cancelled by the user');
      async function* abortAfterFirstChunk(): AsyncGenerator<Float32Array> {
        let first = true;
        for await (const chunk of streamOf(subject.speech())) {
          yield chunk;
          if (first) controller.abort(reason);
          first = false;
        }
      }
      await expect(
        subject.engine().transcribe(abortAfterFirstChunk(), { signal: controller.signal }),
      ).rejects.toBe(reason);
    });
  });
}

/** Segments have no speaker, ordered times inside the clip, and text equal to their words. */
export function expectWellFormed(transcript: Transcript, durationSeconds: number): void {
  let previousEnd = 0;
  for (const segment of transcript.segments) {
    expect(segment.speaker).toBeNull();
    expect(segment.text.trim().length).toBeGreaterThan(0);
    const words = segment.words ?? [];
    expect(words.length).toBeGreaterThan(0);
    expect(segment.text.split(/\s+/).length).toBe(words.length);
    for (const word of words) {
      expect(word.start).toBeGreaterThanOrEqual(previousEnd - 1e-9);
      expect(word.end).toBeGreaterThanOrEqual(word.start);
      expect(word.end).toBeLessThanOrEqual(durationSeconds + 0.05);
      previousEnd = word.end;
    }
    expect(segment.start).toBe(words[0]!.start);
    expect(segment.end).toBe(words.at(-1)!.end);
  }
}
