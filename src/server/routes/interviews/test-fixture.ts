/** A running app with a workspace of every role, and another workspace, for the interview route suites. */
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { hiringFixture, tempDir, type HiringFixture } from '../../../pipeline/test-helpers.js';
import type { Store, UserRecord, UserRole } from '../../../store/index.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';
import type { ServerConfig } from '../../config.js';

/** Who can call: each role of the main workspace, a second student, and people of another workspace. */
export type Caller = UserRole | 'student2' | 'outsider' | 'outsiderStudent';

export interface RouteFixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly config: ServerConfig;
  readonly users: Record<Caller, UserRecord>;
  /** A job, candidate and application in the main workspace. */
  readonly hiring: HiringFixture;
  /** The same in the other workspace. */
  readonly elsewhere: HiringFixture;
  /** Sends a request as `caller` (a bearer token), or anonymously with `null`. */
  as(caller: Caller | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const CALLERS: readonly (readonly [Caller, UserRole, 'main' | 'other'])[] = [
  ['admin', 'admin', 'main'],
  ['recruiter', 'recruiter', 'main'],
  ['hiring_manager', 'hiring_manager', 'main'],
  ['advisor', 'advisor', 'main'],
  ['candidate', 'candidate', 'main'],
  ['student2', 'candidate', 'main'],
  ['outsider', 'recruiter', 'other'],
  ['outsiderStudent', 'candidate', 'other'],
];

/**
 * Opens the store, fills two workspaces and builds the app with a fresh media folder.
 * @example const fx = await routeFixture(open, 'uploads', { uploadLimitBytes: 2 * 1024 * 1024 })
 */
export async function routeFixture(
  open: () => Promise<Store>,
  name: string,
  overrides: Partial<ServerConfig> = {},
): Promise<RouteFixture> {
  const store = await open();
  const media = tempDir('candor-routes-media-');
  const config: ServerConfig = { ...testConfig, mediaDir: path.join(media.dir, 'media'), ...overrides };
  const stamp = `${name}-${process.pid}-${Date.now()}`;
  const hiring = await hiringFixture(store, `main-${stamp}`);
  const elsewhere = await hiringFixture(store, `other-${stamp}`);
  const users = {} as Record<Caller, UserRecord>;
  const tokens = {} as Record<Caller, string>;
  for (const [caller, role, where] of CALLERS) {
    const user = await store.users.create({
      workspaceId: where === 'main' ? hiring.workspaceId : elsewhere.workspaceId,
      email: `${caller.toLowerCase()}.${stamp}@example.com`,
      name: caller,
      role,
      password: 'correct horse battery staple',
    });
    users[caller] = user;
    tokens[caller] = (await store.users.createApiToken(user.id, 'tests')).token;
  }
  const app = await buildApp({ store, config });
  return {
    app,
    store,
    config,
    users,
    hiring,
    elsewhere,
    as: (caller, options) =>
      app.inject({
        ...options,
        headers: {
          ...(options.headers ?? {}),
          ...(caller === null ? {} : { authorization: `Bearer ${tokens[caller]}` }),
        },
      }),
    close: async () => {
      await app.close();
      await store.close();
      media.cleanup();
    },
  };
}

/** A part of a multipart/form-data body: a field, or a file. */
/**
 * A live interview of the fixture's application (created by the recruiter) and a practice
 * interview of the main workspace's student, the two kinds the transcript routes treat apart.
 * @example const { interviewId, practiceId } = await liveAndPracticeInterviews(fx)
 */
export async function liveAndPracticeInterviews(
  fx: RouteFixture,
): Promise<{ interviewId: string; practiceId: string }> {
  const created = await fx.as('recruiter', {
    method: 'POST',
    url: '/api/v1/interviews',
    payload: { applicationId: fx.hiring.applicationId, kind: 'live' },
  });
  const practice = await fx.as('candidate', {
    method: 'POST',
    url: '/api/v1/practice',
    payload: { questionSetId: 'default', questionId: 'conflict-remote' },
  });
  return { interviewId: created.json<{ id: string }>().id, practiceId: practice.json<{ id: string }>().id };
}

export type FormPart =
  | { readonly name: string; readonly value: string }
  | {
      readonly name: string;
      readonly filename: string;
      readonly contentType?: string;
      readonly data: Buffer;
    };

export const BOUNDARY = 'candor-test-boundary-7MA4YWxkTrZu0gW';

/**
 * A multipart/form-data body (RFC 7578) and its content type.
 * @example const { payload, headers } = multipart([{ name: 'file', filename: 'a.wav', data }])
 */
export function multipart(parts: readonly FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      'data' in part
        ? `form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}`
        : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push('data' in part ? part.data : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/**
 * A real recording made in code: 16 kHz mono 16-bit PCM WAV of a 220 Hz tone.
 * @example const wav = toneWav(1) // one second, 32 044 bytes
 */
export function toneWav(seconds: number): Buffer {
  const rate = 16_000;
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / rate)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The error code of a response, for compact assertions. */
export const codeOf = (res: LightMyRequestResponse): string | undefined =>
  (res.json<{ error?: { code?: string } }>().error ?? {}).code;
