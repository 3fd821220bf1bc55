import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { VoiceTrack } from '../../analysis/index.js';
import { ProsodyAccumulator } from '../../analysis/speech/prosody/index.js';
import { voiceTrackFromProsody } from '../../analysis/speech/voice-track-from-prosody.js';
import type { Transcript } from '../../domain/index.js';
import { DECODE_SAMPLE_RATE, decodeAudio, probeMedia } from '../../ingest/media/index.js';
import { createProgress } from '../progress.js';

/** Whatever turns audio into a transcript with word times (see src/analysis/speech/stt). */
export interface Recogniser {
  readonly name: string;
  transcribe(
    audio: AsyncIterable<Float32Array>,
    options?: { onProgress?: (seconds: number) => void },
  ): Promise<Transcript>;
}

export interface Recording {
  readonly transcript: Transcript;
  readonly voice: VoiceTrack;
  readonly sha256: string;
  /** `imported` when a transcript file was given, else the recogniser's name. */
  readonly transcriptSource: string;
}

/**
 * Reads a recording once, streaming: every decoded second feeds the prosody analysis and, unless
 * a transcript was imported (an imported transcript always wins), the speech recogniser. Memory
 * stays bounded by the frame contours, whatever the length. Progress goes to stderr.
 * @example const { transcript, voice } = await readRecording('answer.webm', { recogniser })
 */
export async function readRecording(
  file: string,
  options: { imported?: Transcript | null; recogniser: () => Promise<Recogniser> },
): Promise<Recording> {
  const info = await probeMedia(file);
  const imported = options.imported ?? null;
  const recogniser = imported ? null : await options.recogniser();
  const label = `${path.basename(file)}: ${recogniser ? `recognising speech (${recogniser.name})` : 'analysing the voice'}`;
  const progress = createProgress(label, 'seconds');
  const prosody = new ProsodyAccumulator(DECODE_SAMPLE_RATE);
  const sha256 = await hashFile(file);

  async function* audio(): AsyncGenerator<Float32Array> {
    for await (const chunk of decodeAudio(file, {
      info,
      onProgress: (seconds, total) => progress.update(seconds, total),
    })) {
      prosody.push(chunk);
      yield chunk;
    }
  }

  let transcript: Transcript;
  if (recogniser) {
    transcript = asSentences(await recogniser.transcribe(audio()));
  } else {
    for await (const chunk of audio()) void chunk;
    transcript = imported as Transcript;
  }
  const words = transcript.segments.flatMap((s) => s.words ?? []);
  const summary = prosody.finish(words.length > 0 ? { words } : {});
  progress.finish(`${Math.round(summary.durationSeconds)} s analysed`);
  return {
    transcript,
    voice: voiceTrackFromProsody(summary),
    sha256,
    transcriptSource: recogniser?.name ?? 'imported',
  };
}

/**
 * Recognisers write lower case without punctuation; each utterance (speech between pauses) is
 * closed as a sentence so sentence-level signals (length, readability, STAR parts) have units.
 */
function asSentences(transcript: Transcript): Transcript {
  return {
    ...transcript,
    segments: transcript.segments.map((s) => {
      const text = s.text.trim();
      if (text === '' || /[.!?…]$/.test(text)) return s;
      return { ...s, text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
    }),
  };
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
