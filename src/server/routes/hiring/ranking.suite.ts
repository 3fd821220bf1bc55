/** A recruiter's ranking: stage badges, filter by stage, search by name, sort by a column, CSV export. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteContext } from './hiring.suite.js';
import { analysedExamples, analysedInterview, hiringRecords, send } from './test-helpers.js';

interface Row {
  candidateName: string;
  rank: number | null;
  displayStage: string;
  status: string;
  overallScore: number | null;
  confidence: number | null;
}

export function rankingCases(f: () => SuiteContext): void {
  describe('ranking: filter, sort, search and export', () => {
    let jobId: string;

    beforeAll(async () => {
      const { store, workspaceId } = f().fx;
      const examples = await analysedExamples();
      const job = await store.jobs.create({
        workspaceId,
        title: 'Account Exec — Berlin',
        description: 'Sells.',
      });
      jobId = job.id;
      const scored = [
        ['Priya Patel', examples.priya, 'applied'],
        ['Marcus Lee', examples.marcus, 'advanced'],
        ['Jordan Reyes', examples.jordan, 'in_progress'],
        ['Tess Short', examples.tooShort, 'applied'],
      ] as const;
      for (const [name, result, stage] of scored) {
        const { application } = await hiringRecords(store, workspaceId, name, job.id);
        await analysedInterview(store, { workspaceId, kind: 'live', applicationId: application.id }, result);
        if (stage !== 'applied') await store.applications.updateStage(application.id, stage);
      }
      const unscored = [
        ['Émile Zola', 'invited'],
        ['Ines Ortiz', 'in_progress'],
        ['Abe Adams', 'applied'],
        ['Rita Ruiz', 'rejected'],
        ['=HYPERLINK("x") Hacker', 'applied'],
      ] as const;
      for (const [name, stage] of unscored) {
        const { application } = await hiringRecords(store, workspaceId, name, job.id);
        if (stage !== 'applied') await store.applications.updateStage(application.id, stage);
      }
    });

    const get = async (query: string) => {
      const { app, users } = f().fx;
      const res = await send(app, users.recruiter, 'GET', `/jobs/${jobId}/ranking?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ ranking: Row[]; total: number }>();
    };
    const names = (rows: Row[]) => rows.map((r) => r.candidateName);

    it('shows every application with its display stage, scored first by rank, unscored after by name', async () => {
      const { ranking, total } = await get('');
      expect(total).toBe(9);
      expect(ranking.map((r) => [r.candidateName, r.rank, r.displayStage])).toEqual([
        ['Priya Patel', 1, 'scored'],
        ['Marcus Lee', 2, 'advanced'],
        ['Jordan Reyes', 3, 'scored'],
        // A scorecard without enough evidence is still a scorecard: scored, but no rank.
        ['Tess Short', null, 'scored'],
        ['=HYPERLINK("x") Hacker', null, 'applied'],
        ['Abe Adams', null, 'applied'],
        ['Émile Zola', null, 'invited'],
        ['Ines Ortiz', null, 'in_progress'],
        ['Rita Ruiz', null, 'rejected'],
      ]);
      expect(ranking[4]).toMatchObject({ status: 'not interviewed', overallScore: null });
    });

    it('filters by stage and pages the filtered rows, keeping each candidate’s rank in the whole job', async () => {
      const both = await get('stage=scored,advanced');
      expect(both.total).toBe(4);
      expect(names(both.ranking)).toEqual(['Priya Patel', 'Marcus Lee', 'Jordan Reyes', 'Tess Short']);
      const page = await get('stage=scored&limit=1&offset=1');
      expect(page.total).toBe(3);
      expect(page.ranking.map((r) => [r.candidateName, r.rank])).toEqual([['Jordan Reyes', 3]]);
      expect(names((await get('stage=invited,in_progress')).ranking)).toEqual(['Émile Zola', 'Ines Ortiz']);
      expect(names((await get('stage=rejected')).ranking)).toEqual(['Rita Ruiz']);
      const none = await get('stage=on_hold');
      expect(none).toMatchObject({ total: 0, ranking: [] });
    });

    it('searches by part of the name, case and accents ignored, with LIKE wildcards taken literally', async () => {
      expect(names((await get('search=emile')).ranking)).toEqual(['Émile Zola']);
      expect(names((await get('search=%C3%89MILE')).ranking)).toEqual(['Émile Zola']);
      expect(names((await get('search=PATEL')).ranking)).toEqual(['Priya Patel']);
      const lee = await get('search=le&stage=advanced');
      expect(lee.ranking.map((r) => [r.candidateName, r.rank])).toEqual([['Marcus Lee', 2]]);
      expect((await get('search=%25')).total).toBe(0);
      expect((await get('search=_')).total).toBe(0);
    });

    it('sorts by name, stage, score and confidence in either direction; no score is always last', async () => {
      const byName = names((await get('sort=name')).ranking);
      expect(byName).toEqual([
        '=HYPERLINK("x") Hacker',
        'Abe Adams',
        'Émile Zola',
        'Ines Ortiz',
        'Jordan Reyes',
        'Marcus Lee',
        'Priya Patel',
        'Rita Ruiz',
        'Tess Short',
      ]);
      expect(names((await get('sort=name&order=desc')).ranking)).toEqual([...byName].reverse());
      const byStage = (await get('sort=stage')).ranking.map((r) => r.displayStage);
      expect(byStage).toEqual([
        'applied',
        'applied',
        'invited',
        'in_progress',
        'scored',
        'scored',
        'scored',
        'advanced',
        'rejected',
      ]);
      const worstFirst = await get('sort=score&order=asc');
      expect(names(worstFirst.ranking).slice(0, 3)).toEqual(['Jordan Reyes', 'Marcus Lee', 'Priya Patel']);
      expect(worstFirst.ranking.slice(3).every((r) => r.overallScore === null)).toBe(true);
      const confident = (await get('sort=confidence')).ranking;
      const values = confident.filter((r) => r.confidence !== null).map((r) => r.confidence as number);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(confident.slice(values.length).every((r) => r.confidence === null)).toBe(true);
    });

    it('refuses an unknown stage, sort column or order with a 400 that names the parameter', async () => {
      const { app, users } = f().fx;
      for (const [query, field] of [
        ['stage=hired', 'stage'],
        ['stage=scored,nope', 'stage'],
        ['sort=salary', 'sort'],
        ['order=up', 'order'],
        [`search=${'x'.repeat(101)}`, 'search'],
      ] as const) {
        const res = await send(app, users.recruiter, 'GET', `/jobs/${jobId}/ranking?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
      }
      const stage = await send(app, users.recruiter, 'GET', `/jobs/${jobId}/ranking?stage=hired`);
      expect(stage.json().error.message).toMatch(/unknown stage "hired": use applied, invited, in_progress/);
      const csv = await send(app, users.recruiter, 'GET', `/jobs/${jobId}/ranking.csv?sort=salary`);
      expect(csv.statusCode).toBe(400);
      expect(csv.json().error.message).toMatch(/sort by score, name, stage, confidence/);
    });

    it('exports the filtered ranking as a CSV attachment, formulas neutralised', async () => {
      const { app, users } = f().fx;
      const examples = await analysedExamples();
      const res = await send(
        app,
        users.manager,
        'GET',
        `/jobs/${jobId}/ranking.csv?stage=scored,advanced,applied`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="account-exec-berlin-ranking.csv"',
      );
      const lines = res.body.trimEnd().split('\r\n');
      const header = lines[0]!.split(',');
      expect(header.slice(0, 8)).toEqual([
        'rank',
        'candidate',
        'stage',
        'status',
        'overall_score',
        'confidence',
        'strengths',
        'gaps',
      ]);
      expect(header.slice(8)).toEqual(examples.priya.scorecard.competencies.map((c) => c.name));
      expect(lines).toHaveLength(1 + 6);
      const priyaScore = Math.round((examples.priya.scorecard.overall.score ?? 0) * 10) / 10;
      expect(lines[1]).toMatch(new RegExp(`^1,Priya Patel,scored,scored,${priyaScore},`));
      expect(lines[2]).toMatch(/^2,Marcus Lee,advanced,scored,/);
      expect(lines[4]).toMatch(/^,Tess Short,scored,insufficient evidence,,/);
      expect(lines[5]).toBe(
        `,"'=HYPERLINK(""x"") Hacker",applied,not interviewed,,,,${','.repeat(header.length - 8)}`,
      );
      expect(lines[6]).toMatch(/^,Abe Adams,applied,/);
    });
  });
}
