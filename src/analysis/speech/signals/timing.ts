import type { Evidence, Response } from '../../../domain/index.js';
import { answerSpans, nullValue, round, type SpeechContext, type SpeechSignal } from './speech-signal.js';

/** Pauses between words shorter than this are part of fluent speech (Goldman-Eisler 1968; De Jong & Bosker 2013: 250 ms). */
export const MIN_PAUSE_SECONDS = 0.25;

/**
 * Silent pauses inside an answer: from the voice when there is a recording, else from the gaps
 * between timed words. Caption cues alone cannot tell (their boundaries are not pauses): null.
 */
export function answerPauses(
  response: Response,
  context: SpeechContext,
): { pauses: { start: number; end: number }[]; source: string } | null {
  const spans = answerSpans(response);
  if (spans.length === 0) return null;
  if (context.voice) {
    const inside = context.voice.pauses.filter((p) =>
      spans.some((s) => p.start >= s.start - 0.01 && p.end <= s.end + 0.01),
    );
    return { pauses: inside.map((p) => ({ start: p.start, end: p.end })), source: 'voice' };
  }
  const timed = response.segments.flatMap((s) => s.words ?? []);
  if (timed.length === 0) return null;
  const pauses: { start: number; end: number }[] = [];
  for (let i = 1; i < timed.length; i++) {
    const gap = (timed[i]?.start ?? 0) - (timed[i - 1]?.end ?? 0);
    if (gap >= MIN_PAUSE_SECONDS) pauses.push({ start: timed[i - 1]?.end ?? 0, end: timed[i]?.start ?? 0 });
  }
  return { pauses, source: 'word times' };
}

function speakingSeconds(response: Response): number {
  return answerSpans(response).reduce((s, x) => s + (x.end - x.start), 0);
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
      'Time in silent pauses of at least 250 ms divided by the answer’s speaking time. Pauses come from the voice (intensity) when there is a recording, else from the gaps between timed words.',
    source: 'De Jong & Bosker 2013 (250 ms pause threshold); Goldman-Eisler 1968',
  },
  compute(response, context) {
    const found = answerPauses(response, context);
    const total = speakingSeconds(response);
    if (!found || total < 1) return nullValue('pauseRatio', 'needs a recording or word times');
    const paused = found.pauses.reduce((s, p) => s + (p.end - p.start), 0);
    return {
      signal: 'pauseRatio',
      value: round(Math.min(1, paused / total)),
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
    method: 'The longest silent pause (≥ 250 ms) inside the answer, in seconds; 0 when there is none.',
    source: 'De Jong & Bosker 2013',
  },
  compute(response, context) {
    const found = answerPauses(response, context);
    if (!found || speakingSeconds(response) < 1)
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
    if (!found || speakingSeconds(response) < 1)
      return nullValue('meanPauseSeconds', 'needs a recording or word times');
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
