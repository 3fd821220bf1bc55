import path from 'node:path';
import { expect } from 'vitest';
import { describe } from 'vitest';
import { need, requires, SHARED_DATA } from '../test-helpers.js';
import { analyzeFile } from './analyze-file.js';

const SAMPLE = path.join(SHARED_DATA, 'speech', 'meeting-ami', 'sample.wav');
const READER = path.join(SHARED_DATA, 'speech', 'librivox', 'sense_and_sensibility_01_austen_64kb-0920.wav');
const basis = { framework: 'default', questions: 'default' };
const { it } = requires(
  need.tool('ffmpeg'),
  need.pocketsphinx(),
  need.wordVectors(),
  need.sharedData('speech/meeting-ami/sample.wav'),
  need.sharedData('speech/librivox'),
);

describe('analyzeFile on one recording of several voices', () => {
  it('tells the two speakers of a meeting excerpt apart and reports the talk ratio', async () => {
    const { scorecard, transcript } = await analyzeFile(SAMPLE, basis);
    const labels = new Set(transcript.map((s) => s.speaker));
    expect(labels).toEqual(new Set(['Speaker 1', 'Speaker 2']));
    expect(scorecard.input.kind).toBe('live');
    expect(scorecard.input.candidateReason).toMatch(/^Speaker [12]: /);
    const speakers = scorecard.input.speakers ?? [];
    expect(speakers.map((s) => s.label).sort()).toEqual(['Speaker 1', 'Speaker 2']);
    expect(speakers.filter((s) => s.candidate)).toHaveLength(1);
    const candidate = speakers.find((s) => s.candidate)!;
    expect(candidate.label).toBe(scorecard.input.candidate);
    // Both speak for several seconds of the 23 s of speech.
    for (const s of speakers) expect(s.seconds).toBeGreaterThan(3);
    expect(scorecard.input.talkRatio).toBe(candidate.share);
    expect(scorecard.input.talkRatio).toBeGreaterThan(0.1);
    expect(scorecard.input.talkRatio).toBeLessThan(0.9);
  }, 180_000);

  it('keeps one voice when told --speakers 1, and a single reader stays one anonymous speaker', async () => {
    const one = await analyzeFile(SAMPLE, { ...basis, speakers: 1 });
    expect(one.transcript.every((s) => s.speaker === null)).toBe(true);
    expect(one.scorecard.input.speakers).toBeUndefined();
    const reader = await analyzeFile(READER, basis);
    expect(reader.transcript.every((s) => s.speaker === null)).toBe(true);
    expect(reader.scorecard.input.speakers).toBeUndefined();
    expect(reader.scorecard.input.talkRatio).toBeUndefined();
  }, 180_000);
});
