import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../domain/transcript.js';
import { classifySentence, findActionItems, findDue, MIN_CONFIDENCE } from './index.js';

// A Wednesday: "Friday" is two days on, "next Friday" nine.
const MEETING = '2026-12-02';
const seg = (
  speaker: string | null,
  text: string,
  start: number | null = null,
  end: number | null = null,
): Segment => ({
  speaker,
  start,
  end,
  text,
});
const isItem = (text: string): boolean => (classifySentence(text)?.confidence ?? 0) >= MIN_CONFIDENCE;

describe('findActionItems on meeting talk (QMSum, AMI Product meetings)', () => {
  it('takes "I\'ll …" as a commitment owned by the speaker, with its time in the recording', () => {
    // QMSum Product/ES2006b.json, the project manager.
    const items = findActionItems(
      [
        seg(
          'Project Manager',
          "Um I'll put the minutes in that project documents folder , but I'll send you an email when I do it , so that you know .",
          812.4,
          819.9,
        ),
      ],
      { meetingDate: MEETING },
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'commitment',
      speaker: 'Project Manager',
      owner: 'Project Manager',
      ownerRole: 'speaker',
      start: 812.4,
      end: 819.9,
      segment: 0,
    });
    expect(items[0]?.quote).toContain("I'll put the minutes");
  });

  it('takes "can you …" as a request whose owner (the addressee) is not known', () => {
    // QMSum Product/ES2005b.json, the project manager.
    const [item] = findActionItems([
      seg(
        'Project Manager',
        "Um can you put all these reports in the project documents folder if they're not already in there as well .",
      ),
    ]);
    expect(item).toMatchObject({
      kind: 'request',
      speaker: 'Project Manager',
      owner: null,
      ownerRole: 'addressee',
    });
  });

  it('takes "we need to …" as a need of the group, and a denied need as nothing', () => {
    // QMSum Product/ES2006b.json and ES2005b.json.
    const items = findActionItems([
      seg('Project Manager', 'Okay , so we need to unplug my laptop and plug in yours .'),
      seg('Industrial Designer', "Okay , I don't think we need to screw it in ."),
    ]);
    expect(items.map((i) => [i.kind, i.ownerRole, i.speaker])).toEqual([
      ['need', 'group', 'Project Manager'],
    ]);
  });

  it('finds each sentence of a turn separately and keeps the word times of the one quoted', () => {
    const text = "That's the plan. John will send the proposal Friday.";
    const words = text
      .split(' ')
      .map((w, i) => ({ text: w.replace(/[.,]$/, ''), start: 10 + i, end: 10.8 + i }));
    const items = findActionItems([{ ...seg('Ana', text, 10, 18), words }], { meetingDate: MEETING });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'commitment',
      owner: 'John',
      ownerRole: 'named',
      speaker: 'Ana',
      quote: 'John will send the proposal Friday.',
      start: 13,
      due: { phrase: 'Friday', date: '2026-12-04', precision: 'day' },
    });
  });

  it('resolves "tomorrow" and "by end of month" against the meeting date, in the zone given', () => {
    const items = findActionItems(
      [
        seg('Sam', "I'll fix onboarding tomorrow."),
        seg('Sam', 'We need to ship the new pricing page by end of month.'),
      ],
      { meetingDate: DateTime.fromISO('2026-12-02T23:30', { zone: 'America/Los_Angeles' }) },
    );
    expect(items.map((i) => i.due?.date)).toEqual(['2026-12-03', '2026-12-31']);
    expect(items.map((i) => i.kind)).toEqual(['commitment', 'need']);
  });

  it('gives the due phrase but no date when the meeting date is not known', () => {
    const [item] = findActionItems([seg(null, "I'll send the proposal Friday.")]);
    expect(item?.due).toEqual({ phrase: 'Friday', date: null, precision: 'day' });
    expect(item?.owner).toBeNull(); // the speaker is not known either
    expect(item?.ownerRole).toBe('speaker');
  });

  it('returns nothing for no segments, empty text, and text without sentences', () => {
    expect(findActionItems([])).toEqual([]);
    expect(findActionItems([seg('A', ''), seg('B', '   ')])).toEqual([]);
    expect(findActionItems([seg('A', '… — !!')])).toEqual([]);
    expect(findActionItems([seg('A', 'Mm-hmm .'), seg('B', 'Right ?')])).toEqual([]);
  });

  it('leaves plain questions out unless asked, but keeps "could you …" requests', () => {
    // QMSum Product/ES2006b.json: a question to the room, then a request.
    const turns = [
      seg('Project Manager', 'Does anyone have a preference for going first ?'),
      seg('Industrial Designer', 'Sorry , cou could you go back for a second ?'),
    ];
    expect(findActionItems(turns).map((i) => i.speaker)).toEqual(['Industrial Designer']);
    expect(findActionItems(turns, { questions: true }).map((i) => [i.kind, i.cue])).toEqual([
      ['request', 'question'],
      ['request', 'can you'],
    ]);
  });

  it('does not read a repeat in speech ("you could you could") as a request', () => {
    // QMSum Academic/Bdb001.json, with the corpus's {disfmarker} tags taken out.
    const text =
      "So you could you could have some sort of other other tag later in the file that would be something like , um , oh , I don't know ,";
    expect(findActionItems([seg('Grad C', text)]).filter((i) => i.kind === 'request')).toEqual([]);
  });

  it('passes over plain statements of fact from a meeting', () => {
    // QMSum Product/ES2002a.json, the project manager.
    expect(
      findActionItems([seg('Project Manager', 'Um well this is the kick-off meeting for our our project .')]),
    ).toEqual([]);
  });
});

describe('classifySentence on e-mail sentences (Parakweet EmailIntentDataSet)', () => {
  it('finds requests, naming the addressee when the sentence opens with a name', () => {
    expect(
      classifySentence('Twanda, would you please check my calendar and book me yes if I am available?'),
    ).toMatchObject({ kind: 'request', ownerRole: 'named', ownerName: 'Twanda' });
    expect(
      classifySentence('Lou, please give me a call if you have any questions about this lady.'),
    ).toMatchObject({
      kind: 'request',
      ownerName: 'Lou',
    });
    expect(classifySentence('Can you mail me the family tree or send it email?')?.kind).toBe('request');
    expect(classifySentence('Please forward to Jeff.')?.kind).toBe('request');
  });

  it('finds proposals and commitments, and who owns them', () => {
    expect(classifySentence('Rob, lets discuss.')?.kind).toBe('proposal');
    expect(classifySentence('It may be worthwhile for us to have a quick phone call to discuss.')?.kind).toBe(
      'proposal',
    );
    expect(
      classifySentence('Mark Taylor will send a list of proposed topics for the European conference.'),
    ).toMatchObject({
      kind: 'commitment',
      ownerRole: 'named',
      ownerName: 'Mark Taylor',
    });
    expect(classifySentence("I'll call them tomorrow.")).toMatchObject({
      kind: 'commitment',
      ownerRole: 'speaker',
    });
  });

  it('passes over mass-mail calls to action and plain statements', () => {
    for (const text of [
      'Click here to start shopping now: $LINK',
      'Join now:',
      'In honor of Memorial Day, take advantage of this special deal.',
      'If you do not want to confirm, simply ignore this message.',
      "We had some helpful discussion about assignment, but I'm not sure how much progress was made.",
    ])
      expect(isItem(text), text).toBe(false);
  });
});

describe('findDue', () => {
  const day = DateTime.fromISO(MEETING, { zone: 'UTC' });
  it.each([
    ["Hi Margaret: I'll get you my comments first thing Monday morning.", 'Monday', '2026-12-07'],
    ['Please let me know if tomorrow am works for you.', 'tomorrow', '2026-12-03'],
    ['Would be ideal if we can get this data on Thursday.', 'on Thursday', '2026-12-03'],
    ['We will be sure to get this informaiton to you by Friday of this week.', 'by Friday', '2026-12-04'],
    ['Can we meet next Friday?', 'next Friday', '2026-12-11'],
    ['Send it over by end of the week.', 'by end of the week', '2026-12-04'],
    ['- Offer valid until the 31st of March', '31st of March', '2027-03-31'],
    ['Sanjeev will come for an informal interview on March 3.', 'on March 3', '2027-03-03'],
    ['I plan to write her in a couple of weeks.', 'in a couple of weeks', '2026-12-16'],
    ['Can you get the numbers to me by the 15th?', 'by the 15th', '2026-12-15'],
    ['I will pay it on the 1st.', 'on the 1st', '2027-01-01'],
  ])('%s → %s', (text, phrase, date) => {
    expect(findDue(text, day)).toMatchObject({ phrase, date });
  });

  it('reads "next week" as a week and "may" as a modal verb, not the month', () => {
    expect(findDue('Sally will need to discuss this with Leslie next week.', day)).toEqual({
      phrase: 'next week',
      date: '2026-12-07',
      precision: 'week',
    });
    expect(findDue('That may not be important for you.', day)).toBeNull();
    expect(findDue('Nothing to schedule here.', day)).toBeNull();
  });
});
