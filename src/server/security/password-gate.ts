import { CandorError } from '../../core/index.js';

/** Runs at most `concurrency` tasks at once; the rest wait in order, up to `maxWaiting`. */
export interface Gate {
  /** @throws CandorError('RATE_LIMITED', …, { retryAfterSeconds: 1 }) when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting now. */
  readonly load: () => { running: number; waiting: number };
}

/**
 * A concurrency cap for password checks. scrypt runs on libuv's thread pool (4 threads), which
 * also reads files: a flood of sign-ins filling every thread made a media download wait 10 s. With
 * one check at a time the other threads stay free, and a full line answers 429 at once.
 *
 * @example const gate = createGate(1, 64); await gate.run(() => store.users.verifyPassword(ws, email, pw))
 */
export function createGate(concurrency: number, maxWaiting: number): Gate {
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    async run(task) {
      if (running < concurrency) {
        running += 1;
      } else {
        if (waiting.length >= maxWaiting) {
          throw new CandorError('RATE_LIMITED', 'too many sign-ins at once; try again in a second', {
            retryAfterSeconds: 1,
          });
        }
        // The finishing task hands its slot straight to the first in line.
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next === undefined) running -= 1;
        else next();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
