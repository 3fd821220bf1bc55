import { describe, expect, it } from 'vitest';
import { ChunkUploader } from '../web/src/pages/take/chunk-uploader.js';

/** The shape of the web client's ApiError that the uploader reads. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A fake server for one recording: holds bytes, answers the PUT/offset protocol of /take. */
function fakeServer() {
  const held: number[] = [];
  const calls: number[] = [];
  const faults: ('network' | 'lost-answer' | 'gone')[] = [];
  const send = async (offset: number, chunk: Blob): Promise<{ bytes: number }> => {
    calls.push(offset);
    const fault = faults.shift();
    if (fault === 'network') throw new ApiError(0, 'NETWORK', 'offline');
    if (fault === 'gone') throw new ApiError(410, 'LINK_INVALID', 'revoked', { reason: 'revoked' });
    if (offset !== held.length) {
      throw new ApiError(409, 'CONFLICT', `holds ${held.length}`, { bytes: held.length });
    }
    held.push(...new Uint8Array(await chunk.arrayBuffer()));
    // The request arrived but its answer was lost: the client must resync from the 409.
    if (fault === 'lost-answer') throw new ApiError(0, 'NETWORK', 'offline');
    return { bytes: held.length };
  };
  return { held, calls, faults, send };
}

const bytes = (...values: number[]) => new Blob([new Uint8Array(values)]);

describe('ChunkUploader (the candidate page’s resumable upload)', () => {
  it('sends the chunks in order and reports the recording time saved', async () => {
    const server = fakeServer();
    const seen: number[] = [];
    const up = new ChunkUploader(server.send, (p) => seen.push(p.savedSeconds));
    up.push(bytes(1, 2, 3), 2);
    up.push(bytes(4, 5), 4);
    up.push(bytes(6), 5.2);
    await up.drain();
    expect(server.held).toEqual([1, 2, 3, 4, 5, 6]);
    expect(up.progress).toMatchObject({ savedBytes: 6, totalBytes: 6, savedSeconds: 5.2, retrying: false });
    expect(seen.at(-1)).toBe(5.2);
  });

  it('retries after a network error and resyncs when a lost answer had in fact arrived', async () => {
    const server = fakeServer();
    server.faults.push('network', 'lost-answer');
    const up = new ChunkUploader(server.send);
    up.push(bytes(1, 2), 2);
    up.push(bytes(3, 4), 4);
    await up.drain();
    expect(server.held).toEqual([1, 2, 3, 4]);
    // 0 (network error), 0 (arrived, answer lost), 0 (409: holds 2), 2.
    expect(server.calls).toEqual([0, 0, 0, 2]);
  });

  it('stops on an answer that retrying cannot fix, and says why', async () => {
    const server = fakeServer();
    server.faults.push('gone');
    const up = new ChunkUploader(server.send);
    up.push(bytes(1), 2);
    await expect(up.drain()).rejects.toMatchObject({ status: 410, code: 'LINK_INVALID' });
  });
});
