import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNAL_CATALOGUE } from '../src/analysis/index.js';
import { INTERVIEW_TOTALS, parseFeaturesCsv } from '../src/features/index.js';
import { need, requires, SHARED_DATA } from '../src/test-helpers.js';

// End to end through the built `candor` bin and the plain-Node converter, as a user runs them.
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'candor.js');
const converter = path.join(root, 'scripts', 'interviews-mit.mjs');

function run(command: string, args: string[]) {
  const r = spawnSync(process.execPath, [command, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function candor(args: string[]) {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` before these tests');
  return run(bin, args);
}

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'candor-features-'));

describe('candor features on the examples', () => {
  it('writes one row per interview with every total, every catalogue signal and the expert scores', () => {
    const r = candor(['features', 'examples/interviews']);
    expect(r.code).toBe(0);
    const table = parseFeaturesCsv(r.stdout, 'stdout');
    expect(table.rows.map((row) => row.interview)).toEqual([
      'alex-practice',
      'jordan-weak',
      'marcus-average',
      'priya-strong',
      'sam-async',
      'too-short',
    ]);
    expect(table.rows.every((row) => row.person === row.interview)).toBe(true);
    expect(table.columns.slice(0, INTERVIEW_TOTALS.length + SIGNAL_CATALOGUE.length)).toEqual([
      ...INTERVIEW_TOTALS,
      ...SIGNAL_CATALOGUE.map((d) => d.id),
    ]);
    expect(table.columns).toContain('expert:overall');
    expect(table.columns).toContain('expert:communication-quality');
    const priya = table.rows.find((row) => row.interview === 'priya-strong')!;
    // The expert column is the scorecard's own overall score.
    const card = JSON.parse(candor(['analyze', 'examples/interviews/priya-strong.vtt', '--json']).stdout);
    expect(priya.values['expert:overall']).toBe(card.overall.score);
    expect(priya.values.totalWords).toBe(card.input.words);
    expect(priya.values.answerCount).toBe(card.input.responses);
    expect(priya.values.uniqueWords).toBeGreaterThan(0);
    expect(priya.values.interviewerTurns).toBeGreaterThan(0);
    // Three words: measured where it can be, no expert score.
    expect(table.rows.at(-1)!.values['expert:overall']).toBeNull();
    expect(r.stderr).toContain('features: 6 of 6 interviews, 6 rows');
  });

  it('writes one row per answer with --answers, and JSON to a file with --json --out', () => {
    const r = candor(['features', 'examples/interviews/priya-strong.vtt', '--answers']);
    expect(r.code).toBe(0);
    const table = parseFeaturesCsv(r.stdout, 'stdout');
    expect(table.perAnswer).toBe(true);
    expect(table.rows.map((row) => row.answer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const words = table.rows.map((row) => row.values.wordCount ?? 0);
    expect(words.reduce((a, b) => a + b, 0)).toBe(table.rows[0]!.values.totalWords);

    const out = path.join(tmp(), 'features.json');
    const j = candor(['features', 'examples/interviews/sam-async.json', '--json', '--out', out]);
    expect(j.code).toBe(0);
    expect(j.stdout).toBe('');
    const rows = JSON.parse(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ interview: 'sam-async', person: 'sam-async' });
    expect(Object.keys(rows[0].values)).toContain('positiveWordsPer100');
  });

  it('keeps going past a bad file, lists it at the end and exits 2; one bad file is the error', () => {
    const dir = tmp();
    copyFileSync('examples/interviews/priya-strong.vtt', path.join(dir, 'priya.vtt'));
    copyFileSync('examples/broken/missing-arrow.srt', path.join(dir, 'broken.srt'));
    const out = path.join(dir, 'out.csv');
    const r = candor(['features', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `candor: features: TRANSCRIPT_INVALID: ${path.join(dir, 'broken.srt')}: line 6:`,
    );
    expect(r.stderr).toMatch(
      /candor: TRANSCRIPT_INVALID: 1 of 2 files could not be analysed \(listed above\); the rows of the others were written/,
    );
    expect(parseFeaturesCsv(readFileSync(out, 'utf8'), out).rows.map((row) => row.interview)).toEqual([
      'priya',
    ]);

    const one = candor(['features', 'examples/broken/missing-arrow.srt']);
    expect(one.code).toBe(2);
    expect(one.stdout).toBe('');
    expect(one.stderr).toMatch(/^candor: TRANSCRIPT_INVALID: examples\/broken\/missing-arrow\.srt: line 6: /);
  });

  it('refuses --person-from without exactly one capture group, and a name it does not match', () => {
    const r = candor(['features', 'examples/interviews/sam-async.json', '--person-from', '^p+\\d+']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--person-from: expected exactly one capture group');
    const m = candor(['features', 'examples/interviews/sam-async.json', '--person-from', '^p+(\\d+)']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('does not match the interview name "sam-async"');
  });
});

describe('scripts/interviews-mit.mjs', () => {
  it('keeps p1 and pp1 as one person, reads typo labels and unlabelled continuations', () => {
    const data = tmp();
    writeFileSync(
      path.join(data, 'transcripts.csv'),
      'Participant,Transcript\n' +
        'p1,"Interviewer: Tell me about yourself?|Interviewee: I study biology, and| also code.|Intrviewer: mhm|INterviewee: That is all."\n' +
        'pp1,Interviewer: Why us?|Inerviewee: Your mission.\n',
    );
    writeFileSync(path.join(data, 'scores.csv'), 'Participant,Overall,Excited\np1,5.25,4.5\npp1,6,5.75\n');
    const out = path.join(data, 'out');
    const r = run(converter, ['--data', data, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 interviews of 1 people');
    expect(readFileSync(path.join(out, 'ratings.csv'), 'utf8')).toBe(
      'interview,person,rater,target,score,scale\n' +
        'p1,1,crowd-mean,overall,5.25,1-7\np1,1,crowd-mean,excited,4.5,1-7\n' +
        'pp1,1,crowd-mean,overall,6,1-7\npp1,1,crowd-mean,excited,5.75,1-7\n',
    );
    const p1 = JSON.parse(readFileSync(path.join(out, 'p1.json'), 'utf8'));
    expect(p1.candidate).toBe('Interviewee');
    expect(p1.segments).toEqual([
      { speaker: 'Interviewer', text: 'Tell me about yourself?' },
      { speaker: 'Interviewee', text: 'I study biology, and also code.' },
      { speaker: 'Interviewer', text: 'mhm' },
      { speaker: 'Interviewee', text: 'That is all.' },
    ]);
  });

  it('says how to use it without --out', () => {
    const r = run(converter, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: node scripts/interviews-mit.mjs');
  });
});

requires(need.sharedData('interviews-mit')).describe('candor features on real MIT interviews', () => {
  it('analyses p1, pp1 and p3 with the interviewee as candidate; p1 and pp1 are one person', () => {
    const converted = tmp();
    const r = run(converter, ['--data', path.join(SHARED_DATA, 'interviews-mit'), '--out', converted]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('92 interviews of 46 people');
    const three = path.join(tmp(), 'three');
    mkdirSync(three);
    for (const name of ['p1', 'pp1', 'p3'])
      copyFileSync(path.join(converted, `${name}.json`), path.join(three, `${name}.json`));
    const f = candor(['features', three, '--person-from', '^p+(\\d+)']);
    expect(f.code).toBe(0);
    const rows = parseFeaturesCsv(f.stdout, 'stdout').rows;
    expect(rows.map((row) => [row.interview, row.person])).toEqual([
      ['p1', '1'],
      ['p3', '3'],
      ['pp1', '1'],
    ]);
    for (const row of rows) {
      expect(row.values.answerCount).toBeGreaterThanOrEqual(3);
      expect(row.values.interviewerTurns).toBeGreaterThanOrEqual(row.values.answerCount!);
      expect(row.values['expert:overall']).toEqual(expect.any(Number));
    }
    const card = JSON.parse(candor(['analyze', path.join(three, 'p1.json'), '--json']).stdout);
    expect(card.input.candidate).toBe('Interviewee');
  });
});
