import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import type { Question, Segment, Transcript } from '../domain/index.js';
import { parsePlainText } from './plain-text.js';
import { parseJsonTranscript } from './json-transcript.js';
import { parseVtt } from './vtt.js';
import { findCandidateSpeaker } from './candidate-speaker.js';
import { responsesFromAnswers, segmentLiveInterview } from './segment-responses.js';
import { bagOfWordsSimilarity, contentWords, lastQuestion } from './similarity.js';
import { fixture } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const question = (id: string, text: string): Question => ({ id, text, competencies: [], keyPoints: [] });
const QUESTIONS = [
  question('conflict', 'Tell me about a time you disagreed with a teammate. How did you resolve it?'),
  question('failure', 'Describe a project that failed and what you learned from it.'),
  question('motivation', 'Why do you want to join our company?'),
];
const texts = (segments: readonly Segment[]): string[] => segments.map((s) => s.text);

describe('segmentLiveInterview', () => {
  const transcript = parsePlainText(fixture('live-interview.txt'));
  const responses = segmentLiveInterview(transcript, { questions: QUESTIONS });

  it("splits the candidate's answers after each interviewer turn", () => {
    expect(responses.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(responses.every((r) => r.segments.every((s) => s.speaker === 'Daniel Okafor'))).toBe(true);
    expect(responses.every((r) => r.prompt.every((s) => s.speaker === 'Priya Raman'))).toBe(true);
  });

  it('matches an interviewer turn to the question set', () => {
    const conflict = responses[1];
    expect(conflict?.questionSource).toBe('question-set');
    expect(conflict?.question?.id).toBe('conflict');
    expect(conflict?.questionText).toBe(
      'Tell me about a time you disagreed with a teammate, and how you resolved it?',
    );
    expect(conflict?.matchScore).toBeGreaterThanOrEqual(0.35);
    // The interviewer's "Mm-hmm." inside the answer does not split it.
    expect(texts(conflict?.segments ?? [])).toEqual([
      'At my last job my teammate wanted to ship a database migration without tests. I was worried we would lose customer data.',
      'So I asked for thirty minutes to pair on the tests. We found two bugs and shipped a day later.',
    ]);
    expect(texts(conflict?.prompt ?? [])).toEqual([
      "Great. Let's start. Tell me about a time you disagreed with a teammate, and how you resolved it?",
    ]);
  });

  it('matches a question asked without a question mark, keeping the set text', () => {
    expect(responses[3]).toMatchObject({ questionSource: 'question-set', questionText: QUESTIONS[1]?.text });
    expect(responses[3]?.question?.id).toBe('failure');
  });

  it("falls back to the interviewer's own question when nothing in the set matches", () => {
    expect(responses[0]).toMatchObject({
      question: null,
      questionSource: 'interviewer',
      questionText: 'How are you today?',
      matchScore: null,
    });
    expect(responses[2]).toMatchObject({
      question: null,
      questionSource: 'interviewer',
      questionText: 'What would you do differently next time?',
    });
  });

  it('has no question when the interviewer asked none', () => {
    expect(responses[4]).toMatchObject({
      question: null,
      questionText: null,
      questionSource: 'none',
      matchScore: null,
    });
    expect(texts(responses[4]?.segments ?? [])).toEqual(['Sounds good, thank you.']);
  });

  it('gives the same result every time', () => {
    expect(segmentLiveInterview(transcript, { questions: QUESTIONS })).toEqual(responses);
  });

  it('attaches a question to one response only, unless the interviewer repeats it', () => {
    const lines = [
      'Ann: Tell me about a time you disagreed with a teammate. How did you resolve it?',
      'Bob: We argued about tests and paired on them.',
      'Ann: And another teammate you disagreed with?',
      'Bob: My manager, about deadlines.',
    ];
    const once = segmentLiveInterview(parsePlainText(lines.join('\n')), { questions: QUESTIONS });
    expect(once.map((r) => r.questionSource)).toEqual(['question-set', 'interviewer']);
    expect(once[1]?.questionText).toBe('And another teammate you disagreed with?');

    const repeated = [
      ...lines.slice(0, 2),
      'Ann: Sorry, you cut out. Tell me about a time you disagreed with a teammate. How did you resolve it?',
      'Bob: As I said, we paired on the tests.',
    ];
    const twice = segmentLiveInterview(parsePlainText(repeated.join('\n')), { questions: QUESTIONS });
    expect(twice.map((r) => r.question?.id)).toEqual(['conflict', 'conflict']);
  });

  it("keeps the set's wording when the interviewer's last question is about something else", () => {
    const t = parsePlainText(
      'Ann: Walk me through a project that failed and what you learned from it. Do you need water?\nBob: No thanks. We built a tool nobody used.',
    );
    const [only] = segmentLiveInterview(t, { questions: QUESTIONS });
    expect(only).toMatchObject({ questionSource: 'question-set', questionText: QUESTIONS[1]?.text });
  });

  it('segments a Zoom caption file with a back-channel cue inside the answer', () => {
    const t = parseVtt(fixture('zoom.vtt'));
    const out = segmentLiveInterview(t, { questions: QUESTIONS });
    expect(out).toHaveLength(2);
    expect(out[1]?.question?.id).toBe('conflict');
    expect(out[1]?.segments.map((s) => s.start)).toEqual([14.3, 23.05]);
    expect(out[1]?.prompt.map((s) => s.start)).toEqual([8.02]);
  });

  it('uses an injected similarity and threshold', () => {
    const always = (_a: string, b: string): number => (b.startsWith('Why') ? 0.9 : 0.1);
    const out = segmentLiveInterview(transcript, { questions: QUESTIONS, similarity: always, minMatch: 0.5 });
    expect(out[0]).toMatchObject({ questionSource: 'question-set', matchScore: 0.9 });
    expect(out[0]?.question?.id).toBe('motivation');
    // The same question is not attached again below the repeat threshold.
    expect(out.slice(1).every((r) => r.questionSource !== 'question-set')).toBe(true);
  });

  it("does not split the interviewer's question on the candidate's back-channel", () => {
    const t = parsePlainText(
      'Ann: So this role is mostly backend work,\nBob: Mm-hmm.\nAnn: with some on-call. Why do you want to join our company?\nBob: I like the product and the team.',
    );
    const out = segmentLiveInterview(t, { questions: QUESTIONS });
    expect(out).toHaveLength(1);
    expect(out[0]?.question?.id).toBe('motivation');
    expect(out[0]?.prompt).toHaveLength(2);
  });

  it('returns one response for a transcript with a single unnamed speaker', () => {
    const t = parsePlainText('I led the migration. It took six weeks.');
    const out = segmentLiveInterview(t, { questions: QUESTIONS });
    expect(out).toEqual([
      {
        index: 0,
        question: null,
        questionText: null,
        questionSource: 'none',
        matchScore: null,
        segments: t.segments,
        prompt: [],
      },
    ]);
  });
});

describe('segmentLiveInterview on a real meeting', () => {
  const file = fileURLToPath(
    new URL('../../../shared/data/meetings-qmsum/Product/ES2002a.json', import.meta.url),
  );
  requires(need.sharedData('meetings-qmsum/Product/ES2002a.json')).it(
    'keeps every turn of the chosen speaker, once and in order (QMSum ES2002a)',
    () => {
      const t = parseJsonTranscript(readFileSync(file, 'utf8'));
      const candidate = findCandidateSpeaker(t);
      const out = segmentLiveInterview(t);
      const answered = out.flatMap((r) => r.segments);
      expect(answered.every((seg) => seg.speaker === candidate)).toBe(true);
      expect(out.every((r) => r.prompt.every((seg) => seg.speaker !== candidate))).toBe(true);
      // Only the candidate's own back-channels ("Okay.", "Yeah.") said inside others' turns are left out.
      const own = t.segments.filter((seg) => seg.speaker === candidate);
      const left = own.filter((seg) => !answered.includes(seg));
      expect(left.length).toBeLessThan(own.length / 2);
      for (const seg of left) {
        expect(seg.text.split(/\s+/).length, seg.text).toBeLessThanOrEqual(3);
        expect(seg.text).not.toContain('?');
      }
      const lines = answered.map((seg) => seg.line ?? 0);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    },
  );
});

describe('findCandidateSpeaker', () => {
  // Speech-to-text output without punctuation: no question marks to go by.
  const unpunctuated: Transcript = {
    format: 'json',
    segments: [
      {
        speaker: 'Ann',
        start: null,
        end: null,
        text: 'so let me tell you at length about the team the product the roadmap and the hiring plan for this year',
      },
      { speaker: 'Bob', start: null, end: null, text: 'that sounds great i led a migration last year' },
    ],
  };

  it('prefers the speaker who answers questions over the one who talks most', () => {
    expect(findCandidateSpeaker(parsePlainText(fixture('live-interview.txt')))).toBe('Daniel Okafor');
  });

  it('takes the most words when there are no questions, and leaves out listed interviewers', () => {
    expect(findCandidateSpeaker(unpunctuated)).toBe('Ann');
    expect(findCandidateSpeaker({ ...unpunctuated, meta: { interviewers: ['ann'] } })).toBe('Bob');
  });

  it('breaks ties by order of appearance', () => {
    const tie = parsePlainText('Ann: one two three\nBob: four five six');
    expect(findCandidateSpeaker(tie)).toBe('Ann');
  });

  it('uses meta.candidate and the option, and rejects an unknown label', () => {
    const t = parseJsonTranscript(fixture('interview.json'));
    expect(findCandidateSpeaker(t)).toBe('Daniel Okafor');
    expect(findCandidateSpeaker(t, 'priya raman')).toBe('Priya Raman');
    let error: unknown;
    try {
      segmentLiveInterview(t, { candidateSpeaker: 'Carol' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CandorError);
    expect((error as CandorError).code).toBe('VALIDATION_FAILED');
    expect((error as CandorError).message).toBe(
      'candidateSpeaker: expected one of the transcript\'s speakers ("Priya Raman", "Daniel Okafor"), found "Carol"',
    );
  });
});

describe('responsesFromAnswers', () => {
  it('makes one response per async answer file, with the question when given', () => {
    const first = parsePlainText('In my last role I led the migration to Postgres.');
    const second = parsePlainText('I want to work on tools people use every day.\nAnd I like your team.');
    const out = responsesFromAnswers([{ transcript: first, question: QUESTIONS[0] }, { transcript: second }]);
    expect(out).toEqual([
      {
        index: 0,
        question: QUESTIONS[0],
        questionText: QUESTIONS[0]?.text,
        questionSource: 'file',
        matchScore: null,
        segments: first.segments,
        prompt: [],
      },
      {
        index: 1,
        question: null,
        questionText: null,
        questionSource: 'none',
        matchScore: null,
        segments: second.segments,
        prompt: [],
      },
    ]);
  });
});

describe('default similarity', () => {
  it('compares content words, ignoring stopwords and the question frame', () => {
    expect(contentWords('Tell me about a time you had conflicts with your manager.')).toEqual([
      'conflict',
      'manager',
    ]);
    expect(
      bagOfWordsSimilarity(
        'Tell me about a conflict with your manager',
        'Describe a conflict with a manager',
      ),
    ).toBeCloseTo(1, 6);
    expect(
      bagOfWordsSimilarity('What is your favourite language?', 'Describe a conflict with a manager'),
    ).toBe(0);
    expect(bagOfWordsSimilarity('', 'anything')).toBe(0);
  });

  it('finds the last question sentence', () => {
    expect(lastQuestion('Thanks. What did you learn? Take your time.')).toBe('What did you learn?');
    expect(lastQuestion('No question here.')).toBeNull();
  });
});
