/** Rolling fairness alerts and their webhook against a real store and a real HTTP server; `fairness-alerts.test.ts` runs it on both databases. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../server/webhooks/deliver.js';
import { startFairnessMonitor } from '../server/webhooks/fairness-monitor.js';
import { verifySignature } from '../server/webhooks/signature.js';
import type { Store, WebhookDeliveryRecord } from '../store/index.js';
import {
  addCandidate,
  sampleScorecardBody,
  seedInterview,
  type Seeded,
} from '../store/store-fixtures.suite.js';
import { checkFairness } from './fairness-monitor.js';

const SECRET = 'test-webhook-secret-0123456789';

/** Twelve women mostly scoring low, twelve men all scoring high: women's rate is far under 0.8 of men's. */
async function seedWindow(store: Store, seeded: Seeded) {
  const people: { interviewId: string; candidateId: string }[] = [];
  for (let i = 0; i < 24; i++) {
    const female = i % 2 === 0;
    const { candidate, interview } = await addCandidate(store, seeded.workspace, seeded.job, `Person ${i}`);
    const rank = Math.floor(i / 2);
    const score = female ? (rank < 2 ? 80 + rank : 30 + rank) : 60 + rank;
    await store.scorecards.add({
      interviewId: interview.id,
      frameworkId: 'customer-facing',
      frameworkVersion: '1',
      engineVersion: '0.1.0',
      overallScore: score,
      contentHash: `h${i}`,
      body: sampleScorecardBody(score, `p${i}`),
    });
    await store.demographics.saveMany(
      seeded.workspace.id,
      [
        {
          candidateId: candidate.id,
          sex: female ? 'female' : 'male',
          raceEthnicity: 'declined',
          ageBand: 'declined',
        },
      ],
      'test',
    );
    people.push({ interviewId: interview.id, candidateId: candidate.id });
  }
  return people;
}

interface Received {
  readonly body: string;
  readonly headers: IncomingMessage['headers'];
}

/** A receiver answering with the given statuses in turn (then 200), recording what it got. */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

async function deliverUntilDone(store: Store, id: string): Promise<WebhookDeliveryRecord> {
  for (let i = 0; i < 50; i++) {
    await deliverDue(store, { secret: SECRET, retryDelaysMs: [20, 20, 20], timeoutMs: 2000 });
    const all = await allDeliveries(store);
    const found = all.find((x) => x.id === id)!;
    if (found.status !== 'pending') return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`delivery ${id} still pending`);
}

let workspaceIds: string[] = [];
async function allDeliveries(store: Store) {
  return (await Promise.all(workspaceIds.map((w) => store.fairnessAlerts.deliveries(w)))).flat();
}

/** @example describeFairnessAlerts('sqlite', () => openStore({ dataDir })) */
export function describeFairnessAlerts(name: string, open: () => Promise<Store>): void {
  describe(`fairness alerts on ${name}`, () => {
    let store: Store;
    let seeded: Seeded;
    let people: { interviewId: string; candidateId: string }[];
    beforeAll(async () => {
      store = await open();
      seeded = await seedInterview(store);
      workspaceIds = [seeded.workspace.id];
      people = await seedWindow(store, seeded);
    }, 60_000);
    afterAll(() => store.close());

    it('raises one alert for the group under 0.8, not again while open, again once acknowledged', async () => {
      const hook = await receiver([]);
      try {
        const first = await checkFairness(store, {
          workspaceId: seeded.workspace.id,
          window: 24,
          minGroup: 10,
          webhookUrl: hook.url,
        });
        expect(first.model).toBeNull();
        expect(first.check.window).toBe(24);
        expect(first.raised.map((a) => [a.category, a.group, a.referenceGroup, a.members, a.window])).toEqual(
          [['sex', 'female', 'male', 12, 24]],
        );
        // Median 61.5: men 10 of 12 above it, women 2 of 12 → 0.167 / 0.833 = 0.2.
        expect(first.raised[0]!.impactRatio).toBeCloseTo(0.2, 6);
        const again = await checkFairness(store, {
          workspaceId: seeded.workspace.id,
          window: 24,
          minGroup: 10,
        });
        expect(again.raised).toEqual([]);
        expect(await store.fairnessAlerts.list(seeded.workspace.id, { open: true })).toHaveLength(1);
        // Groups under the minimum are not compared: no alert at all.
        expect(
          (await checkFairness(store, { workspaceId: seeded.workspace.id, window: 24, minGroup: 13 })).check
            .groups,
        ).toEqual([]);

        const delivered = await deliverUntilDone(store, (await allDeliveries(store))[0]!.id);
        expect(delivered).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
        const got = hook.received[0]!;
        expect(verifySignature(SECRET, got.body, got.headers['x-candor-signature'])).toBe(true);
        expect(verifySignature('another secret', got.body, got.headers['x-candor-signature'])).toBe(false);
        expect(Number.isNaN(Date.parse(String(got.headers['x-candor-timestamp'])))).toBe(false);
        const payload = JSON.parse(got.body) as { event: string; alert: Record<string, unknown> };
        expect(payload).toMatchObject({
          event: 'fairness.alert',
          alert: {
            category: 'sex',
            group: 'female',
            groupLabel: 'Female',
            members: 12,
            window: 24,
            model: null,
          },
        });
        expect(payload.alert.message).toBe(
          'scoring impact ratio 0.20 for Female over the last 24 candidates (framework overall score)',
        );
        // Aggregates only: no candidate id, no person.
        for (const p of people) expect(got.body).not.toContain(p.candidateId);

        const alert = first.raised[0]!;
        const acked = await store.fairnessAlerts.acknowledge(seeded.workspace.id, alert.id, 'user_a');
        expect(acked.acknowledgedBy).toBe('user_a');
        const second = await store.fairnessAlerts.acknowledge(seeded.workspace.id, alert.id, 'user_b');
        expect(second).toEqual(acked);
        const raisedAgain = await checkFairness(store, {
          workspaceId: seeded.workspace.id,
          window: 24,
          minGroup: 10,
        });
        expect(raisedAgain.raised).toHaveLength(1);
        await store.fairnessAlerts.acknowledge(seeded.workspace.id, raisedAgain.raised[0]!.id, 'user_a');
      } finally {
        hook.server.close();
      }
    }, 30_000);

    it('watches the active model: only scorecards with its id and version count, scored by its prediction', async () => {
      await store.models.add({
        workspaceId: seeded.workspace.id,
        id: 'overall-model',
        version: 2,
        target: 'overall',
        name: 'Overall',
        definition: { any: 'thing' },
        source: 'import',
        createdBy: 'test',
      });
      await store.models.activate(seeded.workspace.id, 'overall-model', 2);
      const none = await checkFairness(store, { workspaceId: seeded.workspace.id, window: 24, minGroup: 10 });
      expect(none.model).toEqual({ id: 'overall-model', version: 2, name: 'Overall' });
      expect(none.check.window).toBe(0);
      // Re-scored by the model with the same shape of scores: the alert names the model.
      for (const [i, p] of people.entries()) {
        const latest = await store.scorecards.latestForInterview(p.interviewId);
        const score = latest!.overallScore!;
        await store.scorecards.add({
          interviewId: p.interviewId,
          frameworkId: 'customer-facing',
          frameworkVersion: '1',
          engineVersion: '0.1.0',
          overallScore: score,
          contentHash: `m${i}`,
          body: { ...sampleScorecardBody(score, `m${i}`), model: modelPart(score) },
        });
      }
      // Read a few rows at a time, the window is the same.
      for (const model of [null, { id: 'overall-model', version: 2 }]) {
        const whole = await store.fairnessAlerts.scoredWindow(seeded.workspace.id, 20, model);
        expect(whole).toHaveLength(20);
        expect(new Set(whole.map((w) => w.candidateId)).size).toBe(20);
        for (const pageSize of [1, 5, 7]) {
          expect(
            await store.fairnessAlerts.scoredWindow(seeded.workspace.id, 20, model, { pageSize }),
          ).toEqual(whole);
        }
      }
      const watched = await checkFairness(store, {
        workspaceId: seeded.workspace.id,
        window: 20,
        minGroup: 10,
      });
      expect(watched.check.window).toBe(20);
      expect(watched.raised.map((a) => [a.modelId, a.modelVersion, a.group, a.window])).toEqual([
        ['overall-model', 2, 'female', 20],
      ]);
    }, 60_000);

    it('the monitor checks every workspace and delivers, on its timer as on runOnce', async () => {
      const hook = await receiver([]);
      const monitor = startFairnessMonitor({
        store,
        config: {
          window: 24,
          minGroup: 10,
          checkIntervalMs: 60_000,
          webhookUrl: hook.url,
          webhookSecret: SECRET,
          retryDelaysMs: [10],
          timeoutMs: 2000,
        },
        pollMs: 20,
      });
      try {
        for (const a of await store.fairnessAlerts.list(seeded.workspace.id, { open: true })) {
          await store.fairnessAlerts.acknowledge(seeded.workspace.id, a.id, 'user_a');
        }
        await monitor.runOnce();
        const open = await store.fairnessAlerts.list(seeded.workspace.id, { open: true });
        expect(open.map((a) => [a.modelId, a.group, a.window])).toEqual([['overall-model', 'female', 24]]);
        await expect.poll(() => hook.received.length).toBe(1);
        const got = hook.received[0]!;
        expect(verifySignature(SECRET, got.body, got.headers['x-candor-signature'])).toBe(true);
        expect(JSON.parse(got.body)).toMatchObject({ alert: { id: open[0]!.id } });
      } finally {
        await monitor.stop();
        hook.server.close();
      }
    }, 30_000);

    it('retries a 500 and delivers; a dead endpoint ends failed after every attempt; the outbox survives a restart', async () => {
      const hook = await receiver([500]);
      const dead = await receiver([]);
      await new Promise<void>((resolve) => dead.server.close(() => resolve()));
      const raise = (group: string, url: string) =>
        store.fairnessAlerts.raise(
          {
            workspaceId: seeded.workspace.id,
            modelId: null,
            modelVersion: null,
            modelName: null,
            category: 'race_ethnicity',
            group,
            referenceGroup: 'white',
            impactRatio: 0.5,
            members: 31,
            window: 200,
          },
          { url, body: (a) => JSON.stringify({ event: 'fairness.alert', alert: { id: a.id } }) },
        );
      try {
        const a = await raise('asian', hook.url);
        const b = await raise('hispanic_or_latino', dead.url);
        // A restart: the queued deliveries are rows, read by a new connection.
        await store.close();
        store = await open();
        const all = await allDeliveries(store);
        const toHook = all.find((d) => d.body.includes(a!.id))!;
        const toDead = all.find((d) => d.body.includes(b!.id))!;
        expect([toHook.status, toDead.status]).toEqual(['pending', 'pending']);
        const delivered = await deliverUntilDone(store, toHook.id);
        expect(delivered).toMatchObject({ status: 'delivered', attempts: 2 });
        expect(hook.received).toHaveLength(2);
        expect(hook.received[0]!.body).toBe(hook.received[1]!.body);
        const failed = await deliverUntilDone(store, toDead.id);
        expect(failed).toMatchObject({ status: 'failed', attempts: 4 });
        expect(failed.lastError).toMatch(/ECONNREFUSED/);
      } finally {
        hook.server.close();
      }
    }, 30_000);
  });
}

function modelPart(score: number) {
  return {
    id: 'overall-model',
    version: 2,
    target: 'overall',
    name: 'Overall',
    population: 'test',
    prediction: { onScale: score / 20, scale: { min: 0, max: 5 }, score },
    validation: {
      passes: true,
      verdict: 'passes',
      r: 0.5,
      ci: [0.3, 0.6] as [number, number],
      threshold: 0.3,
    },
    contributions: [],
  };
}
