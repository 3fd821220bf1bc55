import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { violatesUnique } from './dialect.js';
import { createDialect, openStore } from './index.js';
import { MEDIA_POSITION_KEY } from './repositories/media.js';
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

describe('violatesUnique', () => {
  it('tells a violation of the key asked about from one of another key of the table', async () => {
    const store = await openStore({ dataDir: path.join(tempDir, 'unique') });
    try {
      const { workspaceId } = await seedRecording(store);
      const error = (write: Promise<unknown>) =>
        write.then(
          () => null,
          (e: unknown) => e,
        );
      const row = (id: string, position: number) =>
        sql`insert into media (id, workspace_id, interview_id, position, file_name, storage_path, content_type, bytes, sha256, created_at)
          values (${id}, ${workspaceId}, 'iv', ${position}, 'a', 'a', 'audio/wav', 1, 'x', '2025-01-01')`.execute(
          store.db,
        );
      const samePosition = await error(row('m2', 0));
      const sameId = await error(row('m1', 1));
      expect(violatesUnique(samePosition, MEDIA_POSITION_KEY)).toBe(true);
      expect(violatesUnique(sameId, MEDIA_POSITION_KEY)).toBe(false);
      expect(
        violatesUnique(
          new Error('UNIQUE constraint failed: media.interview_id, media.position'),
          MEDIA_POSITION_KEY,
        ),
      ).toBe(false);
    } finally {
      await store.close();
    }
  });
});

async function seedRecording(store: Awaited<ReturnType<typeof openStore>>): Promise<{ workspaceId: string }> {
  const ws = await store.workspaces.ensure({ slug: 'unique' });
  await sql`insert into interview (id, workspace_id, kind, created_at) values ('iv', ${ws.id}, 'async', '2025-01-01')`.execute(
    store.db,
  );
  await sql`insert into media (id, workspace_id, interview_id, position, file_name, storage_path, content_type, bytes, sha256, created_at)
    values ('m1', ${ws.id}, 'iv', 0, 'a', 'a', 'audio/wav', 1, 'x', '2025-01-01')`.execute(store.db);
  return { workspaceId: ws.id };
}
