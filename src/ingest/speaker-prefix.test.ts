import { describe, expect, it } from 'vitest';
import { looksLikeSpeakerName, splitSpeakerPrefix } from './speaker-prefix.js';

describe('speaker labels', () => {
  it('accepts names as meeting tools and transcribers write them', () => {
    for (const name of [
      'Jane Doe',
      'Priya Raman',
      'J. R. Smith',
      "Siobhán O'Brien",
      'Jean-Luc Picard',
      'Ludwig van Beethoven',
      'Interviewer',
      'Q',
      'Speaker 2',
      'Daniel Okafor (Guest)',
      'JANE',
    ])
      expect(looksLikeSpeakerName(name), name).toBe(true);
  });

  it('rejects labels that are ordinary words, times or sentences', () => {
    for (const label of [
      'Note',
      'Yes',
      'Example',
      'at 10',
      'Meeting at 10',
      'So here is the thing',
      'the plan',
      'Question 1',
      'Mark Twain Samuel Clemens Jr Sr',
      'Music',
    ])
      expect(looksLikeSpeakerName(label), label).toBe(false);
  });

  it('splits the label forms and leaves other colons alone', () => {
    expect(splitSpeakerPrefix('Jane Doe: I led it.')).toEqual({ speaker: 'Jane Doe', text: 'I led it.' });
    expect(splitSpeakerPrefix('[Jane Doe] I led it.')).toEqual({ speaker: 'Jane Doe', text: 'I led it.' });
    expect(splitSpeakerPrefix('- Jane: I led it.')).toEqual({ speaker: 'Jane', text: 'I led it.' });
    expect(splitSpeakerPrefix('>> JANE: I led it.')).toEqual({ speaker: 'JANE', text: 'I led it.' });
    expect(splitSpeakerPrefix('Note: bring a pen')).toBeNull();
    expect(splitSpeakerPrefix('We met at 10:30: it went well')).toBeNull();
    expect(splitSpeakerPrefix('See https://example.com')).toBeNull();
    expect(splitSpeakerPrefix('[Music]')).toBeNull();
  });
});
