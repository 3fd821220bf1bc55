import type { Evidence, Response } from '../../../domain/index.js';
import { answerSpans, nullValue, round, type SpeechContext, type SpeechSignal } from './speech-signal.js';

/** Pauses between words shorter than this are part of fluent speech (Goldman-Eisler 1968; De Jong & Bosker 2013: 250 ms). */
export const MIN_PAUSE_SECONDS = 0.25;

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface AnswerPauses {
  /** Silent pauses of the answer, in time order. */
  readonly pauses: Span[];
  /** `voice` (the recording's intensity) or `word times`. */
  readonly source: string;
  /** The answer's time: from its first to its last word, less other speakers' talk and turn gaps. */
  readonly seconds: number;
}

/**
 * Silent pauses of an answer, at every boundary: inside a recognised utterance and between two of
 * them. The answer runs from its first to its last segment; a silence inside that extent counts
 * unless another speaker talks in it or it lies next to another speaker's turn (with nothing of the
 * answer between: a turn gap, not a hesitation, Heldner & Edlund 2010). Silences come from the voice
 * when there is a recording, else from the gaps between timed words. Caption cues alone cannot
 * tell (their boundaries are not pauses): null.
 *
 * @example answerPauses(response, { voice, otherTalk: interviewerSegments })?.pauses // [{ start: 7.08, end: 7.66 }, …]
 */
export function answerPauses(response: Response, context: SpeechContext): AnswerPauses | null {
  const spans = answerSpans(response);
  if (spans.length === 0) return null;
  const own = [...spans].sort((a, b) => a.start - b.start);
  const extent = { start: own[0]!.start, end: Math.max(...own.map((s) => s.end)) };
  const others = (context.otherTalk ?? []).filter((o) => o.end > o.start);
  let silences: Span[];
  let source: string;
  if (context.voice) {
    silences = context.voice.pauses.filter(
      (p) => p.start >= extent.start - 0.01 && p.end <= extent.end + 0.01,
    );
    source = 'voice';
  } else {
    const timed = response.segments.flatMap((s) => s.words ?? []).sort((a, b) => a.start - b.start);
    if (timed.length === 0) return null;
    silences = [];
    for (let i = 1; i < timed.length; i++) {
      const gap = timed[i]!.start - timed[i - 1]!.end;
      if (gap >= MIN_PAUSE_SECONDS) silences.push({ start: timed[i - 1]!.end, end: timed[i]!.start });
    }
    source = 'word times';
  }
  const pauses: Span[] = [];
  const turnGaps: Span[] = [];
  for (const p of silences)
    (isTurnGap(p, own, others) ? turnGaps : pauses).push({ start: p.start, end: p.end });
  const excluded = coveredSeconds([...others, ...turnGaps], extent);
  return { pauses, source, seconds: Math.max(0, extent.end - extent.start - excluded) };
}

/**
 * Whether another speaker talks during a silence, or is the nearest speech on either side of it.
 * Segment times are those of the transcript; a 10 ms slack absorbs rounding.
 */
function isTurnGap(p: Span, own: readonly Span[], others: readonly Span[]): boolean {
  const slack = 0.01;
  if (others.some((o) => o.start < p.end - slack && o.end > p.start + slack)) return true;
  const lastEnd = (spans: readonly Span[]): number =>
    spans.reduce((m, s) => (s.start < p.start ? Math.max(m, s.end) : m), -Infinity);
  const firstStart = (spans: readonly Span[]): number =>
    spans.reduce((m, s) => (s.end > p.end ? Math.min(m, s.start) : m), Infinity);
  const otherBefore = lastEnd(others);
  const otherAfter = firstStart(others);
  return (
    (otherBefore > -Infinity && otherBefore >= lastEnd(own) - slack) ||
    (otherAfter < Infinity && otherAfter <= firstStart(own) + slack)
  );
}

/** Seconds of `within` covered by the union of `spans`. */
function coveredSeconds(spans: readonly Span[], within: Span): number {
  const clipped = spans
    .map((s) => ({ start: Math.max(s.start, within.start), end: Math.min(s.end, within.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reach = -Infinity;
  for (const s of clipped) {
    if (s.end <= reach) continue;
    covered += s.end - Math.max(s.start, reach);
    reach = s.end;
  }
  return covered;
}

function pauseEvidence(response: Response, pauses: readonly { start: number; end: number }[]): Evidence[] {
  return [...pauses]
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    .slice(0, 3)
    .map((p) => ({
      quote: `${round(p.end - p.start, 1)} s pause`,
      start: round(p.start),
      end: round(p.end),
      response: response.index,
      label: 'pause',
    }));
}

export const pauseRatio: SpeechSignal = {
  definition: {
    id: 'pauseRatio',
    modality: 'timing',
    name: 'Pause time',
    unit: 'share',
    range: [0, 1],
    method:
      'Time in silent pauses of at least 250 ms divided by the answer’s time (first to last word, less other speakers’ talk and turn gaps). Pauses inside and between utterances count; silences next to another speaker’s turn do not. Pauses come from the voice (intensity, as Praat’s To TextGrid (silences)) when there is a recording, else from the gaps between timed words.',
    source: 'De Jong & Bosker 2013 (250 ms pause threshold); Goldman-Eisler 1968',
  },
  compute(response, context) {
    const found = answerPauses(response, context);
    if (!found || found.seconds < 1) return nullValue('pauseRatio', 'needs a recording or word times');
    const paused = found.pauses.reduce((s, p) => s + (p.end - p.start), 0);
    return {
      signal: 'pauseRatio',
      value: round(Math.min(1, paused / found.seconds)),
      evidence: pauseEvidence(response, found.pauses),
    };
  },
};

export const longestPauseSeconds: SpeechSignal = {
  definition: {
    id: 'longestPauseSeconds',
    modality: 'timing',
    name: 'Longest pause',
    unit: 'seconds',
    range: [0, 3600],
    method:
      'The longest silent pause (≥ 250 ms) inside the answer, within or between its utterances (not a turn gap), in seconds; 0 when there is none.',
    source: 'De Jong & Bosker 2013',
  },
  compute(response, context) {
    const found = answerPauses(response, context);
    if (!found || found.seconds < 1)
      return nullValue('longestPauseSeconds', 'needs a recording or word times');
    const longest = found.pauses.reduce((m, p) => Math.max(m, p.end - p.start), 0);
    return {
      signal: 'longestPauseSeconds',
      value: round(longest),
      evidence: pauseEvidence(response, found.pauses).slice(0, 1),
    };
  },
};

export const meanPauseSeconds: SpeechSignal = {
  definition: {
    id: 'meanPauseSeconds',
    modality: 'timing',
    name: 'Mean pause',
    unit: 'seconds',
    range: [0, 3600],
    method:
      'Mean length of the silent pauses (≥ 250 ms) inside the answer, in seconds; 0 when there is none.',
    source: 'De Jong & Bosker 2013',
  },
  compute(response, context) {
    const found = answerPauses(response, context);
    if (!found || found.seconds < 1) return nullValue('meanPauseSeconds', 'needs a recording or word times');
    const total = found.pauses.reduce((s, p) => s + (p.end - p.start), 0);
    const value = found.pauses.length > 0 ? round(total / found.pauses.length) : 0;
    return { signal: 'meanPauseSeconds', value, evidence: pauseEvidence(response, found.pauses) };
  },
};

export const responseLatencySeconds: SpeechSignal = {
  definition: {
    id: 'responseLatencySeconds',
    modality: 'timing',
    name: 'Response latency',
    unit: 'seconds',
    range: [-60, 3600],
    method:
      'In a live interview, the time from the end of the interviewer’s question to the start of the answer (negative when the candidate starts before the interviewer finishes).',
    source: 'Turn-taking gap (Stivers et al. 2009, PNAS 106: 10587)',
  },
  compute(response) {
    const prompt = response.prompt.at(-1);
    const first = response.segments[0];
    if (!prompt || !first || prompt.end === null || first.start === null) {
      return nullValue(
        'responseLatencySeconds',
        response.prompt.length === 0
          ? 'no interviewer turn before the answer'
          : 'no timings in the transcript',
      );
    }
    const latency = first.start - prompt.end;
    return {
      signal: 'responseLatencySeconds',
      value: round(latency),
      evidence: [
        {
          quote: lastWords(prompt.text, 8),
          start: prompt.start,
          end: prompt.end,
          response: response.index,
          label: 'question ends',
        },
        {
          quote: firstWords(first.text, 8),
          start: first.start,
          end: first.end,
          response: response.index,
          label: `answer starts ${round(latency, 1)} s later`,
        },
      ],
    };
  },
};

function firstWords(text: string, n: number): string {
  const words = text.split(/\s+/);
  return words.slice(0, n).join(' ') + (words.length > n ? '…' : '');
}

function lastWords(text: string, n: number): string {
  const words = text.split(/\s+/);
  return (words.length > n ? '…' : '') + words.slice(-n).join(' ');
}
