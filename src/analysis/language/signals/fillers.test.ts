import { describe, expect, it } from 'vitest';
import { docFromSegments, docFromText } from '../test-helpers.js';
import { fillerWordsPer100, findFillers } from './fillers.js';
import { cleanTurn, meetingTurns } from './real-data.suite.js';
import { need, requires } from '../../../test-helpers.js';

const context = { job: null, similarity: () => 0 };
const fillerLabels = (text: string): string[] => findFillers(docFromText(text)).map((h) => h.label);

requires(need.sharedData('meetings-qmsum')).describe(
  'fillers on AMI meetings (QMSum, shared/data/meetings-qmsum)',
  () => {
    // Independent count: "um"/"uh" as whole words, not hyphen-joined ("uh-huh" means yes, "uh-oh" oops).
    const UM_UH = /(?<![\w'-])(um|uh)(?![\w'-])/gi;

    it.each([
      'Product/ES2002a.json',
      'Product/ES2003b.json',
      'Product/ES2008c.json',
      'Product/IS1001d.json',
      'Product/TS3010c.json',
    ])('finds every um and uh in %s, at the same places', (file) => {
      let expected = 0;
      let found = 0;
      for (const turn of meetingTurns(file)) {
        const text = cleanTurn(turn.content);
        if (text === '') continue;
        const doc = docFromText(text);
        const want = [...text.matchAll(UM_UH)].map((m) => m.index);
        const got = findFillers(doc)
          .filter((h) => h.label === 'um' || h.label === 'uh')
          .map((h) => doc.tokens[h.firstToken]?.start);
        expect(got, text).toEqual(want);
        expected += want.length;
        found += got.length;
      }
      expect(expected).toBeGreaterThan(20);
      expect(found / expected).toBe(1);
    });

    it('does not count hyphen-joined backchannels as fillers ("Mm-hmm", "Uh-huh", "Uh-uh", "Uh-oh")', () => {
      // Turns from ES2002a.json, ES2002d.json and IS1001d.json.
      for (const text of [
        'Mm-hmm .',
        "Uh-huh , okay . Well I guess that's up to our industrial designer .",
        'Uh-uh .',
        'Uh-oh . This is it ?',
      ]) {
        expect(fillerLabels(text), text).toEqual([]);
      }
    });
  },
);

describe('"like"', () => {
  it('is not a filler as a verb or a comparison in real AMI sentences', () => {
    const sentences = [
      'Right um , time for presentations then . Who would like to go first ?', // ES2002b.json
      'Okay . Um any last comments that anybody would like to put forward ?', // ES2003b.json
      'Yep . I like those printer cables that just have the two little butterfly clips like that .', // ES2002d.json
      'Mm . I th the thing I like about the uh the uh joystick', // ES2003b.json
      "If you're going with the fruit and veg thing , looks like a banana .", // ES2003c.json
      'Ninja Homer . See it looks like Homer Simpson', // ES2002d.json
      'but people who are about forty-ish and above now would not be so dependent and reliant on a computer or a mobile phone or something like that .', // ES2002b.json
      "so the L_C_D_ will be s sticking down like this , won't it ?", // ES2003d.json
      'so um fish was a natural choice . Um , yeah , and I kind of like whales .', // ES2002a.json
    ];
    for (const s of sentences)
      expect(
        fillerLabels(s).filter((l) => l === 'like'),
        s,
      ).toEqual([]);
  });

  it('is not a filler in constructed verb and preposition uses', () => {
    for (const s of [
      'I like Python.',
      "I'd really like to lead that project.",
      "We don't like long meetings.",
      'It looks like a bug in the parser.',
      'We had something like 20 users.',
      'Do it like this.',
      'It felt like a win.',
    ]) {
      expect(fillerLabels(s), s).toEqual([]);
    }
  });

  it('is a filler between pauses, as a quotative, or before a filler, in real AMI sentences', () => {
    // ES2002a.json, ES2003b.json, ES2005a.json
    expect(
      fillerLabels('So , like , I wonder if we might add something new to the remote control market ,'),
    ).toEqual(['like']);
    expect(
      fillerLabels("Do you think that people will get mixed up , like , they'll be looking at this screen"),
    ).toEqual(['like']);
    expect(fillerLabels('Kind of um , maybe more like a P_D_A_ kind of , just hand held , like ,')).toEqual([
      'um',
      'like',
    ]);
  });

  it('is not a discourse marker before a filler and a noun phrase (real AMI sentences, issue 15)', () => {
    const like = (text: string): number => fillerLabels(text).filter((l) => l === 'like').length;
    // Examples and comparisons with a hesitation inside: "like" means "such as" / "about".
    for (const s of [
      // ES2005b.json
      "we're a cutting edge company , we uh of course will have alternatives like uh speech recognition , whistling recognition and rocket power",
      // ES2005b.json
      'cheap plastic uh , you know , um that should be just like uh a tenth of the price maybe or less .',
      // ES2007c.json: "like" said again after the filler
      'Yeah , I would say mayb maybe a couple of colours like uh like a black with with yellow and somewhere ,',
      // ES2006c.json
      'So they can be simple which is like uh the normal batteries in uh our uh the cells , yeah ?',
      // ES2005b.json
      'and then you say you know like uh B_B_C_ one and it goes to that channel .',
    ])
      expect(like(s), s).toBe(0);
    // ES2002c.json: "like um like lemon" is an example too.
    expect(like('it would be like um like lemon or something like that')).toBe(0);
    // The fillers themselves still count: "uh" in "alternatives like uh speech recognition".
    expect(fillerLabels('we will have alternatives like uh speech recognition')).toEqual(['uh']);
  });

  it('stays a discourse marker before a filler and a pause or a clause (real AMI sentences)', () => {
    const like = (text: string): number => fillerLabels(text).filter((l) => l === 'like').length;
    // ES2002a.json: a pause after the filler.
    expect(like('Yeah , yeah . Yeah . Well like um , maybe what we could use is a sort of')).toBe(1);
    // ES2002d.json: the noun phrase is the subject of a clause.
    expect(like('um maybe even pre-programmed sound modes , like um the user could determine')).toBe(1);
    // ES2002c.json: a pronoun subject.
    expect(like('Sort of like a I dunno like um we think of some kind of a thin theme')).toBe(1);
  });

  it('is a filler in constructed discourse uses', () => {
    expect(fillerLabels('Like, um, we just shipped it.')).toEqual(['like', 'um']);
    expect(fillerLabels('He was like, no way.')).toEqual(['like']);
    expect(fillerLabels('It was like really hard.')).toEqual(['like']);
  });
});

describe('"you know" and "I mean"', () => {
  it('count only as discourse markers in real AMI sentences', () => {
    // ES2002a.json: a parenthetical "you know" is a filler.
    expect(fillerLabels('Yeah , yeah . Like how much does , you know , a remote control cost .')).toEqual([
      'you know',
    ]);
    // ES2002a.json / ES2006b.json: the question "do you know what I mean" is neither.
    expect(fillerLabels('Do you know what I mean ?')).toEqual([]);
    // ES2005a.json, ES2005c.json: "I mean ," opening a clause.
    expect(
      fillerLabels(
        "Uh 'cause I mean , what uh twenty five Euros , that's about I dunno , fifteen Pounds or so ?",
      ),
    ).toEqual(['uh', 'I mean', 'uh']);
    expect(fillerLabels('Um but , I mean , like even mobile phones have colour L_C_D_ screens ,')).toEqual([
      'um',
      'I mean',
      'like',
    ]);
  });

  it('do not count with a complement or inside "what I mean is"', () => {
    expect(fillerLabels('You know the answer.')).toEqual([]);
    expect(fillerLabels('As you know, we ship weekly.')).toEqual([]);
    expect(fillerLabels('What I mean is that we lacked tests.')).toEqual([]);
    expect(fillerLabels('I mean it.')).toEqual([]);
    expect(fillerLabels('It was, you know, hard. I mean we did finish it.')).toEqual(['you know', 'I mean']);
  });

  it('leaves "kind of", "sort of" and "actually" to other signals', () => {
    expect(fillerLabels('It was kind of hard and sort of late, actually.')).toEqual([]);
    expect(fillerLabels('Basically we rewrote it.')).toEqual(['basically']);
  });
});

describe('fillerWordsPer100', () => {
  it('rates fillers per 100 words and quotes a few words around each, with times from the segments', () => {
    const doc = docFromSegments([
      { speaker: 'Candidate', start: 10, end: 14, text: 'So um we decided to rewrite the parser.' },
      { speaker: 'Candidate', start: 14, end: 20, text: 'It was, you know, a big job but uh worth it.' },
    ]);
    const value = fillerWordsPer100.compute(doc, context);
    expect(doc.wordCount).toBe(19);
    expect(value.value).toBeCloseTo((100 * 3) / 19, 2);
    expect(value.evidence.map((e) => e.label)).toEqual(['um', 'you know', 'uh']);
    expect(value.evidence[0]).toMatchObject({ quote: 'So um we decided to', start: 10, end: 14 });
    expect(value.evidence[1]?.quote).toBe('It was, you know, a big job');
    expect(value.evidence[2]).toMatchObject({ start: 14, end: 20 });
  });

  it('has no value for an empty answer', () => {
    expect(fillerWordsPer100.compute(docFromText(''), context)).toMatchObject({
      value: null,
      reason: 'empty answer',
    });
  });
});
