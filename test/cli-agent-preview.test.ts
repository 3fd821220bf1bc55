/**
 * `candor agent preview` through the built bin (`npm run build` first), on a database with an
 * invited candidate, a candidate who applied nowhere, and a workspace template: the message with
 * the candidate's values, JSON, the workspace's wording, and a one-line error naming the variable
 * a candidate has no value for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'candor.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'candor-agent-preview-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function candor(args: string[]) {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` before these tests');
  const r = spawnSync(process.execPath, [bin, 'agent', 'preview', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      CANDOR_DATA_DIR: dataDir,
      DATABASE_URL: '',
      CANDOR_PUBLIC_URL: 'https://jobs.acme.test',
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ids = { invited: '', nojob: '' };

beforeAll(async () => {
  const store = await openStore({ dataDir });
  try {
    const ws = await store.workspaces.ensure({ slug: 'default', name: 'Acme' });
    const rita = await store.users.create({
      workspaceId: ws.id,
      email: 'rita@acme.test',
      name: 'Rita Reyes',
      role: 'recruiter',
      password: 'a long password here',
    });
    const job = await store.jobs.create({
      workspaceId: ws.id,
      title: 'Support lead',
      description: 'Support.',
    });
    const ana = await store.candidates.create({
      workspaceId: ws.id,
      name: 'Ana Díaz',
      email: 'ana@example.com',
    });
    const { application } = await store.applications.findOrCreate({
      candidateId: ana.id,
      jobId: job.id,
      stage: 'invited',
    });
    await store.invitations.create({
      workspaceId: ws.id,
      jobId: job.id,
      candidateId: ana.id,
      applicationId: application.id,
      tokenHash: 'hash-of-a-token',
      questions: [
        { id: 'q1', text: 'Tell us about a time you helped a customer.', competencies: [], keyPoints: [] },
        { id: 'q2', text: 'How do you prioritise?', competencies: [], keyPoints: [] },
      ],
      questionSetId: null,
      createdBy: rita.id,
      expiresAt: '2026-12-18T23:59:59.000Z',
      answerSeconds: 180,
      prepSeconds: 30,
      retakes: 1,
      textAnswers: true,
    });
    ids.invited = ana.id;
    ids.nojob = (
      await store.candidates.create({ workspaceId: ws.id, name: 'Cy Nojob', email: 'cy@example.com' })
    ).id;
    await store.agentSettings.saveTemplate({
      workspaceId: ws.id,
      flow: 'confirmation',
      channel: 'sms',
      subject: null,
      body: 'Acme here: thank you {{firstName}}! We answer by {{respondBy}}.',
      updatedBy: rita.id,
    });
  } finally {
    await store.close();
  }
});

describe('candor agent preview', () => {
  it("prints the invitation with the candidate's values", () => {
    const r = candor(['--candidate', ids.invited, '--flow', 'invitation']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^invitation by e-mail to ana@example\.com — the built-in template\n\nSubject: Your interview for Support lead at Acme\n\nHi Ana,\n/,
    );
    expect(r.stdout).toContain('before Friday, 18 December 2026: 2 questions, up to 3 minutes each');
    expect(r.stdout).toContain('Rita Reyes\nAcme');
  });

  it("prints a later flow (the status update) with the candidate's values", () => {
    const r = candor(['--candidate', ids.invited, '--flow', 'status_update']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^status_update by e-mail to ana@example\.com — the built-in template\n\nSubject: Your application for Support lead: still with us\n\nHi Ana,\n/,
    );
  });

  it("prints JSON, with the workspace's own template on SMS", () => {
    const r = candor(['--candidate', ids.invited, '--flow', 'confirmation', '--channel', 'sms', '--json']);
    expect(r.code).toBe(0);
    const preview = JSON.parse(r.stdout);
    expect(preview).toMatchObject({
      flow: 'confirmation',
      channel: 'sms',
      to: null,
      subject: null,
      customTemplate: true,
      body: expect.stringMatching(/^Acme here: thank you Ana! We answer by \w+day, \d+ \w+ \d{4}\.$/),
    });
  });

  it.each([
    [
      ['--candidate', 'PLACEHOLDER_NOJOB', '--flow', 'invitation'],
      /^candor: VALIDATION_FAILED: template invitation\.email.*no value for \{\{jobTitle\}\}.* for Cy Nojob \(the candidate has applied to no job/,
    ],
    [
      ['--candidate', 'PLACEHOLDER_INVITED', '--flow', 'reminder'],
      /^candor: VALIDATION_FAILED: no booked interview for Ana Díaz: nothing to preview for reminder/,
    ],
    [
      ['--candidate', 'PLACEHOLDER_INVITED', '--flow', 'scheduling'],
      /^candor: VALIDATION_FAILED: no open scheduling proposal \(propose times first\) for Ana Díaz/,
    ],
    [
      ['--candidate', 'cand_missing', '--flow', 'status'],
      /^candor: NOT_FOUND: candidate cand_missing not found/,
    ],
    [
      ['--candidate', 'PLACEHOLDER_INVITED', '--flow', 'no_such_flow'],
      /^candor: NOT_FOUND: no template for a flow named "no_such_flow"/,
    ],
    [
      ['--candidate', 'PLACEHOLDER_INVITED', '--flow', 'status', '--channel', 'fax'],
      /^candor: VALIDATION_FAILED: --channel: "fax" is not email or sms/,
    ],
  ])('exits 2 with a one-line reason for %j', (args, reason) => {
    const r = candor(
      args.map((a) =>
        a === 'PLACEHOLDER_NOJOB' ? ids.nojob : a === 'PLACEHOLDER_INVITED' ? ids.invited : a,
      ),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
  });
});
