import type { Response } from '../../../domain/index.js';
import { answerSpans, nullValue, round, type SpeechSignal } from './speech-signal.js';
import { answerPauses } from './timing.js';
import { framesIn, type VoiceTrack } from './voice-track.js';

const NO_RECORDING = 'no recording (voice signals need audio or video)';
/** Fewer voiced frames than this (0.5 s at 10 ms) and pitch statistics mean little. */
const MIN_VOICED_FRAMES = 50;

function voicedSemitones(voice: VoiceTrack, response: Response): number[] {
  const out: number[] = [];
  for (const span of answerSpans(response)) {
    // Semitones re 100 Hz: 12·log2(f0/100), so spreads compare across voices (Praat's convention).
    for (const f of framesIn(voice.pitch, voice.pitch.f0, span.start, span.end))
      if (f > 0) out.push(12 * Math.log2(f / 100));
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (i - lo);
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
}

function spanEvidence(response: Response, label: string) {
  const spans = answerSpans(response);
  const first = spans[0];
  const last = spans.at(-1);
  return first && last
    ? [{ quote: `${label}`, start: first.start, end: last.end, response: response.index, label: 'voice' }]
    : [];
}

export const pitchMeanHz: SpeechSignal = {
  definition: {
    id: 'pitchMeanHz',
    modality: 'voice',
    name: 'Mean pitch',
    unit: 'Hz',
    range: [0, 600],
    method:
      'Mean F0 of the voiced frames within the answer (Boersma 1993 autocorrelation, Praat defaults: floor 75 Hz, ceiling 600 Hz). Reported for context; it depends on the voice, so no framework should score it.',
    source: 'Boersma 1993',
  },
  compute(response, { voice }) {
    if (!voice) return nullValue('pitchMeanHz', NO_RECORDING);
    let sum = 0;
    let n = 0;
    for (const span of answerSpans(response)) {
      for (const f of framesIn(voice.pitch, voice.pitch.f0, span.start, span.end)) {
        if (f <= 0) continue;
        sum += f;
        n++;
      }
    }
    if (n < MIN_VOICED_FRAMES) return nullValue('pitchMeanHz', 'too little voiced speech');
    const value = round(sum / n, 1);
    return {
      signal: 'pitchMeanHz',
      value,
      evidence: spanEvidence(response, `mean pitch ${value} Hz over ${n} voiced frames`),
    };
  },
};

export const pitchRangeSemitones: SpeechSignal = {
  definition: {
    id: 'pitchRangeSemitones',
    modality: 'voice',
    name: 'Pitch range',
    unit: 'semitones',
    range: [0, 48],
    method:
      'Distance between the 5th and 95th percentile of the voiced pitch (Boersma 1993 autocorrelation, Praat defaults) within the answer, in semitones; a narrow range sounds monotone.',
    source: 'Boersma 1993; Hincks 2005 (pitch variation and perceived liveliness)',
  },
  compute(response, { voice }) {
    if (!voice) return nullValue('pitchRangeSemitones', NO_RECORDING);
    const st = voicedSemitones(voice, response).sort((a, b) => a - b);
    if (st.length < MIN_VOICED_FRAMES) return nullValue('pitchRangeSemitones', 'too little voiced speech');
    const value = round(percentile(st, 0.95) - percentile(st, 0.05), 1);
    return {
      signal: 'pitchRangeSemitones',
      value,
      evidence: spanEvidence(response, `pitch range ${value} semitones over ${st.length} voiced frames`),
    };
  },
};

export const pitchSpreadSemitones: SpeechSignal = {
  definition: {
    id: 'pitchSpreadSemitones',
    modality: 'voice',
    name: 'Pitch variation',
    unit: 'semitones',
    range: [0, 24],
    method: 'Standard deviation of the voiced pitch within the answer, in semitones re 100 Hz.',
    source: 'Boersma 1993; Hincks 2005',
  },
  compute(response, { voice }) {
    if (!voice) return nullValue('pitchSpreadSemitones', NO_RECORDING);
    const st = voicedSemitones(voice, response);
    if (st.length < MIN_VOICED_FRAMES) return nullValue('pitchSpreadSemitones', 'too little voiced speech');
    const value = round(standardDeviation(st));
    return {
      signal: 'pitchSpreadSemitones',
      value,
      evidence: spanEvidence(response, `pitch varies by ${value} semitones (SD)`),
    };
  },
};

export const intensitySpreadDb: SpeechSignal = {
  definition: {
    id: 'intensitySpreadDb',
    modality: 'voice',
    name: 'Loudness variation',
    unit: 'dB',
    range: [0, 60],
    method:
      'Standard deviation of the intensity (Praat’s method, dB) over the answer’s frames outside silent pauses.',
    source: 'Praat intensity analysis (Boersma & Weenink)',
  },
  compute(response, context) {
    const { voice } = context;
    if (!voice) return nullValue('intensitySpreadDb', NO_RECORDING);
    const pauses = answerPauses(response, context)?.pauses ?? [];
    const values: number[] = [];
    for (const span of answerSpans(response)) {
      const frames = framesIn(voice.intensity, voice.intensity.db, span.start, span.end);
      const first = Math.max(0, Math.ceil((span.start - voice.intensity.start) / voice.intensity.step));
      frames.forEach((db, i) => {
        const t = voice.intensity.start + (first + i) * voice.intensity.step;
        if (!pauses.some((p) => t >= p.start && t < p.end)) values.push(db);
      });
    }
    if (values.length < MIN_VOICED_FRAMES) return nullValue('intensitySpreadDb', 'too little speech');
    const value = round(standardDeviation(values));
    return {
      signal: 'intensitySpreadDb',
      value,
      evidence: spanEvidence(response, `loudness varies by ${value} dB (SD)`),
    };
  },
};

function syllablesIn(voice: VoiceTrack, response: Response): number {
  let n = 0;
  const spans = answerSpans(response);
  for (const t of voice.syllables) if (spans.some((s) => t >= s.start && t < s.end)) n++;
  return n;
}

export const articulationRate: SpeechSignal = {
  definition: {
    id: 'articulationRate',
    modality: 'voice',
    name: 'Articulation rate',
    unit: 'syllables/s',
    range: [0, 15],
    method:
      'Syllable nuclei (intensity peaks in voiced speech, De Jong & Wempe 2009) per second of phonation time, i.e. the answer’s speaking time minus its silent pauses.',
    source: 'De Jong & Wempe 2009, Behavior Research Methods 41: 385',
  },
  compute(response, context) {
    const { voice } = context;
    if (!voice) return nullValue('articulationRate', NO_RECORDING);
    const found = answerPauses(response, context);
    const paused = (found?.pauses ?? []).reduce((s, p) => s + (p.end - p.start), 0);
    const phonation = (found?.seconds ?? 0) - paused;
    if (phonation < 1) return nullValue('articulationRate', 'less than a second of speech');
    const syllables = syllablesIn(voice, response);
    const value = round(syllables / phonation, 2);
    return {
      signal: 'articulationRate',
      value,
      evidence: spanEvidence(response, `${syllables} syllables in ${round(phonation, 1)} s of speech`),
    };
  },
};

export const syllableRate: SpeechSignal = {
  definition: {
    id: 'syllableRate',
    modality: 'voice',
    name: 'Speech rate (syllables)',
    unit: 'syllables/s',
    range: [0, 15],
    method:
      'Syllable nuclei per second of the answer’s time (first to last word, less other speakers’ talk and turn gaps), pauses inside and between utterances included; the speaking rate measured from the voice alone, for recordings whose transcript has no word times.',
    source: 'De Jong & Wempe 2009 (speech rate = syllables / total duration)',
  },
  compute(response, context) {
    const { voice } = context;
    if (!voice) return nullValue('syllableRate', NO_RECORDING);
    // The same answer time as the pause ratio, so rate, pauses and articulation rate agree.
    const total =
      answerPauses(response, context)?.seconds ??
      answerSpans(response).reduce((s, x) => s + (x.end - x.start), 0);
    if (total < 1) return nullValue('syllableRate', 'less than a second of speech');
    const syllables = syllablesIn(voice, response);
    const value = round(syllables / total, 2);
    return {
      signal: 'syllableRate',
      value,
      evidence: spanEvidence(response, `${syllables} syllables in ${round(total, 1)} s`),
    };
  },
};
