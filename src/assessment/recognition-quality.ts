import type { Word } from '../domain/index.js';

// Thresholds fitted with bench/recognition-confidence.mjs (pocketsphinx 5prealpha, en-us model,
// on jfk + 5 LibriVox clips, the 4 AMI headsets and noisy/reversed copies of the read clips), which
// prints each fitted value beside the one used here. There, pocketsphinx's lattice posterior tells
// right from wrong words with ROC AUC 0.80 (word length: 0.54), and a clip's mean posterior is
// close to the share of its recognised words that are right (read speech 0.58–0.81 with 69–100%
// right; AMI conversation 0.21–0.44 with 17–33% right; reversed or noise-drowned speech 0.09–0.38).

/** A word whose recogniser confidence is below this is "low confidence" (Youden's J over all words: 0.57). */
export const LOW_CONFIDENCE = 0.55;
/** Mean word confidence at or above which recognition is "good": read speech with WER up to ~30%. */
export const GOOD_MEAN_CONFIDENCE = 0.65;
/** Mean word confidence below which recognition is "poor": most recognised words are likely wrong. */
export const POOR_MEAN_CONFIDENCE = 0.5;
/**
 * Mean word confidence of sound with no words in it (the median of reversed and noise-drowned
 * clips), where scores rest on nothing: the confidence factor reaches 0 here.
 */
export const NO_WORDS_MEAN_CONFIDENCE = 0.25;

/**
 * Recognisers whose word confidences the thresholds above were fitted and checked on. Another
 * engine's confidences (a Whisper server's word probabilities) stay on its words but are not
 * summarised: their scale is not the same, and nothing here has measured it.
 */
export const VALIDATED_ENGINES: ReadonlySet<string> = new Set(['pocketsphinx']);

export type RecognitionQualityLevel = 'good' | 'fair' | 'poor';

/** How well speech recognition went on an interview's answers, from the recogniser's own word confidences. */
export interface RecognitionQuality {
  /** The recogniser, e.g. "pocketsphinx"; null when not known. */
  readonly engine: string | null;
  /** Recognised words that carry a confidence. */
  readonly words: number;
  /** 0–1: the mean of the words' confidences. */
  readonly meanConfidence: number;
  /** 0–1: share of words below `LOW_CONFIDENCE`. */
  readonly lowConfidenceShare: number;
  readonly quality: RecognitionQualityLevel;
  /** The figures in words, e.g. "speech recognition was poor (mean word confidence 0.41) …". */
  readonly note: string;
}

/**
 * The recognition summary of `words`, or null when none carries a confidence (a typed or imported
 * transcript, an engine that gives none) or they come from an engine not in `VALIDATED_ENGINES`.
 * @example recognitionQuality(segments.flatMap((s) => s.words ?? []), 'pocketsphinx')?.quality // 'good'
 */
export function recognitionQuality(words: readonly Word[], engine: string | null): RecognitionQuality | null {
  if (engine === null || !VALIDATED_ENGINES.has(engine)) return null;
  const confidences = words.map((w) => w.confidence).filter((c): c is number => c !== undefined);
  if (confidences.length === 0) return null;
  const meanConfidence = round(confidences.reduce((a, b) => a + b, 0) / confidences.length);
  const lowConfidenceShare = round(confidences.filter((c) => c < LOW_CONFIDENCE).length / confidences.length);
  const quality: RecognitionQualityLevel =
    meanConfidence >= GOOD_MEAN_CONFIDENCE ? 'good' : meanConfidence < POOR_MEAN_CONFIDENCE ? 'poor' : 'fair';
  const figures = `mean word confidence ${meanConfidence.toFixed(2)}, ${Math.round(lowConfidenceShare * 100)}% of ${confidences.length} words below ${LOW_CONFIDENCE}`;
  const note =
    quality === 'good'
      ? `speech recognition was good (${figures})`
      : quality === 'fair'
        ? `speech recognition was fair (${figures}): some words may be wrong, and scores are less certain`
        : `speech recognition was poor (${figures}): scores rest on uncertain words`;
  return { engine, words: confidences.length, meanConfidence, lowConfidenceShare, quality, note };
}

/**
 * What a scorecard's confidence is multiplied by: 1 for good recognition, falling linearly to 0 at
 * the mean confidence of sound with no words in it; 1 when there is no summary.
 * @example recognitionConfidenceFactor({ meanConfidence: 0.5, … }) // 0.5
 */
export function recognitionConfidenceFactor(quality: RecognitionQuality | null): number {
  if (quality === null) return 1;
  const span = GOOD_MEAN_CONFIDENCE - NO_WORDS_MEAN_CONFIDENCE;
  return round(Math.min(1, Math.max(0, (quality.meanConfidence - NO_WORDS_MEAN_CONFIDENCE) / span)));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
