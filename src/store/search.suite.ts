/** Full-text search (migration 0022) on one database; run by search.test.ts on SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import type { InterviewKind } from '../domain/index.js';
import type { InterviewHit, SearchFilters, SearchPage, SearchResult, Store } from './index.js';
import { createSearchIndex } from './repositories/search.js';
import { candorError, sampleScorecardBody } from './store-fixtures.suite.js';

/** Speaker, text, and the answer (0-based) the segment belongs to, if any. */
type Line = readonly [speaker: string, text: string, answer?: number];

interface Fixture {
  readonly workspaceId: string;
  readonly otherWorkspaceId: string;
  readonly jobs: { readonly support: string; readonly engineer: string };
  readonly candidates: { readonly ana: string; readonly ben: string };
  /** Interview ids by name. */
  readonly iv: Readonly<Record<'remote' | 'speech' | 'study' | 'other', string>>;
}

/** Stores an interview with this transcript (through `analyses.save`, as the pipeline does). */
export async function addTranscript(
  store: Store,
  input: {
    workspaceId: string;
    kind: InterviewKind;
    applicationId?: string;
    title?: string;
    account?: string;
    /** When the conversation happened; the store's own creation time stays today's. */
    occurredAt: string;
    lines: readonly Line[];
  },
): Promise<string> {
  const interview = await store.interviews.create({
    workspaceId: input.workspaceId,
    kind: input.kind,
    applicationId: input.applicationId ?? null,
    title: input.title ?? null,
    account: input.account ?? null,
    occurredAt: input.occurredAt,
  });
  const answers = [...new Set(input.lines.flatMap(([, , a]) => (a === undefined ? [] : [a])))];
  const responses = answers.map((position) => ({
    id: newId('resp'),
    position,
    questionId: null,
    questionText: null,
    questionSource: 'none' as const,
    matchScore: null,
  }));
  await store.analyses.save({
    interviewId: interview.id,
    responses,
    segments: input.lines.map(([speaker, text, answer], i) => ({
      speaker,
      text,
      start: i * 10,
      end: i * 10 + 8,
      responseId: answer === undefined ? null : (responses.find((r) => r.position === answer)?.id ?? null),
    })),
    signals: [],
    scorecard: {
      frameworkId: 'customer-facing',
      frameworkVersion: '1',
      engineVersion: '0.1.0',
      overallScore: null,
      contentHash: `sha256:${interview.id}`,
      body: sampleScorecardBody(null),
    },
  });
  return interview.id;
}

async function seed(store: Store): Promise<Fixture> {
  const ws = await store.workspaces.ensure({ slug: newId('ws-search'), name: 'Search' });
  const other = await store.workspaces.ensure({ slug: newId('ws-search-other'), name: 'Other' });
  const job = (title: string) =>
    store.jobs.create({ workspaceId: ws.id, title, description: title, skills: [] });
  const support = await job('Support lead');
  const engineer = await job('Speech engineer');
  const apply = async (name: string, jobId: string) => {
    const candidate = await store.candidates.create({ workspaceId: ws.id, name });
    const { application } = await store.applications.findOrCreate({ candidateId: candidate.id, jobId });
    return { candidateId: candidate.id, applicationId: application.id };
  };
  const ana = await apply('Ana Díaz', support.id);
  const ben = await apply('Ben Okafor', engineer.id);
  const remote = await addTranscript(store, {
    workspaceId: ws.id,
    kind: 'live',
    applicationId: ana.applicationId,
    occurredAt: '2026-03-01T10:00:00.000Z',
    lines: [
      ['Interviewer', 'Tell me about the battery life of the remote control.'],
      ['Candidate', 'The battery life was our biggest complaint; customers wanted a longer battery life.', 0],
      ['Interviewer', 'What about pricing?'],
      ['Candidate', 'Pricing was fine, but the budget for the prototype was tight.', 1],
    ],
  });
  const speech = await addTranscript(store, {
    workspaceId: ws.id,
    kind: 'live',
    applicationId: ben.applicationId,
    occurredAt: '2026-03-15T16:30:00.000Z',
    lines: [
      ['Interviewer', 'How do you handle speech recognition errors?'],
      ['Candidate', 'We retrained the recognizer and the recognition rate improved.', 0],
      ['Candidate', 'The battery in my laptop died during the demo; life happens.', 0],
    ],
  });
  const study = await addTranscript(store, {
    workspaceId: ws.id,
    kind: 'research',
    title: 'Remote control user study',
    account: 'Acme Corp',
    occurredAt: '2026-04-02T08:00:00.000Z',
    lines: [
      ['Researcher', 'Did the remote feel expensive?'],
      ['Participant', 'The remote control felt cheap; the budget version lacked a battery indicator.'],
    ],
  });
  const otherIv = await addTranscript(store, {
    workspaceId: other.id,
    kind: 'live',
    occurredAt: '2026-03-02T10:00:00.000Z',
    lines: [['Candidate', 'The battery life figures are confidential until the launch.']],
  });
  return {
    workspaceId: ws.id,
    otherWorkspaceId: other.id,
    jobs: { support: support.id, engineer: engineer.id },
    candidates: { ana: ana.candidateId, ben: ben.candidateId },
    iv: { remote, speech, study, other: otherIv },
  };
}

export function describeSearch(name: string, open: () => Promise<Store>): void {
  describe(`search (${name})`, () => {
    let store: Store;
    let f: Fixture;
    beforeAll(async () => {
      store = await open();
      f = await seed(store);
    });
    afterAll(() => store?.close());

    const search = (query: string, filters?: SearchFilters, page?: SearchPage) =>
      store.search.search(f.workspaceId, query, filters, page);
    const ids = (hits: readonly InterviewHit[]) => hits.map((h) => h.interviewId).sort();
    const sorted = (...values: string[]) => [...values].sort();

    it('finds segments holding every word, stemmed (budgets → budget)', async () => {
      // All words in one segment: only the study's second line has both.
      expect(ids((await search('budgets battery')).interviews)).toEqual([f.iv.study]);
      expect(ids((await search('budget')).interviews)).toEqual(sorted(f.iv.remote, f.iv.study));
    });

    it('matches a quoted phrase only when its words follow each other', async () => {
      const result = await search('"battery life"');
      // The speech interview has "battery" and "life" in one segment, apart.
      expect(ids(result.interviews)).toEqual([f.iv.remote]);
      expect(result.interviews[0]?.hitCount).toBe(2);
      expect(ids((await search('battery life')).interviews)).toEqual(sorted(f.iv.remote, f.iv.speech));
    });

    it('takes either side of OR, and leaves out interviews with an excluded word', async () => {
      expect(ids((await search('pricing OR recognition')).interviews)).toEqual(
        sorted(f.iv.remote, f.iv.speech),
      );
      expect(ids((await search('battery -laptop')).interviews)).toEqual(sorted(f.iv.remote, f.iv.study));
      expect(ids((await search('battery -"remote control"')).interviews)).toEqual(
        sorted(f.iv.remote, f.iv.speech),
      );
    });

    it('matches words by prefix*', async () => {
      const result = await search('recogn*');
      expect(ids(result.interviews)).toEqual([f.iv.speech]);
      expect(result.interviews[0]?.hitCount).toBe(2);
      expect(ids((await search('remo*')).interviews)).toEqual(sorted(f.iv.remote, f.iv.study));
    });

    it('groups hits by interview, best interview and best segment first, with where each was said', async () => {
      const result = await search('battery');
      expect(result.total).toBe(3);
      const [best] = result.interviews;
      expect(best).toMatchObject({
        interviewId: f.iv.remote,
        kind: 'live',
        candidate: { id: f.candidates.ana, name: 'Ana Díaz' },
        job: { id: f.jobs.support, title: 'Support lead' },
        occurredAt: '2026-03-01T10:00:00.000Z',
        hitCount: 2,
      });
      // The answer says "battery" twice, the question once.
      expect(
        best?.segments.map((s) => [s.position, s.speaker, s.startS, s.endS, s.responsePosition]),
      ).toEqual([
        [1, 'Candidate', 10, 18, 0],
        [0, 'Interviewer', 0, 8, null],
      ]);
      const relevances = result.interviews.map((h) => h.relevance);
      expect([...relevances].sort((a, b) => b - a)).toEqual(relevances);
      const study = result.interviews.find((h) => h.interviewId === f.iv.study);
      expect(study).toMatchObject({
        kind: 'research',
        title: 'Remote control user study',
        account: 'Acme Corp',
        candidate: null,
        job: null,
      });
    });

    it('shows each matching segment as a snippet with the matched words marked', async () => {
      const [hit] = (await search('pricing')).interviews;
      const [question, answer] = hit?.segments.map((s) => s.snippet) ?? [];
      expect(question).toBe('What about «pricing»?');
      // The answer is cut nowhere but maybe at its final full stop.
      expect(answer).toMatch(/^«Pricing» was fine, but the budget for the prototype was tight\.?$/);
      const phrase = (await search('"battery life"')).interviews[0]?.segments[0]?.snippet ?? '';
      expect(phrase).toMatch(/«battery»? «?life»/i);
      expect(phrase).not.toMatch(/«(the|was)»/i);
    });

    it('filters by kind, date held, account, speaker, job and candidate', async () => {
      expect(ids((await search('remote', { kinds: ['research'] })).interviews)).toEqual([f.iv.study]);
      expect(ids((await search('remote', { kinds: ['research', 'live'] })).interviews)).toEqual(
        sorted(f.iv.remote, f.iv.study),
      );
      expect(ids((await search('battery', { from: '2026-03-10', to: '2026-03-31' })).interviews)).toEqual([
        f.iv.speech,
      ]);
      // A date bound covers its whole day; a time bound is exact.
      expect(ids((await search('battery', { to: '2026-03-15' })).interviews)).toEqual(
        sorted(f.iv.remote, f.iv.speech),
      );
      expect(ids((await search('battery', { to: '2026-03-15T16:00:00Z' })).interviews)).toEqual([
        f.iv.remote,
      ]);
      // Dates are when the conversation was held, not when it was stored (today).
      const held = (await search('battery', { from: '2026-03-10', to: '2026-03-31' })).interviews;
      expect(held.map((h) => h.occurredAt)).toEqual(['2026-03-15T16:30:00.000Z']);
      expect(held[0]?.createdAt.slice(0, 7)).not.toBe('2026-03');
      expect(ids((await search('remote', { account: ' acme corp ' })).interviews)).toEqual([f.iv.study]);
      expect((await search('remote', { account: 'Globex' })).total).toBe(0);
      const byCandidate = await search('battery', { speaker: 'candidate' });
      expect(ids(byCandidate.interviews)).toEqual(sorted(f.iv.remote, f.iv.speech));
      expect(byCandidate.interviews.find((h) => h.interviewId === f.iv.remote)?.hitCount).toBe(1);
      expect(ids((await search('battery', { jobId: f.jobs.engineer })).interviews)).toEqual([f.iv.speech]);
      expect(ids((await search('battery', { candidateId: f.candidates.ana })).interviews)).toEqual([
        f.iv.remote,
      ]);
      expect((await search('battery', { jobId: f.jobs.engineer, candidateId: f.candidates.ana })).total).toBe(
        0,
      );
    });

    it('filters by topic, competitor or product, and the sentiment of the matching moment', async () => {
      const tag = (interviewId: string, kind: string, label: string, position: number | null = null) => ({
        id: newId('ktag'),
        workspace_id: f.workspaceId,
        interview_id: interviewId,
        kind,
        label,
        label_key: label.toLowerCase(),
        ref_id: null,
        quote: label,
        speaker: null,
        start_s: null,
        end_s: null,
        segment_position: position,
        end_position: null,
        sentiment: null,
        detail: null,
        occurred_at: '2026-03-01T10:00:00.000Z',
        created_at: '2026-03-01T10:00:00.000Z',
      });
      // Written by the tagger (another module); its table is not in the store's typed schema yet.
      const tags = store.db as unknown as Kysely<{ knowledge_tag: ReturnType<typeof tag> }>;
      await tags
        .insertInto('knowledge_tag')
        .values([
          tag(f.iv.remote, 'topic', 'Pricing'),
          tag(f.iv.study, 'topic', 'Battery'),
          tag(f.iv.speech, 'competitor', 'Globex'),
          tag(f.iv.study, 'product', 'Remote X'),
          tag(f.iv.remote, 'sentiment', 'neutral', 0),
          tag(f.iv.remote, 'sentiment', 'negative', 1),
          tag(f.iv.speech, 'sentiment', 'negative', 2),
          tag(f.iv.study, 'sentiment', 'positive', 1),
        ])
        .execute();
      // Names compare ignoring case, accents and the spaces around them.
      expect(ids((await search('battery', { topic: ' PRÍCING ' })).interviews)).toEqual([f.iv.remote]);
      expect(ids((await search('battery', { topic: 'battery' })).interviews)).toEqual([f.iv.study]);
      expect((await search('battery', { topic: 'Onboarding' })).total).toBe(0);
      expect(ids((await search('battery', { competitor: 'globex' })).interviews)).toEqual([f.iv.speech]);
      expect(ids((await search('battery', { competitor: 'Remote X' })).interviews)).toEqual([f.iv.study]);
      // A topic is not a competitor.
      expect((await search('battery', { competitor: 'Pricing' })).total).toBe(0);
      const negative = await search('battery', { sentiment: 'negative' });
      expect(ids(negative.interviews)).toEqual(sorted(f.iv.remote, f.iv.speech));
      const remote = negative.interviews.find((h) => h.interviewId === f.iv.remote);
      // Only the negative moment counts: the neutral question about the battery does not.
      expect([remote?.hitCount, remote?.segments.map((s) => s.position)]).toEqual([1, [1]]);
      expect(ids((await search('battery', { sentiment: 'positive', topic: 'battery' })).interviews)).toEqual([
        f.iv.study,
      ]);
      const error = await candorError(search('battery', { sentiment: 'angry' as 'negative' }));
      expect(error.message).toBe('sentiment: "angry" is not one of positive, neutral, negative');
    });

    it('says whether an interview has a recording to play', async () => {
      await store.db
        .insertInto('media')
        .values({
          id: newId('media'),
          workspace_id: f.workspaceId,
          interview_id: f.iv.remote,
          position: 0,
          question_id: null,
          question_text: null,
          file_name: 'answer.webm',
          storage_path: 'media/answer.webm',
          content_type: 'audio/webm',
          bytes: 1000,
          sha256: 'sha256:0',
          duration_s: 30,
          created_at: '2026-03-01T10:00:00.000Z',
        })
        .execute();
      const { interviews } = await search('battery');
      expect(interviews.map((h) => [h.interviewId, h.hasRecording]).sort()).toEqual(
        [
          [f.iv.remote, true],
          [f.iv.speech, false],
          [f.iv.study, false],
        ].sort(),
      );
    });

    it('reads the matches stored last first and says when the total is only a lower bound', async () => {
      const clock = () => new Date().toISOString();
      const index = createSearchIndex({ db: store.db, kind: store.kind, clock }, { latestSegments: 2 });
      const first = await index.search(f.workspaceId, 'battery', {}, { limit: 1 });
      const all = await search('battery');
      if (store.kind === 'sqlite') {
        // The two matches stored last: the other workspace's, and the study's. More matched, so the
        // total is only "at least 1"; the interview read is read whole.
        expect([first.total, first.totalIsExact, ids(first.interviews)]).toEqual([1, false, [f.iv.study]]);
      } else {
        expect([first.total, first.totalIsExact]).toEqual([3, true]);
      }
      // A page past what was read makes it read on, up to every match: then the total is exact.
      const later = await index.search(f.workspaceId, 'battery', {}, { limit: 2, offset: 1 });
      expect([later.total, later.totalIsExact, later.interviews.length]).toEqual([3, true, 2]);
      // An interview read is read whole: its hit count is the one a full search gives.
      const study = (result: SearchResult) => result.interviews.find((h) => h.interviewId === f.iv.study);
      expect(study(first)?.hitCount ?? study(all)?.hitCount).toBe(study(all)?.hitCount);
    });

    it('pages through interviews with the total on every page', async () => {
      const pages = await Promise.all([0, 1, 2].map((offset) => search('battery', {}, { limit: 1, offset })));
      expect(pages.map((p) => [p.total, p.interviews.length])).toEqual([
        [3, 1],
        [3, 1],
        [3, 1],
      ]);
      expect(ids(pages.flatMap((p) => p.interviews))).toEqual(sorted(f.iv.remote, f.iv.speech, f.iv.study));
      expect(await search('battery', {}, { limit: 2, offset: 3 })).toEqual({
        total: 3,
        totalIsExact: true,
        limit: 2,
        offset: 3,
        interviews: [],
      });
      expect(await search('nonexistentword')).toEqual({
        total: 0,
        totalIsExact: true,
        limit: 20,
        offset: 0,
        interviews: [],
      });
    });

    it("never returns another workspace's segments", async () => {
      expect((await search('confidential')).total).toBe(0);
      expect(ids((await search('"battery life"')).interviews)).not.toContain(f.iv.other);
      const theirs = await store.search.search(f.otherWorkspaceId, 'battery OR pricing OR remote');
      expect(ids(theirs.interviews)).toEqual([f.iv.other]);
      expect((await store.search.search('ws_missing', 'battery')).total).toBe(0);
    });

    it('refuses a query it cannot read, naming the character', async () => {
      const cases: [string, string, number | undefined][] = [
        ['budget "battery', 'unbalanced quote at character 8', 8],
        ['OR pricing', 'OR at character 1 needs a word or phrase before it', 1],
        ['pricing OR', 'OR at character 9 needs a word or phrase after it', 9],
        ['pricing OR OR budget', 'OR at character 9 needs a word or phrase after it', 9],
        ['pricing OR -budget', 'OR at character 9 cannot join an excluded term', 9],
        ['battery - life', '- at character 9 must be followed by a word or phrase, without a space', 9],
        ['pric*ing', '* at character 5 may only end a word, as in pric*', 5],
        ['battery *', '* at character 9 needs letters before it, as in pric*', 9],
        ['battery ""', 'the phrase at character 9 has no words', 9],
        ['-budget', 'a search needs at least one word that is not excluded', undefined],
        ['   ', 'type at least one word to search for', undefined],
      ];
      for (const [query, message, position] of cases) {
        const error = await candorError(search(query));
        expect([query, error.code, error.message, error.details['position']]).toEqual([
          query,
          'VALIDATION_FAILED',
          message,
          position,
        ]);
      }
      // Words the databases read as operators are searched as words.
      expect((await search('NEAR AND NOT title:x')).total).toBe(0);
    });

    it('refuses filters and pages out of range', async () => {
      const refused = async (filters: SearchFilters, page: SearchPage = {}) =>
        (await candorError(search('battery', filters, page))).message;
      expect(await refused({ kinds: ['interview' as InterviewKind] })).toBe(
        'kinds: "interview" is not an interview kind',
      );
      expect(await refused({ from: '2026-02-30' })).toMatch(/^from: "2026-02-30" is not a date/);
      expect(await refused({ to: 'yesterday' })).toMatch(/^to: "yesterday" is not a date/);
      expect(await refused({ from: '2026-04-01', to: '2026-03-01' })).toBe(
        'from 2026-04-01 is after to 2026-03-01',
      );
      expect(await refused({}, { limit: 0 })).toBe('limit: 0 is not a whole number from 1 to 100');
      expect(await refused({}, { offset: -1 })).toBe('offset: -1 is not a whole number from 0 to 10000');
    });

    it('keeps the index in step when segments are changed, replaced or deleted', async () => {
      const id = await addTranscript(store, {
        workspaceId: f.workspaceId,
        kind: 'exit',
        occurredAt: '2026-05-01T09:00:00.000Z',
        lines: [
          ['Employee', 'The commute was exhausting.'],
          ['Employee', 'My manager was supportive.'],
        ],
      });
      const found = async (word: string) => ids((await search(word, { kinds: ['exit'] })).interviews);
      expect(await found('commute')).toEqual([id]);
      // An edited segment is found by its new words only.
      await store.db
        .updateTable('transcript_segment')
        .set({ text: 'The relocation was exhausting.' })
        .where('interview_id', '=', id)
        .where('position', '=', 0)
        .execute();
      expect(await found('commute')).toEqual([]);
      expect(await found('relocation')).toEqual([id]);
      // A new analysis replaces the transcript.
      await addTranscriptTo(store, id, [['Employee', 'Salary reviews came too late.']]);
      expect(await found('relocation')).toEqual([]);
      expect(await found('supportive')).toEqual([]);
      expect(await found('salary')).toEqual([id]);
      // Deleting the interview takes its segments out; new rows written afterwards are not
      // mistaken for them.
      await store.interviews.delete(id);
      const next = await addTranscript(store, {
        workspaceId: f.workspaceId,
        kind: 'exit',
        occurredAt: '2026-05-02T09:00:00.000Z',
        lines: [['Employee', 'My pension was settled.']],
      });
      expect(await found('salary')).toEqual([]);
      expect(await found('pension')).toEqual([next]);
    });

    it("leaves a student's practice out unless asked for by kind", async () => {
      const practice = await addTranscript(store, {
        workspaceId: f.workspaceId,
        kind: 'practice',
        occurredAt: '2026-05-03T09:00:00.000Z',
        lines: [['Student', 'Rebuilding the zeppelin model taught me patience.']],
      });
      expect((await search('zeppelin')).total).toBe(0);
      expect((await search('zeppelin', { kinds: ['customer', 'research', 'live'] })).total).toBe(0);
      expect(ids((await search('zeppelin', { kinds: ['practice'] })).interviews)).toEqual([practice]);
    });
  });
}

/** Saves a new analysis of an existing interview, replacing its transcript. */
async function addTranscriptTo(store: Store, interviewId: string, lines: readonly Line[]): Promise<void> {
  await store.analyses.save({
    interviewId,
    responses: [],
    segments: lines.map(([speaker, text], i) => ({ speaker, text, start: i, end: i + 1 })),
    signals: [],
    scorecard: {
      frameworkId: 'customer-facing',
      frameworkVersion: '1',
      engineVersion: '0.1.0',
      overallScore: null,
      contentHash: `sha256:${interviewId}:again`,
      body: sampleScorecardBody(null),
    },
  });
}
