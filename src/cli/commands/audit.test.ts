import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore } from '../../store/index.js';
import { addCandidate, sampleAnalysis } from '../../store/store-fixtures.suite.js';
import { runCandor as candor } from '../test-helpers.js';

describe('candor demographics import and candor audit', () => {
  const data = tempDir('candor-audit-cli-');
  let jobId = '';
  const rows: string[] = [];
  beforeAll(async () => {
    const store = await openStore({ dataDir: data.dir });
    try {
      const ws = await store.workspaces.ensure({ slug: 'default' });
      const job = await store.jobs.create({ workspaceId: ws.id, title: 'Support lead', description: 'x' });
      jobId = job.id;
      // 40 candidates: 20 women scoring 30–49, 20 men scoring 50–69; the top 16 (all men) advanced.
      for (let i = 0; i < 40; i++) {
        const woman = i % 2 === 0;
        const c = await addCandidate(store, ws, job, `Person ${i}`);
        const score = (woman ? 30 : 50) + Math.floor(i / 2);
        await store.analyses.save(sampleAnalysis(c.interview.id, 'first', score));
        if (!woman && score >= 54) {
          await store.applications.recordDecision({
            workspaceId: ws.id,
            applicationId: c.application.id,
            decision: 'advance',
            stage: 'advanced',
            reason: 'strong interview',
            actor: 'u',
          });
        }
        const race = ['white', 'asian', 'black_or_african_american', 'hispanic_or_latino'][i % 4];
        if (i < 38)
          rows.push(
            `${c.candidate.id},${woman ? 'female' : 'male'},${race},${i % 3 === 0 ? '40_or_over' : 'under_40'}`,
          );
      }
    } finally {
      await store.close();
    }
  });
  afterAll(data.cleanup);

  const csv = (name: string, lines: readonly string[]) => {
    const file = path.join(data.dir, name);
    fs.writeFileSync(file, ['candidate,sex,race_ethnicity,age_band', ...lines].join('\n') + '\n');
    return file;
  };

  it('imports the demographics CSV, and refuses a bad value naming line and column', async () => {
    const bad = await candor(
      'demographics',
      'import',
      csv('bad.csv', [rows[0]!, rows[1]!.replace('male', 'mail')]),
      '--data-dir',
      data.dir,
    );
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toMatch(
      /^candor: DEMOGRAPHICS_INVALID: bad\.csv line 3, column sex: "mail" is not a sex value; use one of female, male, other, declined\n$/,
    );
    const unknown = await candor(
      'demographics',
      'import',
      csv('unknown.csv', ['cand_nobody,female,asian,under_40']),
      '--data-dir',
      data.dir,
    );
    expect(unknown.err).toBe(
      'candor: DEMOGRAPHICS_INVALID: unknown.csv line 2, column candidate: no candidate cand_nobody in this workspace; nothing was stored\n',
    );
    const ok = await candor('demographics', 'import', csv('demographics.csv', rows), '--data-dir', data.dir);
    expect(ok).toEqual({
      code: 0,
      out: 'demographics.csv: stored the self-identified demographics of 38 candidates\n',
      err: '',
    });
  });

  it('prints the audit as Markdown in the published-summary layout, with the flag', async () => {
    const { code, out, err } = await candor('audit', '--job', jobId, '--data-dir', data.dir);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n');
    expect(lines[0]).toBe('# Bias audit summary');
    expect(out).toMatch(/- Tool: Candor \d+\.\d+\.\d+[^,]*, interview scoring; frameworks used: /);
    expect(out).toContain('- Applications audited: 40; with a score: 40; advanced: 16');
    expect(out).toContain('- Without any demographic record (not in any impact ratio): 2');
    expect(out).toContain('## Sex');
    expect(out).toContain('## Intersectional: sex × race/ethnicity');
    expect(out).toContain('## Age: 40 or over vs under 40');
    // Women: 0 of 19 advanced against 16 of 19 men → impact ratio 0, significant.
    const female = lines.find((l) => l.startsWith('| Female |'))!;
    expect(female).toContain('| 19 | 0 | 0.0% | 0.000 ⚠ below 4/5, significant |');
    expect(out).toContain('- Adverse impact indicated (under four-fifths and significant at 0.05): female');
  });

  it('prints JSON, CSV and HTML', async () => {
    const json = await candor('audit', '--job', jobId, '--format', 'json', '--data-dir', data.dir);
    const report = JSON.parse(json.out) as {
      total: number;
      categories: { category: string; flagged: string[] }[];
    };
    expect(report.total).toBe(40);
    expect(report.categories.find((c) => c.category === 'sex')?.flagged).toEqual(['female']);
    const csvOut = await candor('audit', '--format', 'csv', '--data-dir', data.dir);
    const [header, first] = csvOut.out.split('\r\n');
    expect(header).toMatch(
      /^category,group,label,excluded,count,selected,selection_rate,selection_impact_ratio,/,
    );
    expect(first).toMatch(/^sex,female,Female,false,19,0,0,0,true,/);
    const html = await candor('audit', '--format', 'html', '--data-dir', data.dir);
    expect(html.out).toMatch(/^<!doctype html>/);
    expect(html.out).toContain('<tr class="flag"><td>Female</td>');
  });

  it('says what it cannot compute: an empty period; refuses a bad date and an unknown job', async () => {
    const empty = await candor('audit', '--to', '2000-01-01', '--data-dir', data.dir);
    expect(empty.code).toBe(0);
    expect(empty.out).toContain(
      '> No application between the start and 2000-01-01: nothing can be computed.',
    );
    expect(empty.out).toContain(
      '- Sex: no audited candidate has a known value, so no rate or impact ratio can be computed.',
    );
    const date = await candor('audit', '--from', '2025-02-30', '--data-dir', data.dir);
    expect(date).toEqual({
      code: 2,
      out: '',
      err: 'candor: VALIDATION_FAILED: from "2025-02-30" is not a date; use YYYY-MM-DD\n',
    });
    const reversed = await candor(
      'audit',
      '--from',
      '2025-03-01',
      '--to',
      '2025-02-01',
      '--data-dir',
      data.dir,
    );
    expect(reversed.err).toBe('candor: VALIDATION_FAILED: from 2025-03-01 is after to 2025-02-01\n');
    const job = await candor('audit', '--job', 'job_nope', '--data-dir', data.dir);
    expect(job).toEqual({ code: 2, out: '', err: 'candor: NOT_FOUND: job job_nope not found\n' });
    const format = await candor('audit', '--format', 'pdf', '--data-dir', data.dir);
    expect(format.code).toBe(2);
  });
});
