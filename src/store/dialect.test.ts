import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { createDialect, openStore } from './index.js';
import { preparedQuery } from './repositories/rows.js';

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

describe('preparedQuery', () => {
  it('compiles once and runs with each value; refuses a query that does not use its parameter exactly once', async () => {
    const store = await openStore({ dataDir: path.join(tempDir, 'prepared') });
    try {
      const ws = await store.workspaces.ensure({ slug: 'prepared' });
      const other = await store.workspaces.ensure({ slug: 'prepared-2' });
      const bySlug = preparedQuery(store.db, (slug) =>
        store.db.selectFrom('workspace').select('id').where('slug', '=', slug),
      );
      expect(await bySlug('prepared')).toEqual([{ id: ws.id }]);
      expect(await bySlug('prepared-2')).toEqual([{ id: other.id }]);
      expect(await bySlug('none')).toEqual([]);
      const unused = preparedQuery(store.db, () => store.db.selectFrom('workspace').select('id'));
      await expect(unused('x')).rejects.toThrow(/prepared query must use its parameter once/);
      const twice = preparedQuery(store.db, (slug) =>
        store.db.selectFrom('workspace').select('id').where('slug', '=', slug).where('name', '=', slug),
      );
      await expect(twice('x')).rejects.toThrow(/prepared query must use its parameter once/);
    } finally {
      await store.close();
    }
  });
});
