import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { VoiceTrack } from '../analysis/index.js';
import { DiarisationAccumulator, labelSpeakers, type Diarisation } from '../analysis/speech/diarise/index.js';
import {
  findFilledPauses,
  type FilledPause,
  SpectralEnvelopeAccumulator,
  withFilledPauses,
} from '../analysis/speech/filled-pauses/index.js';
import { ProsodyAccumulator, type ProsodySummary } from '../analysis/speech/prosody/index.js';
import { voiceTrackFromProsody } from '../analysis/speech/voice-track-from-prosody.js';
import type { Transcript } from '../domain/index.js';
import { DECODE_SAMPLE_RATE, decodeAudio, probeMedia } from '../ingest/media/index.js';

/** Whatever turns audio into a transcript with word times (see src/analysis/speech/stt). */
export interface Recogniser {
  readonly name: string;
  transcribe(
    audio: AsyncIterable<Float32Array>,
    options?: { onProgress?: (seconds: number) => void; signal?: AbortSignal },
  ): Promise<Transcript>;
}

export interface Recording {
  readonly transcript: Transcript;
  readonly voice: VoiceTrack;
  readonly sha256: string;
  /** `imported` when a transcript was given, else the recogniser's name. */
  readonly transcriptSource: string;
  /** Seconds of audio analysed. */
  readonly durationSeconds: number;
  /** What was lost reading a damaged recording, in words (also on `transcript.warnings`). */
  readonly warnings: readonly string[];
  /** Who spoke when, when speakers were asked for (`speakers`) and speech was recognised. */
  readonly diarisation?: Diarisation;
}

/** Where reading a recording has got: its stage, and seconds done of the recording's length. */
export interface RecordingProgress {
  readonly stage: 'decoding' | 'recognising speech' | 'measuring voice';
  readonly seconds: number;
  /** The recording's length, when the container says. */
  readonly total: number | null;
  /** The recogniser's name, or null when an imported transcript is used. */
  readonly recogniser: string | null;
}

export interface ReadRecordingOptions {
  /** A transcript of the recording to use instead of speech recognition (it always wins). */
  readonly imported?: Transcript | null;
  readonly recogniser: () => Promise<Recogniser>;
  readonly onProgress?: (progress: RecordingProgress) => void;
  /** Stops decoding and recognition; the call then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The file's SHA-256 when the caller already has it (an upload hashes while it streams). */
  readonly sha256?: string;
  /**
   * Tell speakers apart in a recording of several voices on one track (src/analysis/speech/diarise):
   * `auto` counts them, a number fixes the count, 1 or absent keeps one anonymous voice. Only for
   * recognised speech: an imported transcript says who speaks.
   */
  readonly speakers?: 'auto' | number;
}

/**
 * Reads a recording once, streaming: every decoded second feeds the prosody analysis and, unless
 * a transcript was imported, the speech recogniser. Memory stays bounded by the frame contours,
 * whatever the length.
 * @example const { transcript, voice } = await readRecording('answer.webm', { recogniser: selectEngine })
 */
export async function readRecording(file: string, options: ReadRecordingOptions): Promise<Recording> {
  const { signal, onProgress } = options;
  const info = await probeMedia(file);
  signal?.throwIfAborted();
  const imported = options.imported ?? null;
  const recogniser = imported ? null : await options.recogniser();
  const name = recogniser?.name ?? null;
  const total = info.durationSeconds;
  onProgress?.({ stage: 'decoding', seconds: 0, total, recogniser: name });
  const prosody = new ProsodyAccumulator(DECODE_SAMPLE_RATE);
  const speakers = options.speakers;
  const diariser =
    recogniser && speakers !== undefined && speakers !== 1
      ? new DiarisationAccumulator(DECODE_SAMPLE_RATE, speakers === 'auto' ? {} : { speakers })
      : null;
  // Filled pauses (um, uh) are heard from the sound: the recogniser does not write them.
  const envelope = recogniser ? new SpectralEnvelopeAccumulator(DECODE_SAMPLE_RATE) : null;
  const sha256 = options.sha256 ?? (await hashFile(file));
  const stage = recogniser ? 'recognising speech' : 'measuring voice';
  const warnings: string[] = [];

  async function* audio(): AsyncGenerator<Float32Array> {
    for await (const chunk of decodeAudio(file, {
      info,
      onWarning: (warning) => warnings.push(warning),
      ...(signal ? { signal } : {}),
      onProgress: (seconds, length) => onProgress?.({ stage, seconds, total: length, recogniser: name }),
    })) {
      prosody.push(chunk);
      diariser?.push(chunk);
      envelope?.push(chunk);
      yield chunk;
    }
  }

  let transcript: Transcript;
  if (recogniser) {
    const recognised = await recogniser.transcribe(audio(), signal ? { signal } : {});
    transcript = { ...recognised, recogniser: recogniser.name };
  } else {
    for await (const chunk of audio()) void chunk;
    transcript = imported as Transcript;
  }
  if (warnings.length > 0)
    transcript = { ...transcript, warnings: [...(transcript.warnings ?? []), ...warnings] };
  signal?.throwIfAborted();
  const diarisation = diariser?.finish();
  if (diarisation) transcript = labelSpeakers(transcript, diarisation) ?? transcript;
  const words = transcript.segments.flatMap((s) => s.words ?? []);
  const summary = prosody.finish(words.length > 0 ? { words } : {});
  if (envelope) transcript = asSentences(withFilledPauses(transcript, filledPausesOf(summary, envelope)));
  const seconds = summary.durationSeconds;
  onProgress?.({ stage: 'measuring voice', seconds, total: total ?? seconds, recogniser: name });
  return {
    transcript,
    voice: voiceTrackFromProsody(summary),
    sha256,
    transcriptSource: name ?? 'imported',
    durationSeconds: seconds,
    warnings,
    ...(diarisation ? { diarisation } : {}),
  };
}

/** The filled pauses in a recording, from its prosody summary's contours and its spectral envelope. */
function filledPausesOf(summary: ProsodySummary, envelope: SpectralEnvelopeAccumulator): FilledPause[] {
  const grid = (times: Float64Array) => ({
    start: times[0] ?? 0,
    step: (times[1] ?? 0.01) - (times[0] ?? 0),
  });
  return findFilledPauses({
    pitch: { ...grid(summary.frames.pitch.times), f0: summary.frames.pitch.f0 },
    intensity: { ...grid(summary.frames.intensity.times), db: summary.frames.intensity.db },
    silenceThresholdDb: summary.intensity.silenceThresholdDb,
    envelope: envelope.finish(),
  });
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

/** SHA-256 of a file, streamed. */
export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
