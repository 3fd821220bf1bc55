/** Migrations that repair old data: run on a database holding rows written before them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDialect, type StoreTarget } from '../dialect.js';
import { runMigrations } from '../migrate.js';
import { postgresTestSchema } from '../test-helpers.js';
import { migrations } from './index.js';

/** The migrations before `name`. */
function before(name: string): Record<string, (typeof migrations)[string]> {
  return Object.fromEntries(Object.entries(migrations).filter(([key]) => key < name));
}

const T = '2025-01-01T00:00:00.000Z';
const at = (second: number) => `2025-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;

function describeUpgrades(name: string, target: () => StoreTarget): void {
  describe(`upgrading old data on ${name}`, () => {
    it('0004-upload-positions keeps every recording that shared a position, the newest at it', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });  
      const options = { schema: built.migrationSchema };
      try {
        await runMigrations(db, before('0004-upload-positions'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        for (const id of ['iv1', 'iv2'])
          await db
            .insertInto('interview')
            .values({ id, workspace_id: 'ws', kind: 'async', created_at: T })
            .execute();
        const media = (id: string, interview: string, position: number, second: number) => ({
          id,
          workspace_id: 'ws',
          interview_id: interview,
          position,
          file_name: `${id}.wav`,
          storage_path: `ws/${interview}/${id}.wav`,
          content_type: 'audio/wav',
          bytes: 1,
          sha256: 'x',
          created_at: at(second),
        });
        await db
          .insertInto('media')
          .values([
            media('a', 'iv1', 0, 1),
            media('b', 'iv1', 0, 3), // newest at 0: keeps it
            media('c', 'iv1', 0, 2),
            media('d', 'iv1', 1, 4),
            media('e', 'iv2', 0, 5),
          ])
          .execute();
        await runMigrations(db, migrations, options);
        const rows = await db
          .selectFrom('media')
          .select(['id', 'interview_id', 'position'])
          .orderBy('interview_id')
          .orderBy('position')
          .execute();
        expect(rows.map((r) => [r.interview_id, r.position, r.id])).toEqual([
          ['iv1', 0, 'b'],
          ['iv1', 1, 'd'],
          ['iv1', 2, 'a'],
          ['iv1', 3, 'c'],
          ['iv2', 0, 'e'],
        ]);
        const again = db
          .insertInto('media')
          .values(media('f', 'iv1', 1, 6))
          .execute();
        await expect(again).rejects.toThrow();
      } finally {
        await db.destroy();
      }
    });
  });
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-upgrade-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
let n = 0;
describeUpgrades('sqlite', () => ({ kind: 'sqlite', file: path.join(tempDir, `db-${++n}.sqlite`) }));

const databaseUrl = process.env.TEST_DATABASE_URL;
const pgSchemas: Array<() => Promise<void>> = [];
describe.skipIf(!databaseUrl)('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(async () => {
    for (const drop of pgSchemas) await drop();
  });
  describeUpgrades('postgres', () => {
    const { schema, drop } = postgresTestSchema(`candor_upgrade_${++n}`, databaseUrl);
    pgSchemas.push(drop);
    return { kind: 'postgres', url: databaseUrl ?? '', schema };
  });
});
