import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedDecoder } from '../analysis/speech/stt/index.js';
import { analyzeTranscript, loadFramework, loadQuestionSet } from '../assessment/index.js';
import { engineVersion } from '../core/index.js';
import { parseTranscript } from '../ingest/index.js';
import { jobProfile, openStore, type Store, type TaskProgress } from '../store/index.js';
import { analyzeInterview } from './analyze-interview.js';
import { defaultAnalyzer } from './default-analyzer.js';
import { writePracticeQuestion, writeTranscriptText } from './interview-files.js';
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import type { Scorecard } from '../domain/index.js';
import { need, requires, SHARED_DATA } from '../test-helpers.js';
import {
  addRecording,
  hiringFixture,
  makeJfkOgg,
  PRIYA_VTT,
  priyaText,
  speechTools,
  tempDir,
  type HiringFixture,
} from './test-helpers.js';

const data = tempDir('candor-pipeline-');
const mediaDir = `${data.dir}/media`;
let store: Store;
let hiring: HiringFixture;
let ogg = '';

beforeAll(async () => {
  store = await openStore({ dataDir: data.dir });
  hiring = await hiringFixture(store, 'pipeline');
  if (speechTools.ready) ogg = makeJfkOgg(data.dir);
});
afterAll(async () => {
  await closeSharedDecoder();
  await store.close();
  data.cleanup();
});

const hiringInterview = () =>
  store.interviews.create({
    workspaceId: hiring.workspaceId,
    applicationId: hiring.applicationId,
    kind: 'live',
  });

describe('analyzeInterview', () => {
  it('scores an uploaded transcript exactly as analyzeTranscript does, with the job profile', async () => {
    const interview = await hiringInterview();
    await writeTranscriptText(mediaDir, interview, priyaText());
    await store.interviews.setSource(interview.id, { sourceFile: 'priya-strong.vtt', format: 'vtt' });
    const stages: TaskProgress[] = [];
    const { scorecard, source } = await analyzeInterview({
      store,
      mediaDir,
      interviewId: interview.id,
      onProgress: (p) => stages.push(p),
    });
    const expected = analyzeTranscript(
      {
        transcript: parseTranscript(priyaText(), { file: PRIYA_VTT }),
        source: { file: 'priya-strong.vtt', sha256: null },
        framework: loadFramework('default', new Set(SIGNAL_CATALOGUE.map((s) => s.id))),
        job: jobProfile(await store.jobs.get(hiring.jobId)),
        questions: loadQuestionSet('default').questions,
      },
      defaultAnalyzer(),
      engineVersion(),
    );
    expect(source).toBe('transcript');
    expect(scorecard.overallScore).not.toBeNull();
    expect(scorecard.overallScore).toBe(expected.scorecard.overall.score);
    expect(stages.map((s) => s.stage)).toEqual(['scoring', 'saving']);
    expect((await store.scorecards.latestForInterview(interview.id))?.id).toBe(scorecard.id);
    expect((await store.analyses.get(interview.id)).responses.length).toBe(expected.responses.length);
  });

  it("uses the job's own framework and question set from the workspace", async () => {
    const ws = await store.workspaces.ensure({ slug: 'pipeline-own' });
    const definition = {
      ...loadFramework('default', new Set(SIGNAL_CATALOGUE.map((s) => s.id))),
      id: 'sales',
      name: 'Sales',
    };
    await store.frameworks.save({
      id: 'sales',
      version: definition.version,
      name: 'Sales',
      definition,
      workspaceId: ws.id,
    });
    await store.questionSets.save(
      { ...loadQuestionSet('examples/questions/sdr.yaml'), id: 'sales-bank' },
      {
        workspaceId: ws.id,
      },
    );
    const own = await hiringFixture(store, 'pipeline-own', {
      questionSetId: 'sales-bank',
      frameworkId: 'sales',
    });
    const interview = await store.interviews.create({
      workspaceId: own.workspaceId,
      applicationId: own.applicationId,
      kind: 'live',
    });
    await writeTranscriptText(mediaDir, interview, priyaText());
    const { scorecard, result } = await analyzeInterview({ store, mediaDir, interviewId: interview.id });
    expect(scorecard.frameworkId).toBe('sales');
    const matched = result.responses
      .filter((r) => r.questionSource === 'question-set')
      .map((r) => r.question?.id);
    expect(matched).toContain('why-this-role');
  });

  it('refuses an interview with nothing to analyse, as bad input', async () => {
    const interview = await hiringInterview();
    await expect(analyzeInterview({ store, mediaDir, interviewId: interview.id })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `interview ${interview.id} has no transcript or recording to analyse`,
    });
  });

  it('keeps the analysis stored before when a new transcript is malformed', async () => {
    const interview = await hiringInterview();
    await writeTranscriptText(mediaDir, interview, priyaText());
    const first = await analyzeInterview({ store, mediaDir, interviewId: interview.id });
    await writeTranscriptText(mediaDir, interview, 'WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nhello\n');
    await store.interviews.setSource(interview.id, { sourceFile: 'broken.vtt', format: 'vtt' });
    await expect(analyzeInterview({ store, mediaDir, interviewId: interview.id })).rejects.toMatchObject({
      code: 'TRANSCRIPT_INVALID',
    });
    expect((await store.scorecards.latestForInterview(interview.id))?.id).toBe(first.scorecard.id);
  });

  it('saves nothing once aborted', async () => {
    const interview = await hiringInterview();
    await writeTranscriptText(mediaDir, interview, priyaText());
    const controller = new AbortController();
    const run = analyzeInterview({
      store,
      mediaDir,
      interviewId: interview.id,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'scoring') controller.abort(new Error('stopped'));
      },
    });
    await expect(run).rejects.toThrow('stopped');
    expect(await store.scorecards.latestForInterview(interview.id)).toBeNull();
  });

  it('scores a typed practice answer against the practised question', async () => {
    const ws = await store.workspaces.ensure({ slug: 'pipeline-practice' });
    const question = loadQuestionSet('default').questions[1]!;
    const interview = await store.interviews.create({
      workspaceId: ws.id,
      kind: 'practice',
      title: question.text,
    });
    await writePracticeQuestion(mediaDir, interview, { questionSetId: 'default', questionId: question.id });
    await writeTranscriptText(
      mediaDir,
      interview,
      await import('node:fs').then((fs) => fs.readFileSync('examples/answers/difficult-problem.vtt', 'utf8')),
    );
    const { result } = await analyzeInterview({ store, mediaDir, interviewId: interview.id });
    expect(result.responses).toHaveLength(1);
    expect(result.responses[0]).toMatchObject({ questionSource: 'file', question: { id: question.id } });
    expect(result.scorecard.framework.id).toBe('default');
  });
});

speechTools.describe('analyzeInterview with recordings (ffmpeg, pocketsphinx)', () => {
  it('decodes, recognises and measures each answer, reporting every stage', async () => {
    const interview = await store.interviews.create({
      workspaceId: hiring.workspaceId,
      applicationId: hiring.applicationId,
      kind: 'async',
    });
    await addRecording(store, mediaDir, interview, ogg, { position: 0, questionId: 'conflict-remote' });
    await addRecording(store, mediaDir, interview, ogg, { position: 1 });
    const stages: TaskProgress[] = [];
    const { result, source } = await analyzeInterview({
      store,
      mediaDir,
      interviewId: interview.id,
      onProgress: (p) => stages.push(p),
    });
    expect(source).toBe('recordings');
    expect(result.responses).toHaveLength(2);
    expect(result.responses[0]?.question?.id).toBe('conflict-remote');
    expect(result.responses[1]?.question).toBeNull();
    const words = result.responses[0]!.segments.map((s) => s.text)
      .join(' ')
      .toLowerCase();
    expect(words).toMatch(/country/);
    // Each answer stays on its own recording's clock: both start near 0 s.
    expect(result.responses[1]!.segments[0]!.start).toBeLessThan(2);
    const names = [...new Set(stages.map((s) => s.stage))];
    expect(names).toEqual(['decoding', 'recognising speech', 'measuring voice', 'scoring', 'saving']);
    const fractions = stages.map((s) => s.fraction ?? 0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(stages.find((s) => s.stage === 'recognising speech')?.message).toBe('answer 1 of 2');
  }, 120_000);

  it('analyses a recording cut short, and the stored scorecard says what was lost and how recognition went', async () => {
    const interview = await hiringInterview();
    const wav = path.join(data.dir, 'jfk.wav');
    execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', ogg, '-ac', '1', '-ar', '16000', wav]);
    const bytes = readFileSync(wav);
    const cut = path.join(data.dir, 'jfk-cut.wav');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await addRecording(store, mediaDir, interview, cut, { position: 0 });
    const { scorecard, result } = await analyzeInterview({ store, mediaDir, interviewId: interview.id });
    expect(result.scorecard.warnings?.[0]).toMatch(
      /^jfk-cut\.wav: the file ends early: the container says 11\.0 s, 6\.\d s could be decoded; the last 4\.\d s are missing$/,
    );
    expect(result.scorecard.input.recognition).toMatchObject({ engine: 'pocketsphinx' });
    const stored = await store.scorecards.get(scorecard.id);
    expect(JSON.stringify(stored)).toContain('the file ends early');
  }, 120_000);

  it('lets a transcript win over the recording, keeping the voice of the one recording', async () => {
    const interview = await hiringInterview();
    await addRecording(store, mediaDir, interview, ogg, { position: 0 });
    const typed =
      'And so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country.';
    await writeTranscriptText(mediaDir, interview, `WEBVTT\n\n00:00:00.300 --> 00:00:10.800\n${typed}\n`);
    await store.interviews.setSource(interview.id, { sourceFile: 'jfk.vtt', format: 'vtt' });
    const { result, source } = await analyzeInterview({ store, mediaDir, interviewId: interview.id });
    expect(source).toBe('transcript');
    expect(result.responses[0]!.segments.map((s) => s.text).join(' ')).toBe(typed);
    const pitch = result.signals[0]?.values.get('pitchRangeSemitones');
    expect(pitch?.value).toBeGreaterThan(1);
  }, 120_000);
});

const MEETING = path.join(SHARED_DATA, 'speech', 'meeting-ami', 'sample.wav');

requires(
  need.tool('ffmpeg'),
  need.pocketsphinx(),
  need.wordVectors(),
  need.sharedData('speech/meeting-ami/sample.wav'),
).describe('analyzeInterview with a whole interview recorded as one track (AMI meeting excerpt)', () => {
  /** One upload of the two-speaker excerpt, as the web app's "Answer recordings" sends a single file. */
  const oneTrack = async (questionId: string | null = null) => {
    const interview = await store.interviews.create({
      workspaceId: hiring.workspaceId,
      applicationId: hiring.applicationId,
      kind: 'async',
    });
    await addRecording(store, mediaDir, interview, MEETING, { position: 0, questionId });
    return interview;
  };

  it('splits the recording into speakers, chooses the candidate and stores the talk ratio', async () => {
    const interview = await oneTrack();
    const { scorecard, result, source } = await analyzeInterview({
      store,
      mediaDir,
      interviewId: interview.id,
    });
    expect(source).toBe('recordings');
    const labels = new Set(result.transcript.map((s) => s.speaker));
    expect(labels).toEqual(new Set(['Speaker 1', 'Speaker 2']));
    const input = (scorecard.body as Scorecard).input;
    expect(input.kind).toBe('live');
    expect(input.candidateReason).toMatch(/^Speaker [12]: /);
    const speakers = input.speakers ?? [];
    expect(speakers.map((s) => s.label).sort()).toEqual(['Speaker 1', 'Speaker 2']);
    const candidates = speakers.filter((s) => s.candidate);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.label).toBe(input.candidate);
    expect(input.talkRatio).toBe(candidates[0]!.share);
    expect(input.talkRatio).toBeGreaterThan(0);
    expect(input.talkRatio).toBeLessThan(1);
    // The stored transcript keeps who said what.
    const stored = await store.analyses.get(interview.id);
    expect(new Set(stored.segments.map((s) => s.speaker))).toEqual(labels);
  }, 180_000);

  it('keeps one voice when told speakers 1, or when the recording answers a named question', async () => {
    const interview = await oneTrack();
    const one = await analyzeInterview({ store, mediaDir, interviewId: interview.id, speakers: 1 });
    expect(one.result.transcript.every((s) => s.speaker === null)).toBe(true);
    expect(one.result.responses).toHaveLength(1);
    const input = (one.scorecard.body as Scorecard).input;
    expect(input.speakers).toBeUndefined();
    expect(input.talkRatio).toBeUndefined();

    const answer = await oneTrack('conflict-remote');
    const answered = await analyzeInterview({ store, mediaDir, interviewId: answer.id });
    expect(answered.result.transcript.every((s) => s.speaker === null)).toBe(true);
    expect(answered.result.responses[0]?.question?.id).toBe('conflict-remote');
    expect((answered.scorecard.body as Scorecard).input.talkRatio).toBeUndefined();
  }, 240_000);
});
