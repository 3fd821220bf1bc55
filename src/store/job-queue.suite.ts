/**
 * Cases the JobQueue must pass on every database; `job-queue.test.ts` runs them on SQLite and,
 * when TEST_DATABASE_URL is set, on PostgreSQL. The store's clock is driven by hand, so leases
 * and back-off run out when a test says so, not after a sleep.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './index.js';

/** A clock the test moves forward; each reading also moves it 1 ms, as time passes while work runs. */
export interface TestClock {
  readonly now: () => Date;
  advance(ms: number): void;
}

/** @example const clock = testClock(); await openStore({ dataDir, now: clock.now }); clock.advance(30_000) */
export function testClock(start = Date.parse('2030-01-01T09:00:00.000Z')): TestClock {
  let time = start;
  return {
    now: () => new Date(time++),
    advance: (ms) => {
      time += ms;
    },
  };
}

const LEASE = 30_000;

/** @example describeJobQueue('sqlite', (now) => openStore({ dataDir, now })) */
export function describeJobQueue(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`JobQueue on ${name}`, () => {
    const clock = testClock();
    let store: Store | undefined;
    let workspaceId = '';
    const s = (): Store => {
      if (store === undefined) throw new Error('store did not open');
      return store;
    };
    // Each test queues its own kind of task, so tasks another test left running never meet it.
    let serial = 0;
    let KIND = '';
    beforeEach(() => {
      serial += 1;
      KIND = `analyze-interview-${serial}`;
    });
    const enqueue = (payload: Record<string, unknown> = {}, maxAttempts?: number) =>
      s().queue.enqueue({
        workspaceId,
        kind: KIND,
        payload,
        ...(maxAttempts === undefined ? {} : { maxAttempts }),
      });
    beforeAll(async () => {
      store = await open(clock.now);
      workspaceId = (await store.workspaces.ensure({ slug: `queue-${Date.now()}` })).id;
    });
    afterAll(() => store?.close());

    it('enqueues a task as queued with its payload, and reads it back', async () => {
      const task = await enqueue({ interviewId: 'intv_1' });
      expect(task).toMatchObject({
        workspaceId,
        kind: KIND,
        payload: { interviewId: 'intv_1' },
        status: 'queued',
        attempts: 0,
        maxAttempts: 3,
        lockedBy: null,
        result: null,
        lastError: null,
      });
      expect(await s().queue.get(task.id)).toEqual(task);
      await expect(s().queue.get('task_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('claims the oldest due task of the asked kinds, once', async () => {
      const other = await s().queue.enqueue({ workspaceId, kind: 'other', payload: {} });
      const first = await enqueue();
      clock.advance(1);
      const second = await enqueue();
      expect(await s().queue.claim('w1', [], LEASE)).toBeNull();
      const a = await s().queue.claim('w1', [KIND], LEASE);
      const b = await s().queue.claim('w2', [KIND], LEASE);
      expect([a?.id, b?.id]).toEqual([first.id, second.id]);
      expect(a).toMatchObject({ status: 'running', attempts: 1, lockedBy: 'w1' });
      expect(await s().queue.claim('w3', [KIND], LEASE)).toBeNull();
      expect((await s().queue.get(other.id)).status).toBe('queued');
    });

    it('hands each task to exactly one of many racing workers', async () => {
      const tasks = await Promise.all(Array.from({ length: 6 }, () => enqueue()));
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, i) => s().queue.claim(`racer-${i}`, [KIND], LEASE)),
      );
      const claimed = claims.filter((t) => t !== null).map((t) => t.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      // A claim that lost a race may give up after a few tries; a second round takes the rest.
      for (
        let t = await s().queue.claim('late', [KIND], LEASE);
        t;
        t = await s().queue.claim('late', [KIND], LEASE)
      ) {
        claimed.push(t.id);
      }
      expect(claimed.sort()).toEqual(tasks.map((t) => t.id).sort());
    });

    it('records progress on heartbeat and extends the lease, only for the holder', async () => {
      const task = await enqueue();
      const claimed = await s().queue.claim('w1', [KIND], LEASE);
      expect(claimed?.id).toBe(task.id);
      clock.advance(LEASE - 1000);
      const progress = { stage: 'recognising speech', fraction: 0.5, message: 'answer 1 of 2' };
      expect(await s().queue.heartbeat(task.id, 'w1', LEASE, progress)).toBe(true);
      expect(await s().queue.heartbeat(task.id, 'intruder', LEASE)).toBe(false);
      clock.advance(LEASE - 1000);
      // Past the first lease, within the extended one: nobody may take it.
      expect(await s().queue.claim('w2', [KIND], LEASE)).toBeNull();
      const read = await s().queue.get(task.id);
      expect(read.progress).toEqual(progress);
      expect(read.updatedAt > claimed!.updatedAt).toBe(true);
    });

    it('completes with a result, only for the holder', async () => {
      const task = await enqueue();
      await s().queue.claim('w1', [KIND], LEASE);
      expect(await s().queue.complete(task.id, 'w2', { scorecardId: 'nope' })).toBe(false);
      expect(await s().queue.complete(task.id, 'w1', { scorecardId: 'sc_1' })).toBe(true);
      expect(await s().queue.get(task.id)).toMatchObject({
        status: 'done',
        result: { scorecardId: 'sc_1' },
        lockedBy: null,
        progress: { stage: 'done', fraction: 1 },
      });
      expect(await s().queue.complete(task.id, 'w1', { scorecardId: 'again' })).toBe(false);
    });

    it('retries a failed attempt after the back-off, then fails for good after the last', async () => {
      const task = await enqueue({}, 2);
      await s().queue.claim('w1', [KIND], LEASE);
      expect(await s().queue.fail(task.id, 'w1', 'engine crashed', { retryDelayMs: 10_000 })).toBe(true);
      expect(await s().queue.get(task.id)).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: 'engine crashed',
        progress: { stage: 'retrying', message: 'engine crashed' },
      });
      expect(await s().queue.claim('w1', [KIND], LEASE)).toBeNull();
      clock.advance(10_100);
      const again = await s().queue.claim('w2', [KIND], LEASE);
      expect(again).toMatchObject({ id: task.id, attempts: 2 });
      expect(await s().queue.fail(task.id, 'w2', 'crashed again', { retryDelayMs: 10_000 })).toBe(true);
      expect(await s().queue.get(task.id)).toMatchObject({ status: 'failed', lastError: 'crashed again' });
      clock.advance(60_000);
      expect(await s().queue.claim('w3', [KIND], LEASE)).toBeNull();
    });

    it('fails bad input at once, without retries', async () => {
      const task = await enqueue();
      await s().queue.claim('w1', [KIND], LEASE);
      const message = 'line 3: expected "-->"';
      expect(await s().queue.fail(task.id, 'w1', message, { retryDelayMs: 0, permanent: true })).toBe(true);
      expect(await s().queue.get(task.id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: message,
      });
    });

    it('gives the task of a worker that died to another once the lease runs out', async () => {
      const task = await enqueue();
      await s().queue.claim('dead', [KIND], LEASE);
      clock.advance(LEASE - 100);
      expect(await s().queue.claim('alive', [KIND], LEASE)).toBeNull();
      clock.advance(200);
      const taken = await s().queue.claim('alive', [KIND], LEASE);
      expect(taken).toMatchObject({ id: task.id, lockedBy: 'alive', attempts: 2 });
      // The dead worker, should it wake up, holds nothing any more.
      expect(await s().queue.heartbeat(task.id, 'dead', LEASE)).toBe(false);
      expect(await s().queue.complete(task.id, 'dead', {})).toBe(false);
      expect(await s().queue.complete(task.id, 'alive', { scorecardId: 'sc_2' })).toBe(true);
    });

    it('marks a task failed when its worker died on the last allowed attempt', async () => {
      const task = await enqueue({}, 1);
      await s().queue.claim('dead', [KIND], LEASE);
      clock.advance(LEASE + 100);
      expect(await s().queue.claim('alive', [KIND], LEASE)).toBeNull();
      const read = await s().queue.get(task.id);
      expect(read).toMatchObject({ status: 'failed', attempts: 1, lockedBy: null });
      expect(read.lastError).toMatch(/lease ran out/);
    });

    it('releases a task back to the queue without counting the attempt', async () => {
      const task = await enqueue();
      await s().queue.claim('w1', [KIND], LEASE);
      expect(await s().queue.release(task.id, 'w2')).toBe(false);
      expect(await s().queue.release(task.id, 'w1')).toBe(true);
      expect(await s().queue.get(task.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
      expect(await s().queue.claim('w2', [KIND], LEASE)).toMatchObject({ id: task.id, attempts: 1 });
    });

    it('lists the tasks of one subject, newest first, exact ids only, in one workspace', async () => {
      const other = await s().workspaces.ensure({ slug: `queue-other-${Date.now()}` });
      const a1 = await enqueue({ interviewId: 'intv_a' });
      clock.advance(1);
      const a2 = await enqueue({ interviewId: 'intv_a' });
      await enqueue({ interviewId: 'intv_ab' });
      await enqueue({ otherKey: 'intv_a' });
      await s().queue.enqueue({ workspaceId: other.id, kind: KIND, payload: { interviewId: 'intv_a' } });
      const listed = await s().queue.listBySubject(workspaceId, 'interviewId', 'intv_a');
      expect(listed.map((t) => t.id)).toEqual([a2.id, a1.id]);
    });
  });
}
