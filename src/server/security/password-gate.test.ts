import { describe, expect, it } from 'vitest';
import { createGate } from './password-gate.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createGate', () => {
  it('runs at most the given number of tasks at once, the rest in order', async () => {
    const gate = createGate(2, 10);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) =>
      gate.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        order.push(i);
        running -= 1;
        return i;
      });
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map(task));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('answers RATE_LIMITED with a retry time when the line is full, and frees the slot after a failure', async () => {
    const gate = createGate(1, 1);
    let release: () => void = () => undefined;
    const first = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = gate.run(() => Promise.reject(new Error('bad')));
    await expect(gate.run(() => Promise.resolve())).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 1 },
    });
    release();
    await first;
    await expect(second).rejects.toThrow('bad');
    await expect(gate.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
