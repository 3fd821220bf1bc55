import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { createDialect, openStore } from './index.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-dialect-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

describe('createDialect', () => {
  it('opens SQLite with WAL, foreign keys and a busy timeout, creating nested data folders', async () => {
    const store = await openStore({ dataDir: path.join(tempDir, 'a', 'b') });
    try {
      const pragma = async (name: string) => {
        const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(store.kind).toBe('sqlite');
    } finally {
      await store.close();
    }
  });

  it('refuses a PostgreSQL schema name that is not a plain identifier', () => {
    const attempt = () =>
      createDialect({ kind: 'postgres', url: 'postgres://localhost/x', schema: 'x"; drop' });
    expect(attempt).toThrow(CandorError);
    expect(attempt).toThrow(/schema "x"; drop"/);
  });

  it('reports an unreachable PostgreSQL server as a CandorError, not a hang', async () => {
    // Port 1 is reserved (tcpmux) and closed here: the connection is refused at once.
    const opening = openStore({ dataDir: tempDir, databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    await expect(opening).rejects.toMatchObject({ code: 'INTERNAL', details: { migration: null } });
    await expect(opening).rejects.toThrow(/database setup failed before any migration ran/);
  });
});
