import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignalAnalyzer, type SignalAnalyzer } from '../analysis/index.js';
import { packageRoot } from '../core/index.js';
import { parseTranscript } from '../ingest/index.js';
import { analyzeTranscript, type AnalysisRequest } from './analyze.js';
import { loadFramework } from './framework-loader.js';
import { readJobFile } from './job-file.js';
import { loadQuestionSet } from './question-bank.js';

const examples = path.join(packageRoot(), 'examples');
let analyzer: SignalAnalyzer;
let request: (file: string) => AnalysisRequest;

beforeAll(() => {
  analyzer = createSignalAnalyzer();
  const framework = loadFramework('default', new Set(analyzer.catalogue.map((d) => d.id)));
  const job = readJobFile(path.join(examples, 'jobs', 'sdr.md'));
  const questions = loadQuestionSet(path.join(examples, 'questions', 'sdr.yaml')).questions;
  request = (file) => ({
    transcript: parseTranscript(readFileSync(path.join(examples, file), 'utf8'), { file }),
    source: { file, sha256: null },
    framework,
    job,
    questions,
  });
});

describe('analyzeTranscript', () => {
  it('gives byte-identical JSON for the same input', () => {
    const a = JSON.stringify(
      analyzeTranscript(request('interviews/priya-strong.vtt'), analyzer, '0.0.0').scorecard,
    );
    const b = JSON.stringify(
      analyzeTranscript(request('interviews/priya-strong.vtt'), analyzer, '0.0.0').scorecard,
    );
    expect(a).toBe(b);
  });

  it('ranks a strong interview above an average one above a weak one', () => {
    const score = (f: string) =>
      analyzeTranscript(request(f), analyzer, '0.0.0').scorecard.overall.score ?? -1;
    const strong = score('interviews/priya-strong.vtt');
    const average = score('interviews/marcus-average.vtt');
    const weak = score('interviews/jordan-weak.srt');
    expect(strong).toBeGreaterThan(average);
    expect(average).toBeGreaterThan(weak);
  });

  it('links every competency score to signals and quotes with times', () => {
    const card = analyzeTranscript(request('interviews/priya-strong.vtt'), analyzer, '0.0.0').scorecard;
    expect(card.framework).toMatchObject({ id: 'default', version: '1.1.0' });
    for (const c of card.competencies) {
      expect(c.score, c.id).not.toBeNull();
      expect(c.signals.length).toBeGreaterThan(0);
      const total = c.signals.reduce((s, x) => s + x.contribution, 0);
      expect(
        Math.abs(total - (c.score ?? 0)),
        `${c.id}: contributions add up to the score`,
      ).toBeLessThanOrEqual(1);
      for (const e of c.evidence) {
        expect(e.quote.length).toBeGreaterThan(0);
        expect(e.start).toEqual(expect.any(Number));
      }
    }
    const text = readFileSync(path.join(examples, 'interviews/priya-strong.vtt'), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    const quote = card.competencies.flatMap((c) => c.evidence).find((e) => e.quote.length > 20);
    expect(text).toContain(quote?.quote.slice(0, 20));
  });

  it('writes actionable feedback with the measured number and the target', () => {
    const card = analyzeTranscript(request('interviews/jordan-weak.srt'), analyzer, '0.0.0').scorecard;
    const comm = card.competencies.find((c) => c.id === 'communication-quality');
    const filler = comm?.signals.find((s) => s.signal === 'fillerWordsPer100');
    expect(filler?.value).toBeGreaterThan(3);
    expect(comm?.feedback.join('\n')).toMatch(
      new RegExp(
        `Filler words: ${String(filler?.value).replace('.', '\\.')}[0-9]* per 100 words; aim for under 3 — pause instead`,
      ),
    );
    expect(card.gaps.length).toBeGreaterThan(0);
    expect(card.nextStep.competency).toBe(card.gaps[0]?.id);
    expect(card.nextStep.question.length).toBeGreaterThan(10);
  });

  it('answers a three-word answer with "insufficient evidence" instead of a score', () => {
    const card = analyzeTranscript(request('interviews/too-short.txt'), analyzer, '0.0.0').scorecard;
    expect(card.overall.score).toBeNull();
    expect(card.overall.reason).toMatch(/^insufficient evidence: 3 words analysed, at least 50 needed/);
    for (const c of card.competencies) {
      expect(c.score).toBeNull();
      expect(c.reason).toMatch(/^insufficient evidence/);
    }
  });

  it('reports role alignment as insufficient evidence without a job description', () => {
    const card = analyzeTranscript(
      { ...request('interviews/priya-strong.vtt'), job: null },
      analyzer,
      '0.0.0',
    ).scorecard;
    const role = card.competencies.find((c) => c.id === 'role-alignment');
    expect(role?.signals.find((s) => s.signal === 'roleAlignment')?.reason).toMatch(/no job description/);
    expect(card.job).toBeNull();
  });

  it("matches the interviewer's questions to the question set in a live interview", () => {
    const { scorecard } = analyzeTranscript(request('interviews/priya-strong.vtt'), analyzer, '0.0.0');
    const matched = scorecard.responses
      .filter((r) => r.questionSource === 'question-set')
      .map((r) => r.questionId);
    expect(new Set(matched).size).toBe(5);
    expect(scorecard.input.candidate).toBe('Priya Raman');
    // The choice is shown with its reason: who answers the questions and who talks most.
    expect(scorecard.input.candidateReason).toMatch(
      /^Priya Raman: \d+% of the words, answers \d+ questions? and asks \d+; next /,
    );
  });

  it('reports voice signals but scores them only when the workspace opts in', () => {
    // A flat 120 Hz voice over the whole interview: a monotone, 0 semitones of range.
    const frames = 60 * 15 * 100;
    const voice = {
      pitch: { start: 0, step: 0.01, f0: new Float32Array(frames).fill(120) },
      intensity: { start: 0, step: 0.01, db: new Float32Array(frames).fill(65) },
      pauses: [],
      syllables: [],
    };
    const pitchOf = (scoreVoice: boolean) =>
      analyzeTranscript({ ...request('interviews/priya-strong.vtt'), voice, scoreVoice }, analyzer, '0.0.0')
        .scorecard.competencies.find((c) => c.id === 'confidence-pacing')
        ?.signals.find((x) => x.signal === 'pitchRangeSemitones');
    expect(pitchOf(false)).toMatchObject({
      value: 0,
      credit: null,
      contribution: 0,
      reason: expect.stringMatching(/^reported only/),
    });
    expect(pitchOf(true)).toMatchObject({ value: 0, credit: 0 });
  });

  it("counts pauses between the candidate's utterances but not the gap after the interviewer's mm-hmm", () => {
    const long = 'we moved the queue to a new service and measured every step of it with the team';
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:03.000',
      'Dana: Tell me about a system you rebuilt and how it went?',
      '',
      '00:00:03.500 --> 00:00:10.000',
      `Priya: First ${long}.`,
      '',
      '00:00:10.600 --> 00:00:16.000',
      `Priya: Then ${long}.`,
      '',
      '00:00:16.000 --> 00:00:16.500',
      'Dana: Mm-hmm.',
      '',
      '00:00:17.300 --> 00:00:24.000',
      `Priya: And finally ${long}.`,
      '',
    ].join('\n');
    const frames = 2500;
    const voice = {
      pitch: { start: 0, step: 0.01, f0: new Float32Array(frames).fill(120) },
      intensity: { start: 0, step: 0.01, db: new Float32Array(frames).fill(65) },
      // Between Priya's first two utterances (a hesitation), and after Dana's mm-hmm (a turn gap).
      pauses: [
        { start: 10.0, end: 10.6 },
        { start: 16.5, end: 17.3 },
      ],
      syllables: [],
    };
    const result = analyzeTranscript(
      {
        ...request('interviews/priya-strong.vtt'),
        transcript: parseTranscript(vtt, { file: 'x.vtt' }),
        voice,
      },
      analyzer,
      '0.0.0',
    );
    expect(result.responses).toHaveLength(1);
    const values = result.signals[0]!.values;
    expect(values.get('longestPauseSeconds')?.evidence[0]).toMatchObject({ start: 10, end: 10.6 });
    // 20.5 s from Priya's first to last word, less Dana's 0.5 s and the 0.8 s turn gap.
    expect(values.get('pauseRatio')?.value).toBeCloseTo(0.6 / 19.2, 2);
  });
});
