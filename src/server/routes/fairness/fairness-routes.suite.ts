/** HTTP cases of the fairness alert routes; `fairness-routes.test.ts` runs them on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../store/index.js';
import {
  createHiringFixture,
  send,
  testClock,
  type HiringFixture,
  type Member,
} from '../hiring/test-helpers.js';

/** @example describeFairnessRoutes('sqlite', (now) => openStore({ dataDir, now })) */
export function describeFairnessRoutes(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`fairness alert routes on ${name}`, () => {
    let fx: HiringFixture;
    let auditor: Member;
    let alertId: string;
    beforeAll(async () => {
      const clock = testClock('2025-03-03T09:00:00.000Z');
      fx = await createHiringFixture(await open(clock.now), clock);
      clock.useRealTime();
      const user = await fx.store.users.create({
        workspaceId: fx.workspaceId,
        email: `auditor.${Date.now()}@example.com`,
        name: 'Audrey Auditor',
        role: 'auditor',
        password: 'correct horse battery staple',
      });
      auditor = { user, token: (await fx.store.users.createApiToken(user.id, 'tests')).token };
      const alert = await fx.store.fairnessAlerts.raise({
        workspaceId: fx.workspaceId,
        modelId: 'overall-model',
        modelVersion: 1,
        modelName: 'Overall X',
        category: 'sex',
        group: 'female',
        referenceGroup: 'male',
        impactRatio: 0.62,
        members: 41,
        window: 200,
      });
      alertId = alert!.id;
    });
    afterAll(async () => {
      await fx.app.close();
      await fx.store.close();
    });

    it('admins and auditors list open alerts; every other role gets 403', async () => {
      for (const who of [fx.users.admin, auditor]) {
        const res = await send(fx.app, who, 'GET', '/fairness/alerts');
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({
          alerts: [
            expect.objectContaining({
              id: alertId,
              model: { id: 'overall-model', version: 1, name: 'Overall X' },
              category: 'sex',
              group: 'female',
              groupLabel: 'Female',
              impactRatio: 0.62,
              members: 41,
              window: 200,
              message:
                'scoring impact ratio 0.62 for Female over the last 200 candidates (model Overall X v1)',
              acknowledgedAt: null,
            }),
          ],
        });
      }
      for (const [who, member] of Object.entries(fx.users)) {
        if (who === 'admin') continue;
        expect((await send(fx.app, member, 'GET', '/fairness/alerts')).statusCode, who).toBe(403);
        expect(
          (await send(fx.app, member, 'POST', `/fairness/alerts/${alertId}/acknowledge`)).statusCode,
          who,
        ).toBe(403);
      }
    });

    it('acknowledges once: the alert leaves the open list and stays in `all`; unknown ids are 404', async () => {
      const res = await send(fx.app, auditor, 'POST', `/fairness/alerts/${alertId}/acknowledge`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: alertId, acknowledgedBy: auditor.user.id });
      const again = await send(fx.app, fx.users.admin, 'POST', `/fairness/alerts/${alertId}/acknowledge`);
      expect(again.json()).toEqual(res.json());
      expect((await send(fx.app, auditor, 'GET', '/fairness/alerts')).json()).toEqual({ alerts: [] });
      const all = await send(fx.app, auditor, 'GET', '/fairness/alerts?state=all');
      expect(all.json<{ alerts: { id: string }[] }>().alerts.map((a) => a.id)).toEqual([alertId]);
      const unknown = await send(
        fx.app,
        auditor,
        'POST',
        '/fairness/alerts/alert_0000000000000000/acknowledge',
      );
      expect(unknown.statusCode).toBe(404);
      expect((await send(fx.app, auditor, 'GET', '/fairness/alerts?state=closed')).statusCode).toBe(400);
    });
  });
}
