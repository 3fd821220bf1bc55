import type { Response, SignalDefinition, SignalValue } from '../../../domain/index.js';
import type { VoiceTrack } from './voice-track.js';

export interface SpeechContext {
  /** The voice analysis of the recording, or null for a transcript without audio. */
  readonly voice: VoiceTrack | null;
  /**
   * When other speakers talk in the same recording (seconds): their segments. Time they talk, and
   * silences next to their turns (turn gaps), are not the answer's. Absent: nobody else talks.
   */
  readonly otherTalk?: readonly { readonly start: number; readonly end: number }[];
}

export interface SpeechSignal {
  readonly definition: SignalDefinition & { readonly modality: 'timing' | 'voice' };
  compute(response: Response, context: SpeechContext): SignalValue;
}

/** The times an answer covers: the candidate's own segments (not the interviewer's turns). */
export function answerSpans(response: Response): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const s of response.segments)
    if (s.start !== null && s.end !== null && s.end > s.start) spans.push({ start: s.start, end: s.end });
  return spans;
}

export function nullValue(signal: string, reason: string): SignalValue {
  return { signal, value: null, evidence: [], reason };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
