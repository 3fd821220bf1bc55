/** Candidates, applications and the decisions people make about them. */
import { describe, expect, it } from 'vitest';
import type { SuiteContext } from './hiring.suite.js';
import { analysedExamples, analysedInterview, send } from './test-helpers.js';

export function applicationCases(f: () => SuiteContext): void {
  const newJob = async () => {
    const { app, users } = f().fx;
    return (
      await send(app, users.recruiter, 'POST', '/jobs', {
        title: 'Account executive',
        description: 'Closes.',
      })
    ).json();
  };

  describe('candidates', () => {
    it('adds, lists, reads and changes candidates of the workspace only', async () => {
      const { app, users, other } = f().fx;
      const body = {
        name: 'Zoe Quinn',
        email: 'zoe@example.com',
        phone: '+44 20 7946 0958',
        timeZone: 'Europe/London',
      };
      const created = await send(app, users.recruiter, 'POST', '/candidates', body);
      expect(created.statusCode).toBe(201);
      const candidate = created.json();
      expect(candidate).toMatchObject(body);
      expect(candidate).not.toHaveProperty('consent');

      const list = await send(app, users.manager, 'GET', '/candidates');
      expect(list.json().candidates).toContainEqual(candidate);
      const theirs = await send(app, other.recruiter, 'GET', '/candidates');
      expect(theirs.json().candidates.map((c: { id: string }) => c.id)).not.toContain(candidate.id);

      const changed = await send(app, users.admin, 'PATCH', `/candidates/${candidate.id}`, {
        phone: null,
        name: 'Zoë Quinn',
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toEqual({ ...candidate, phone: null, name: 'Zoë Quinn' });
    });

    it('shows a candidate with the jobs they applied to', async () => {
      const { app, users } = f().fx;
      const job = await newJob();
      const candidate = (
        await send(app, users.recruiter, 'POST', '/candidates', { name: 'Yann Ode' })
      ).json();
      const applied = await send(app, users.recruiter, 'POST', '/applications', {
        candidateId: candidate.id,
        jobId: job.id,
      });
      const res = await send(app, users.manager, 'GET', `/candidates/${candidate.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        candidate,
        applications: [{ ...applied.json(), jobTitle: 'Account executive' }],
      });
    });

    it('validates candidates: name, email, time zone', async () => {
      const { app, users } = f().fx;
      for (const [body, field] of [
        [{ email: 'a@example.com' }, 'name'],
        [{ name: 'A', email: 'nope' }, 'email'],
        [{ name: 'A', timeZone: 'Mars/Olympus' }, 'timeZone'],
      ] as const) {
        const res = await send(app, users.recruiter, 'POST', '/candidates', body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.field).toBe(field);
      }
      const candidate = (await send(app, users.recruiter, 'POST', '/candidates', { name: 'Val Id' })).json();
      const res = await send(app, users.recruiter, 'PATCH', `/candidates/${candidate.id}`, {
        email: 'still-not',
      });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('applications and decisions', () => {
    it('applies a candidate once (409 the second time) and records who did it', async () => {
      const { app, users } = f().fx;
      const job = await newJob();
      const candidate = (
        await send(app, users.recruiter, 'POST', '/candidates', { name: 'Una Once' })
      ).json();
      const body = { candidateId: candidate.id, jobId: job.id };
      const created = await send(app, users.recruiter, 'POST', '/applications', body);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ ...body, stage: 'applied' });
      expect((await send(app, users.admin, 'POST', '/applications', body)).statusCode).toBe(409);

      const detail = await send(app, users.manager, 'GET', `/applications/${created.json().id}`);
      expect(detail.json().events).toEqual([
        expect.objectContaining({
          kind: 'applied',
          actor: users.recruiter.user.id,
          actorName: 'Main recruiter',
        }),
      ]);
    });

    it('validates applications and refuses another workspace’s job', async () => {
      const { app, users, other } = f().fx;
      const missing = await send(app, users.recruiter, 'POST', '/applications', { candidateId: 'c' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details.field).toBe('jobId');
      const candidate = (await send(app, users.recruiter, 'POST', '/candidates', { name: 'Wes Far' })).json();
      const theirJob = (
        await send(app, other.recruiter, 'POST', '/jobs', { title: 'Theirs', description: 'x' })
      ).json();
      const res = await send(app, users.recruiter, 'POST', '/applications', {
        candidateId: candidate.id,
        jobId: theirJob.id,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe(`job ${theirJob.id} not found`);
    });

    it('decision journey: a hiring manager holds, then advances with a reason; the history shows both', async () => {
      const { app, users, store, workspaceId } = f().fx;
      const job = await newJob();
      const candidate = (
        await send(app, users.recruiter, 'POST', '/candidates', { name: 'Ivy Journey' })
      ).json();
      const application = (
        await send(app, users.recruiter, 'POST', '/applications', {
          candidateId: candidate.id,
          jobId: job.id,
        })
      ).json();
      // Analysing an interview scores it; it never moves the application.
      const { priya } = await analysedExamples();
      const { interviewId, scorecardId } = await analysedInterview(
        store,
        { workspaceId, kind: 'live', applicationId: application.id, title: 'Screening call' },
        priya,
      );
      expect(
        (await send(app, users.manager, 'GET', `/applications/${application.id}`)).json().application.stage,
      ).toBe('applied');

      const decide = (decision: string, reason: string) =>
        send(app, users.manager, 'POST', `/applications/${application.id}/decisions`, { decision, reason });
      const hold = await decide('hold', 'Waiting for the second reference.');
      expect(hold.statusCode).toBe(201);
      expect(hold.json()).toMatchObject({
        event: {
          kind: 'decision',
          actor: users.manager.user.id,
          actorName: 'Main manager',
          reason: 'Waiting for the second reference.',
          payload: { decision: 'hold', previousStage: 'applied' },
        },
        application: { id: application.id, stage: 'on_hold' },
      });
      const advance = await decide('advance', 'References came back strong.');
      expect(advance.json().application.stage).toBe('advanced');

      const detail = await send(app, users.recruiter, 'GET', `/applications/${application.id}`);
      expect(detail.statusCode).toBe(200);
      const body = detail.json();
      expect(body).toMatchObject({
        application: { stage: 'advanced' },
        candidate: { id: candidate.id, name: 'Ivy Journey' },
        job: { id: job.id, title: 'Account executive' },
        interviews: [{ id: interviewId, kind: 'live', title: 'Screening call', scorecardId }],
      });
      expect(body.events.map((e: { kind: string }) => e.kind)).toEqual(['applied', 'decision', 'decision']);
      expect(body.events.slice(1)).toEqual([
        expect.objectContaining({
          actor: users.manager.user.id,
          actorName: 'Main manager',
          reason: 'Waiting for the second reference.',
          payload: { decision: 'hold', previousStage: 'applied' },
        }),
        expect.objectContaining({
          actor: users.manager.user.id,
          actorName: 'Main manager',
          reason: 'References came back strong.',
          payload: { decision: 'advance', previousStage: 'on_hold' },
        }),
      ]);
      const pipeline = await store.pipelineEvents.listByApplication(application.id);
      expect(pipeline).toHaveLength(3);
    });

    it('refuses a decision without a proper reason or with an unknown verdict, and leaves the stage', async () => {
      const { app, users } = f().fx;
      const job = await newJob();
      const candidate = (
        await send(app, users.recruiter, 'POST', '/candidates', { name: 'Ned Reason' })
      ).json();
      const { id } = (
        await send(app, users.recruiter, 'POST', '/applications', {
          candidateId: candidate.id,
          jobId: job.id,
        })
      ).json();
      for (const [body, field] of [
        [{ decision: 'reject' }, 'reason'],
        [{ decision: 'reject', reason: 'no' }, 'reason'],
        [{ decision: 'reject', reason: 'x'.repeat(2001) }, 'reason'],
        [{ decision: 'hire', reason: 'looks great' }, 'decision'],
      ] as const) {
        const res = await send(app, users.recruiter, 'POST', `/applications/${id}/decisions`, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.field).toBe(field);
      }
      const detail = await send(app, users.recruiter, 'GET', `/applications/${id}`);
      expect(detail.json().application.stage).toBe('applied');
      expect(detail.json().events).toHaveLength(1);
    });

    it('accepts a decision from a cookie session only with the CSRF header', async () => {
      const { app, users, store } = f().fx;
      const job = await newJob();
      const candidate = (
        await send(app, users.recruiter, 'POST', '/candidates', { name: 'Cora Cookie' })
      ).json();
      const { id } = (
        await send(app, users.recruiter, 'POST', '/applications', {
          candidateId: candidate.id,
          jobId: job.id,
        })
      ).json();
      const { token } = await store.users.createSession(users.manager.user.id, 60_000);
      const cookie = `candor_session=${app.signCookie(token)}`;
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      const payload = { decision: 'reject', reason: 'Not enough experience.' };
      const url = `/api/v1/applications/${id}/decisions`;
      const noCsrf = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
      expect(noCsrf.statusCode).toBe(403);
      const headers = { cookie, 'x-csrf-token': me.json().csrfToken };
      const ok = await app.inject({ method: 'POST', url, headers, payload });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().application.stage).toBe('rejected');
    });
  });
}
