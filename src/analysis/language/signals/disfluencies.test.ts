import { describe, expect, it } from 'vitest';
import { docFromSegments, docFromText } from '../test-helpers.js';
import { disfluenciesPer100, findDisfluencies } from './disfluencies.js';
import { cleanTurn } from './real-data.suite.js';

const context = { job: null, similarity: () => 0 };
/** Each disfluency as `label: quoted span`. */
function found(text: string): string[] {
  const doc = docFromText(text);
  return findDisfluencies(doc).map((h) => {
    const a = doc.tokens[h.firstToken]?.start ?? 0;
    const b = doc.tokens[h.lastToken]?.end ?? 0;
    return `${h.label}: ${doc.text.slice(a, b)}`;
  });
}
/** An AMI turn with `{disfmarker}` as an em dash (see cleanTurn). */
const ami = (content: string): string[] => found(cleanTurn(content, { breaks: true }));

describe('disfluencies on AMI turns with {disfmarker} (shared/data/meetings-qmsum)', () => {
  it('finds false starts where a phrase breaks off after a function word or restarts', () => {
    // Product/ES2003b.json
    expect(
      ami(
        "Uh if you {disfmarker} that's all right . If you {disfmarker} do you want me to just cycle through it for you or ?",
      ),
    ).toEqual(['false start: if you — that', 'false start: If you — do']);
    expect(ami('{vocalsound} How did {disfmarker} where did {disfmarker}')).toEqual([
      'false start: How did — where',
    ]);
    expect(ami('Click to save in {disfmarker} where do I have to save it ?')).toEqual([
      'false start: to save in — where',
    ]);
    expect(
      ami("Okay . Well . Oh sorry , I'm I'm interrupting you . Are you {disfmarker} is it {disfmarker}"),
    ).toEqual(["repetition: I'm I'm", 'false start: Are you — is']);
  });

  it('counts a word repeated across the break as one repetition', () => {
    // Product/ES2002a.json
    expect(ami("But I {disfmarker} I don't know ,")).toEqual(['repetition: I — I']);
    expect(
      ami('but selling price is {disfmarker} is that wholesale or retail ? Like on the shelf .'),
    ).toEqual(['repetition: is — is']);
    // A filler between the copies does not hide the repetition.
    expect(
      ami('Um and uh {disfmarker} And he does a funny thing where he chases his tail as well ,'),
    ).toEqual(['repetition: and uh — And']);
  });

  it('finds plain repetitions in AMI turns (Product/ES2002a.json)', () => {
    expect(ami('Okay Right {vocalsound} Um well this is the kick-off meeting for our our project .')).toEqual(
      ['repetition: our our'],
    );
    expect(ami("Mm-hmm . Yeah , that's that's it .")).toEqual(["repetition: that's that's"]);
  });

  it('does not count a break that ends the turn or a finished phrase', () => {
    // Product/ES2002a.json
    expect(ami('which is quite amusing , so {disfmarker}')).toEqual([]);
    expect(found('The tool — Jira — was slow.')).toEqual([]);
  });
});

describe('disfluencies in constructed answers', () => {
  it('labels repetitions and false starts', () => {
    expect(found('I I think the the plan was fine.')).toEqual(['repetition: I I', 'repetition: the the']);
    expect(found('It sta- started at nine.')).toEqual(['false start: sta- started']);
    expect(found('We were — we decided to wait.')).toEqual(['false start: We were — we']);
    expect(found('I went, I mean I drove there.')).toEqual(['false start: I went, I mean I']);
    expect(found('in the, in the middle')).toEqual(['repetition: in the, in the']);
  });

  it('leaves grammatical doubles, emphasis, parallel clauses and compounds alone', () => {
    expect(found('I know that that is true and he had had enough.')).toEqual([]);
    expect(found('It was very very good. No no, keep it.')).toEqual([]);
    expect(found('We went, we saw, we conquered.')).toEqual([]);
    expect(found('It was a well-known pre- and post-launch kick-off.')).toEqual([]);
  });

  it('rates per 100 words with labelled, timed evidence', () => {
    const doc = docFromSegments([
      { speaker: null, start: 3, end: 5, text: 'The the release' },
      { speaker: null, start: 5, end: 9, text: 'was — was late by two days.' },
    ]);
    const v = disfluenciesPer100.compute(doc, context);
    expect(v.value).toBeCloseTo(200 / 9, 2);
    expect(v.evidence.map((e) => [e.label, e.quote, e.start, e.end])).toEqual([
      ['repetition', 'The the release', 3, 5],
      ['repetition', 'release was — was late', 3, 9],
    ]);
  });
});
