// No imports: this file is also type-checked and tested under Node (test/chunk-uploader.test.ts).

/** Sends the bytes `[offset, offset + chunk.size)`; answers the bytes the server now holds. */
export type SendChunk = (offset: number, chunk: Blob) => Promise<{ bytes: number }>;

/** What the uploader has confirmed: bytes the server holds and the recording time they cover. */
export interface UploadProgress {
  readonly savedBytes: number;
  readonly totalBytes: number;
  /** Seconds of recording safely on the server (the time of the last whole chunk it holds). */
  readonly savedSeconds: number;
  /** Set while the network is down and the uploader waits to try again. */
  readonly retrying: boolean;
}

/** Back-off between tries after a network error: 0.5 s doubling to at most 8 s. */
const backoffMs = (tries: number) => Math.min(8000, 500 * 2 ** tries);

const sleep = (ms: number) => new Promise<void>((resolve) => globalThis.setTimeout(resolve, ms));

/** The HTTP status of a failed call (ApiError's `status`; 0 = unreachable), if it has one. */
function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** Network failures and server hiccups are retried; other answers (410, 413, …) end the upload. */
function retryable(error: unknown): boolean {
  const status = statusOf(error);
  return status === null || status === 0 || status >= 500;
}

/** The bytes the server holds, from a 409's `details.bytes` (send again from there). */
function heldBytesOf(error: unknown): number | null {
  if (statusOf(error) !== 409) return null;
  const bytes = (error as { details?: { bytes?: unknown } }).details?.bytes;
  return typeof bytes === 'number' ? bytes : null;
}

/**
 * Uploads a recording's chunks as they arrive, one request at a time, each at the offset the server
 * holds: network errors are retried with back-off, and a 409 resyncs to the server's `details.bytes`
 * (all chunks stay in memory until the take is finished, so any offset can be sent again).
 *
 * @example
 * const up = new ChunkUploader((offset, blob) => takeApi.sendChunk(t, p, a, offset, blob), setProgress)
 * recorder.ondataavailable = (e) => up.push(e.data, elapsedSeconds); … await up.drain()
 */
export class ChunkUploader {
  private readonly chunks: Blob[] = [];
  /** End offset of each chunk and the recording time (seconds) when it arrived. */
  private readonly ends: { bytes: number; seconds: number }[] = [];
  private total = 0;
  private confirmed = 0;
  private running: Promise<void> | null = null;
  private failure: Error | null = null;
  private retrying = false;

  constructor(
    private readonly send: SendChunk,
    private readonly onProgress: (progress: UploadProgress) => void = () => undefined,
  ) {}

  /** Queues a chunk (recorded up to `seconds`) and starts sending if idle. */
  push(chunk: Blob, seconds: number): void {
    if (chunk.size === 0) return;
    this.chunks.push(chunk);
    this.total += chunk.size;
    this.ends.push({ bytes: this.total, seconds });
    this.report();
    this.kick();
  }

  /** Resolves when the server holds every queued byte; rejects with the error that ended the upload. */
  async drain(): Promise<void> {
    while (this.running !== null) await this.running;
    if (this.failure !== null) throw this.failure;
    if (this.confirmed < this.total) {
      this.kick();
      return this.drain();
    }
  }

  get progress(): UploadProgress {
    const whole = this.ends.filter((end) => end.bytes <= this.confirmed);
    return {
      savedBytes: this.confirmed,
      totalBytes: this.total,
      savedSeconds: whole.length > 0 ? (whole[whole.length - 1]?.seconds ?? 0) : 0,
      retrying: this.retrying,
    };
  }

  private report(): void {
    this.onProgress(this.progress);
  }

  private kick(): void {
    if (this.running !== null || this.failure !== null) return;
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** The bytes from `offset` to the end of the chunk that holds it. */
  private sliceFrom(offset: number): Blob {
    let start = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i] as Blob;
      const end = start + chunk.size;
      if (offset < end) return chunk.slice(offset - start);
      start = end;
    }
    return new Blob([]);
  }

  private async loop(): Promise<void> {
    let tries = 0;
    while (this.confirmed < this.total) {
      const offset = this.confirmed;
      try {
        const { bytes } = await this.send(offset, this.sliceFrom(offset));
        this.confirmed = Math.min(bytes, this.total);
        tries = 0;
        this.retrying = false;
      } catch (error) {
        const held = heldBytesOf(error);
        if (held !== null && held <= this.total) {
          // The server holds a different amount (a retried request that did arrive): send from there.
          this.confirmed = held;
        } else if (retryable(error)) {
          this.retrying = true;
          this.report();
          await sleep(backoffMs(tries++));
        } else {
          this.failure = error instanceof Error ? error : new Error(String(error));
          this.report();
          return;
        }
      }
      this.report();
    }
  }
}
