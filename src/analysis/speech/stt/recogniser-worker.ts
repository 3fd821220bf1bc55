import { Worker } from 'node:worker_threads';
import { CandorError } from '../../../core/index.js';

/**
 * A word as a worker reports it: text, its start/end in the engine's time unit, and the engine's
 * own confidence in it (0–1) when it gives one.
 */
export type RawWord = readonly [text: string, start: number, end: number, confidence?: number];

type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'words'; readonly id: number; readonly words: RawWord[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

interface Pending {
  resolve(words: RawWord[]): void;
  reject(error: Error): void;
}

/**
 * A native recogniser on a worker thread, so its long synchronous calls never block the main
 * thread. The worker is plain JavaScript evaluated from a string (`eval: true`), so it runs the same
 * from src/ under Vitest and from dist/. Protocol: it posts `ready` or `failed` once, then answers
 * each `{ type: 'decode', id, samples }` with `words` or `error`, in order; `close` ends it.
 *
 * The thread is referenced while the model loads and while work is queued, never when idle, so an
 * idle recogniser does not keep the process alive.
 */
export class RecogniserWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  private exited = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly engine: string,
    source: string,
    workerData: unknown,
  ) {
    this.worker = new Worker(source, { eval: true, workerData });
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') return resolve();
        if (reply.type === 'failed') {
          return reject(
            this.fail(new CandorError('ASSET_MISSING', `${engine}: ${reply.message}`, { engine })),
          );
        }
        const job = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        this.idleCheck();
        if (reply.type === 'words') job?.resolve(reply.words);
        else job?.reject(new CandorError('INTERNAL', `${engine}: ${reply.message}`, { engine }));
      });
      this.worker.on('error', (error) => reject(this.fail(error)));
      this.worker.on('exit', (code) => {
        this.exited = true;
        reject(this.fail(new Error(`${engine} worker exited (code ${code})`)));
      });
    });
    this.ready.then(
      () => this.idleCheck(),
      () => undefined,
    );
  }

  /** Whether the worker died or could not load; callers replace a failed worker. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /**
   * Recognises one utterance; the samples' buffer is transferred to the worker (copied first when
   * it is a view on a larger buffer).
   * @example const words = await worker.decode(utterance.samples)
   */
  async decode(samples: Int16Array | Float32Array): Promise<RawWord[]> {
    await this.ready;
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    const result = new Promise<RawWord[]>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.worker.ref();
    const own =
      samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength
        ? samples
        : samples.slice();
    this.worker.postMessage({ type: 'decode', id, samples: own }, [own.buffer as ArrayBuffer]);
    return result;
  }

  /** Frees the native model and ends the thread (forcibly after 5 s). */
  async close(): Promise<void> {
    this.fail(new Error(`${this.engine} closed`));
    if (this.exited) return;
    this.worker.postMessage({ type: 'close' });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void this.worker.terminate().then(() => resolve()), 5000);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private idleCheck(): void {
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(error: Error): Error {
    this.failure ??= error;
    for (const job of this.pending.values()) job.reject(this.failure);
    this.pending.clear();
    this.worker.unref();
    return this.failure;
  }
}
