import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../cli/commands/user.js';
import { serve } from '../cli/commands/serve.js';
import { CandorError } from '../core/index.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-serve-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const env = { CANDOR_DATA_DIR: dataDir, PORT: '3000' };

describe('candor serve and candor user create', () => {
  it('hints at `candor user create` on an empty database, then serves a created user over HTTP', async () => {
    const lines: string[] = [];
    const first = await serve({ port: 0, env, logger: false, print: (l) => lines.push(l) });
    await first.close();
    expect(lines[0]).toMatch(/^Candor API listening on http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
    expect(lines).toContainEqual(expect.stringMatching(/candor user create/));
    expect(fs.statSync(path.join(dataDir, 'secret')).isFile()).toBe(true);

    const printed: string[] = [];
    const created = await createUser(
      { email: 'Admin@Example.com', name: 'Ada', role: 'admin' },
      { env, print: (l) => printed.push(l) },
    );
    expect(created.generated).toBe(true);
    expect(printed.join('\n')).toContain(created.password);
    expect(created.user).toMatchObject({ email: 'admin@example.com', role: 'admin' });

    const again: string[] = [];
    const server = await serve({ port: 0, env, logger: false, print: (l) => again.push(l) });
    try {
      expect(again.join('\n')).not.toMatch(/candor user create/);
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.com', password: created.password }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/candor_session=.*HttpOnly/);
    } finally {
      await server.close();
    }
  });

  it('rejects a bad role naming the field, and a taken email with CONFLICT', async () => {
    const bad = await createUser({ email: 'x@example.com', name: 'X', role: 'boss' }, { env }).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(CandorError);
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'role' } });
    const input = { email: 'dup@example.com', name: 'D', role: 'advisor', password: 'long enough pw' };
    await createUser(input, { env, print: () => undefined });
    const dup = await createUser(input, { env, print: () => undefined }).catch((e: unknown) => e);
    expect(dup).toMatchObject({ code: 'CONFLICT' });
  });
});
