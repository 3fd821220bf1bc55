/**
 * Previews of the later flows with a candidate's real records (an open proposal, a booked
 * interview, a workspace's edited reminder) and the error naming what a candidate lacks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCandorError } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';
import { previewMessage } from './preview.js';

const PUBLIC_URL = 'https://jobs.acme.test';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-preview-flows-'));
let store: Store;
const ids = { booked: '', bare: '', workspace: '', rita: '', proposal: '', uid: '' };
const start = new Date('2026-12-16T14:00:00Z');

beforeAll(async () => {
  store = await openStore({ dataDir });
  const ws = await store.workspaces.ensure({ slug: 'preview-flows', name: 'Acme' });
  ids.workspace = ws.id;
  const rita = await store.users.create({
    workspaceId: ws.id,
    email: 'rita@acme.test',
    name: 'Rita Reyes',
    role: 'recruiter',
    password: 'a long password here',
  });
  ids.rita = rita.id;
  const job = await store.jobs.create({ workspaceId: ws.id, title: 'Support lead', description: 'Support.' });
  const ana = await store.candidates.create({
    workspaceId: ws.id,
    name: 'Ana Díaz',
    email: 'ana@example.com',
    timeZone: 'Europe/Madrid',
  });
  const { application } = await store.applications.findOrCreate({ candidateId: ana.id, jobId: job.id });
  ids.proposal = (
    await store.scheduling.createProposal({
      workspaceId: ws.id,
      applicationId: application.id,
      candidateId: ana.id,
      slots: [
        {
          start: '2026-12-16T14:00:00.000Z',
          end: '2026-12-16T14:45:00.000Z',
          interviewerIds: [rita.id],
          label: 'Wednesday 16 December, 15:00',
        },
        {
          start: '2026-12-17T09:00:00.000Z',
          end: '2026-12-17T09:45:00.000Z',
          interviewerIds: [rita.id],
          label: 'Thursday 17 December, 10:00',
        },
      ],
      interviewerIds: [rita.id],
      durationMinutes: 45,
      horizonDays: 10,
      candidateTimeZone: 'Europe/Madrid',
      location: 'https://meet.acme.test/ana',
      tokenHash: 'hash-of-a-schedule-token',
      reschedulesUid: null,
      createdBy: rita.id,
    })
  ).id;
  ids.uid = (
    await store.bookings.book({
      workspaceId: ws.id,
      applicationId: application.id,
      interviewerId: rita.id,
      startsAt: start,
      endsAt: new Date(start.getTime() + 45 * 60_000),
      timeZone: 'Europe/Madrid',
      status: 'confirmed',
    })
  ).uid;
  ids.booked = ana.id;
  const bo = await store.candidates.create({ workspaceId: ws.id, name: 'Bo Bare', email: 'bo@example.com' });
  await store.applications.findOrCreate({ candidateId: bo.id, jobId: job.id });
  ids.bare = bo.id;
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const preview = (candidateId: string, flow: string, channel: 'email' | 'sms' = 'email') =>
  previewMessage(store, { publicUrl: PUBLIC_URL }, { candidateId, flow, channel });

async function refusal(candidateId: string, flow: string): Promise<string> {
  try {
    await preview(candidateId, flow);
  } catch (error) {
    if (isCandorError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error(`${flow} previewed for ${candidateId}`);
}

describe('previews of the later flows', () => {
  it('fills the proposal with the open offer: its times, its zone and the pick-by-link', async () => {
    const p = await preview(ids.booked, 'scheduling');
    expect(p.body).toContain('1. Wednesday 16 December, 15:00');
    expect(p.body).toContain('2. Thursday 17 December, 10:00');
    expect(p.body).toContain(`${PUBLIC_URL}/schedule/`);
    expect(p.body).toContain('45-minute interview for Support lead');
    expect(p.body).toContain('Europe/Madrid');
  });

  it("fills a reminder from the booked interview, in the workspace's own words once edited", async () => {
    await store.scheduling.markBooked(ids.proposal, ids.uid);
    const built = await preview(ids.booked, 'reminder');
    expect(built.customTemplate).toBe(false);
    expect(built.body).toContain('Rita Reyes');
    expect(built.body).toContain('https://meet.acme.test/ana');
    await store.agentSettings.saveTemplate({
      workspaceId: ids.workspace,
      flow: 'reminder',
      channel: 'sms',
      subject: null,
      body: 'Acme: {{firstName}}, see you {{when}} with {{interviewers}} ({{inHowLong}} to go).',
      updatedBy: ids.rita,
    });
    const own = await preview(ids.booked, 'reminder', 'sms');
    expect(own).toMatchObject({ customTemplate: true, to: null });
    expect(own.body).toMatch(/^Acme: Ana, see you .*16 December.* with Rita Reyes \(24 hours to go\)\.$/);
  });

  it('previews the status update, nurture and the decline opening with the common values', async () => {
    expect((await preview(ids.bare, 'status_update')).subject).toBe(
      'Your application for Support lead: still with us',
    );
    expect((await preview(ids.bare, 'nurture')).body).toContain('Bo');
    expect((await preview(ids.bare, 'decline')).body).toContain('our first review');
  });

  it.each([
    ['reminder', /^VALIDATION_FAILED: no booked interview for Bo Bare/],
    ['scheduling_booked', /^VALIDATION_FAILED: no booked interview for Bo Bare/],
    ['scheduling', /^VALIDATION_FAILED: no open scheduling proposal \(propose times first\) for Bo Bare/],
    ['micro_task', /^VALIDATION_FAILED: no micro-task for Bo Bare/],
    ['pulse', /^VALIDATION_FAILED: no round ended .* for Bo Bare/],
    ['decline_strength', /^VALIDATION_FAILED: no strength in the scorecard evidence .* for Bo Bare/],
    ['decline_events', /^VALIDATION_FAILED: the workspace has no events line/],
  ])('refuses %s, naming what the candidate lacks', async (flow, reason) => {
    expect(await refusal(ids.bare, flow)).toMatch(reason);
  });
});
