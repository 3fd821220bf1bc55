import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { need, requires } from '../test-helpers.js';
import { chooseCandidateSpeaker, speakerWordCounts } from './candidate-speaker.js';
import { parseJsonTranscript } from './json-transcript.js';
import { parsePlainText } from './plain-text.js';
import { fixture } from './test-helpers.js';

const meeting = (name: string): string =>
  fileURLToPath(new URL(`../../../shared/data/meetings-qmsum/Product/${name}.json`, import.meta.url));

describe('chooseCandidateSpeaker', () => {
  it('says who was chosen, how, and why', () => {
    const choice = chooseCandidateSpeaker(parsePlainText(fixture('live-interview.txt')));
    expect(choice?.speaker).toBe('Daniel Okafor');
    expect(choice?.by).toBe('answers-and-words');
    expect(choice?.reason).toMatch(
      /^Daniel Okafor: \d+% of the words, answers \d+ questions? and asks \d+; next /,
    );
  });

  it('names the caller and the transcript as the source of a given choice', () => {
    const t = parsePlainText('Ann: How are you?\nBob: Fine.');
    expect(chooseCandidateSpeaker(t, 'ann')).toEqual({
      speaker: 'Ann',
      by: 'option',
      reason: 'Ann: named as the candidate by the caller',
    });
    expect(chooseCandidateSpeaker({ ...t, meta: { candidate: 'Bob' } })?.by).toBe('meta');
    expect(chooseCandidateSpeaker({ ...t, meta: { interviewers: ['Ann'] } })).toEqual({
      speaker: 'Bob',
      by: 'only-speaker',
      reason: 'Bob: the only speaker not listed as an interviewer',
    });
  });

  // Reproduces issue 15: answering more than asking was a filter, so a speaker who said a tenth
  // of the words and answered three times was chosen over the one who spoke most of the meeting.
  requires(need.sharedData('meetings-qmsum/Product/IS1001a.json')).it(
    'does not choose a speaker with a tenth of the words of the main speaker (QMSum IS1001a)',
    () => {
      const t = parseJsonTranscript(readFileSync(meeting('IS1001a'), 'utf8'));
      const words = new Map(speakerWordCounts(t).map((s) => [s.speaker, s.words]));
      expect(words.get('Industrial Designer')).toBe(132);
      expect(words.get('Project Manager')).toBe(1152);
      const choice = chooseCandidateSpeaker(t);
      expect(choice?.speaker).toBe('Project Manager');
      expect(choice?.reason).toMatch(
        /^Project Manager: 64% of the words, answers \d+ questions and asks \d+; next /,
      );
    },
  );

  requires(need.sharedData('meetings-qmsum/Product')).it(
    "chooses a speaker with at least a third of the top talker's words in AMI meetings where the old rule did not",
    () => {
      const files = ['ES2009a', 'TS3003a', 'TS3007a', 'TS3012a', 'ES2010a', 'IS1004a'];
      for (const name of files) {
        const t = parseJsonTranscript(readFileSync(meeting(name), 'utf8'));
        const words = new Map(speakerWordCounts(t).map((s) => [s.speaker, s.words]));
        const top = Math.max(...words.values());
        const chosen = chooseCandidateSpeaker(t)?.speaker ?? '';
        expect(words.get(chosen) ?? 0, `${name}: ${chosen}`).toBeGreaterThanOrEqual(top / 3);
      }
    },
  );
});
