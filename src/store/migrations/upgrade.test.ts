/** Migrations that repair old data: run on a database holding rows written before them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltinFrameworks, loadQuestionSet } from '../../assessment/index.js';
import type { QuestionSet } from '../../domain/index.js';
import { createDialect, matchingSegments, type StoreTarget } from '../dialect.js';
import { parseSearchQuery, searchFacets, toFts5Match } from '../search-query.js';
import { runMigrations } from '../migrate.js';
import { postgresTestSchema } from '../test-helpers.js';
import { migrations } from './index.js';
import { need, requires } from '../../test-helpers.js';

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

    it('0005-workspace-catalogue scopes ids per workspace and removes copies of built-ins, losing no job or question', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      const builtIn = loadQuestionSet('default');
      const builtInFramework = listBuiltinFrameworks().find((fw) => fw.id === 'default')!;
      try {
        await runMigrations(db, before('0005-workspace-catalogue'), options);
        for (const ws of ['demo', 'edited', 'own'])
          await db.insertInto('workspace').values({ id: ws, slug: ws, name: ws, created_at: T }).execute();
        const saveSet = async (
          id: string,
          workspace: string,
          name: string,
          questions: QuestionSet['questions'],
        ) => {
          await db
            .insertInto('question_set')
            .values({ id, workspace_id: workspace, name, version: builtIn.version, updated_at: T })
            .execute();
          await db
            .insertInto('question')
            .values(
              questions.map((q, position) => ({
                question_set_id: id,
                id: q.id,
                position,
                text: q.text,
                competencies: JSON.stringify(q.competencies),
                key_points: JSON.stringify(q.keyPoints),
                follow_up: q.followUp ?? null,
              })),
            )
            .execute();
        };
        // What `serve --demo` used to store: the built-in set as the demo's own row, unchanged.
        await saveSet('default', 'demo', builtIn.name, builtIn.questions);
        await saveSet('sdr', 'own', 'SDR', builtIn.questions.slice(0, 2));
        const job = (
          id: string,
          workspace: string,
          questionSet: string | null,
          framework: string | null,
        ) => ({
          id,
          workspace_id: workspace,
          title: id,
          description: '',
          skills: '[]',
          framework_id: framework,
          question_set_id: questionSet,
          created_at: T,
        });
        await db
          .insertInto('job')
          .values([job('job-demo', 'demo', 'default', 'default'), job('job-own', 'own', 'sdr', null)])
          .execute();
        await db
          .insertInto('framework')
          .values([
            {
              id: 'default',
              version: builtInFramework.version,
              workspace_id: 'demo',
              name: builtInFramework.name,
              definition: JSON.stringify(builtInFramework),
              created_at: T,
            },
          ])
          .execute();

        await runMigrations(db, migrations, options);

        const sets = await db
          .selectFrom('question_set')
          .select(['id', 'workspace_id'])
          .orderBy('id')
          .execute();
        expect(sets).toEqual([{ id: 'sdr', workspace_id: 'own' }]);
        expect(await db.selectFrom('framework').selectAll().execute()).toEqual([]);
        const jobs = await db
          .selectFrom('job')
          .select(['id', 'question_set_id', 'framework_id'])
          .orderBy('id')
          .execute();
        expect(jobs).toEqual([
          { id: 'job-demo', question_set_id: 'default', framework_id: 'default' },
          { id: 'job-own', question_set_id: 'sdr', framework_id: null },
        ]);
        const questions = await db
          .selectFrom('question')
          .select(['question_set_key', 'id'])
          .orderBy('position')
          .execute();
        expect(questions.map((q) => q.id)).toEqual(builtIn.questions.slice(0, 2).map((q) => q.id));

        // Ids are now per workspace: another workspace may hold `sdr` too, one workspace not twice.
        const set = (key: string, workspace: string | null) => ({
          key,
          id: 'sdr',
          workspace_id: workspace,
          name: 'x',
          version: '1',
          updated_at: T,
        });
        await db.insertInto('question_set').values(set('k-edited', 'edited')).execute();
        await expect(db.insertInto('question_set').values(set('k-again', 'own')).execute()).rejects.toThrow();
        await db.insertInto('question_set').values(set('k-builtin', null)).execute();
        await expect(
          db.insertInto('question_set').values(set('k-builtin-2', null)).execute(),
        ).rejects.toThrow();
        // A job may name a set that lives only in a file: no foreign key is left on it.
        await db
          .insertInto('job')
          .values(job('job-file', 'own', 'only-in-a-file', null))
          .execute();
      } finally {
        await db.destroy();
      }
    });

    it('0005-workspace-catalogue renames a changed copy of a built-in, and its jobs follow', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      const builtIn = loadQuestionSet('default');
      try {
        await runMigrations(db, before('0005-workspace-catalogue'), options);
        await db
          .insertInto('workspace')
          .values({ id: 'ws', slug: 'ws', name: 'ws', created_at: T })
          .execute();
        await db
          .insertInto('question_set')
          .values({ id: 'default', workspace_id: 'ws', name: 'Edited', version: '1', updated_at: T })
          .execute();
        const q = builtIn.questions[0]!;
        await db
          .insertInto('question')
          .values({
            question_set_id: 'default',
            id: q.id,
            position: 0,
            text: q.text,
            competencies: '[]',
            key_points: '[]',
            follow_up: null,
          })
          .execute();
        await db
          .insertInto('job')
          .values({
            id: 'job',
            workspace_id: 'ws',
            title: 'j',
            description: '',
            skills: '[]',
            question_set_id: 'default',
            created_at: T,
          })
          .execute();
        await runMigrations(db, migrations, options);
        expect(await db.selectFrom('question_set').select(['id', 'name']).execute()).toEqual([
          { id: 'default-own', name: 'Edited' },
        ]);
        expect(await db.selectFrom('job').select('question_set_id').execute()).toEqual([
          { question_set_id: 'default-own' },
        ]);
        expect(await db.selectFrom('question').select('id').execute()).toEqual([{ id: q.id }]);
      } finally {
        await db.destroy();
      }
    });

    it('0008-ratings moves human ratings to their interviews (newest per key wins) and drops human_rating', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      try {
        await runMigrations(db, before('0008-ratings'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        await db
          .insertInto('interview')
          .values({ id: 'iv', workspace_id: 'ws', kind: 'async', created_at: T })
          .execute();
        const scorecard = (id: string) => ({
          id,
          interview_id: 'iv',
          framework_id: 'default',
          framework_version: '1',
          engine_version: '0',
          overall_score: 50,
          content_hash: id,
          body: '{}',
          created_at: T,
        });
        await db
          .insertInto('scorecard')
          .values([scorecard('sc1'), scorecard('sc2')])
          .execute();
        const old = (id: string, sc: string, competency: string, score: number, second: number) => ({
          id,
          scorecard_id: sc,
          competency_id: competency,
          rater: 'usr_1',
          score,
          note: id === 'hr3' ? 'kept' : null,
          created_at: at(second),
        });
        await db
          .insertInto('human_rating')
          .values([
            old('hr1', 'sc1', 'communication', 40, 1),
            old('hr2', 'sc2', 'communication', 80, 2), // same interview, rater and target: newest wins
            old('hr3', 'sc1', 'ownership', 25, 3),
          ])
          .execute();
        await runMigrations(db, migrations, options);
        const rows = await db
          .selectFrom('rating')
          .select([
            'id',
            'interview_id',
            'answer',
            'target',
            'score',
            'scale_min',
            'scale_max',
            'normalised',
            'note',
          ])
          .orderBy('target')
          .execute();
        expect(rows).toEqual([
          {
            id: 'hr2',
            interview_id: 'iv',
            answer: null,
            target: 'communication',
            score: 80,
            scale_min: 0,
            scale_max: 100,
            normalised: 0.8,
            note: null,
          },
          {
            id: 'hr3',
            interview_id: 'iv',
            answer: null,
            target: 'ownership',
            score: 25,
            scale_min: 0,
            scale_max: 100,
            normalised: 0.25,
            note: 'kept',
          },
        ]);
        await expect(db.selectFrom('human_rating').selectAll().execute()).rejects.toThrow();
      } finally {
        await db.destroy();
      }
    });

    it('0010-demographics lets app_user take the auditor role, keeping users, sessions and tokens', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      try {
        await runMigrations(db, before('0010-demographics'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        const user = (id: string, role: string) => ({
          id,
          workspace_id: 'ws',
          email: `${id}@x.test`,
          name: id,
          role,
          password_hash: 'h',
          created_at: T,
        });
        await db.insertInto('app_user').values(user('u1', 'admin')).execute();
        await expect(db.insertInto('app_user').values(user('u0', 'auditor')).execute()).rejects.toThrow();
        await db
          .insertInto('session')
          .values({ id: 's1', user_id: 'u1', expires_at: T, created_at: T })
          .execute();
        await db
          .insertInto('api_token')
          .values({ id: 't1', user_id: 'u1', name: 'n', token_hash: 'th', created_at: T })
          .execute();
        await runMigrations(db, migrations, options);
        await db.insertInto('app_user').values(user('u2', 'auditor')).execute();
        await expect(db.insertInto('app_user').values(user('u3', 'overlord')).execute()).rejects.toThrow();
        await expect(db.insertInto('app_user').values(user('u1', 'admin')).execute()).rejects.toThrow();
        expect(await db.selectFrom('session').select('user_id').execute()).toEqual([{ user_id: 'u1' }]);
        expect(await db.selectFrom('api_token').select('id').execute()).toEqual([{ id: 't1' }]);
        // Cascades still hold after the rebuild: deleting the user takes the session with it.
        await db.deleteFrom('app_user').where('id', '=', 'u1').execute();
        expect(await db.selectFrom('session').selectAll().execute()).toEqual([]);
      } finally {
        await db.destroy();
      }
    });

    it('0013-workspace-settings keeps users active with their sessions and tokens; settings start empty', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      try {
        await runMigrations(db, before('0013-workspace-settings'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        await db
          .insertInto('app_user')
          .values({
            id: 'u1',
            workspace_id: 'ws',
            email: 'u1@x.test',
            name: 'U',
            role: 'admin',
            password_hash: 'h',
            created_at: T,
          })
          .execute();
        await db
          .insertInto('api_token')
          .values({ id: 't1', user_id: 'u1', name: 'n', token_hash: 'th', created_at: T })
          .execute();
        await runMigrations(db, migrations, options);
        expect(await db.selectFrom('app_user').select(['id', 'deactivated_at']).execute()).toEqual([
          { id: 'u1', deactivated_at: null },
        ]);
        expect(await db.selectFrom('api_token').select('id').execute()).toEqual([{ id: 't1' }]);
        expect(await db.selectFrom('workspace_settings').selectAll().execute()).toEqual([]);
        const settings = (days: number) => ({
          workspace_id: 'ws',
          response_target_days: days,
          score_voice: 0,
          updated_by: 'u1',
          updated_at: T,
        });
        // The database itself refuses a response target outside 1–60 business days.
        await expect(db.insertInto('workspace_settings').values(settings(0)).execute()).rejects.toThrow();
        await db.insertInto('workspace_settings').values(settings(5)).execute();
        // Deleting a workspace takes its settings and activity with it.
        await db
          .insertInto('activity')
          .values({
            id: 'a1',
            workspace_id: 'ws',
            actor: 'u1',
            action: 'settings.changed',
            subject_type: 'workspace',
            subject_id: 'ws',
            summary: 's',
            details: '{}',
            occurred_at: T,
          })
          .execute();
        await db.deleteFrom('api_token').execute();
        await db.deleteFrom('app_user').execute();
        await db.deleteFrom('workspace').execute();
        expect(await db.selectFrom('workspace_settings').selectAll().execute()).toEqual([]);
        expect(await db.selectFrom('activity').selectAll().execute()).toEqual([]);
      } finally {
        await db.destroy();
      }
    });

    it('0021-interview-metadata allows sales, dates old interviews by created_at, keeps segments and cascades', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      try {
        await runMigrations(db, before('0021-interview-metadata'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        const interview = (id: string, kind: string) => ({ id, workspace_id: 'ws', kind, created_at: at(7) });
        await expect(db.insertInto('interview').values(interview('s0', 'sales')).execute()).rejects.toThrow();
        await db.insertInto('interview').values(interview('iv1', 'customer')).execute();
        await db
          .insertInto('transcript_segment')
          .values({ id: 'seg1', interview_id: 'iv1', position: 0, speaker: 'A', text: 'hello' })
          .execute();
        await runMigrations(db, migrations, options);
        expect(
          await db.selectFrom('interview').select(['id', 'kind', 'occurred_at', 'account']).execute(),
        ).toEqual([{ id: 'iv1', kind: 'customer', occurred_at: at(7), account: null }]);
        await db.insertInto('interview').values(interview('s1', 'sales')).execute();
        await expect(
          db.insertInto('interview').values(interview('x', 'podcast')).execute(),
        ).rejects.toThrow();
        expect(await db.selectFrom('transcript_segment').select('id').execute()).toEqual([{ id: 'seg1' }]);
        // The rebuilt table still takes its transcript with it when deleted.
        await db.deleteFrom('interview').where('id', '=', 'iv1').execute();
        expect(await db.selectFrom('transcript_segment').select('id').execute()).toEqual([]);
      } finally {
        await db.destroy();
      }
    });

    it('0022-search finds the segments stored before it, and is undone by its down', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      const matching = async (word: string) => {
        const found = await sql<{ id: string }>`select id from (${matchingSegments(
          built.kind,
          parseSearchQuery(word),
        )}) m order by id`.execute(db);
        return found.rows.map((r) => r.id);
      };
      try {
        await runMigrations(db, before('0022-search'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        await db
          .insertInto('interview')
          .values({ id: 'iv', workspace_id: 'ws', kind: 'exit', created_at: T })
          .execute();
        const segment = (id: string, position: number, text: string) => ({
          id,
          interview_id: 'iv',
          position,
          text,
        });
        await db
          .insertInto('transcript_segment')
          .values([segment('s1', 0, 'The commute was long.'), segment('s2', 1, 'Commuting by train.')])
          .execute();
        await runMigrations(db, migrations, options);
        expect(await matching('commute')).toEqual(['s1', 's2']);
        await db
          .insertInto('transcript_segment')
          .values(segment('s3', 2, 'A shorter commute.'))
          .execute();
        expect(await matching('commute')).toEqual(['s1', 's2', 's3']);
        await migrations['0022-search']?.down?.(db);
        await expect(matching('commute')).rejects.toThrow();
      } finally {
        await db.destroy();
      }
    });

    it('0023-knowledge-tags makes the tables, refuses an unknown tag kind or a repeated name, and is undone by its down', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      try {
        await runMigrations(db, before('0023-knowledge-tags'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        await db
          .insertInto('interview')
          .values({ id: 'iv', workspace_id: 'ws', kind: 'customer', created_at: T, occurred_at: T })
          .execute();
        await runMigrations(db, migrations, options);
        const tag = (id: string, kind: string) => ({
          id,
          workspace_id: 'ws',
          interview_id: 'iv',
          kind,
          label: 'Pricing',
          label_key: 'pricing',
          quote: 'the price went up',
          occurred_at: T,
          created_at: T,
        });
        await db.insertInto('knowledge_tag').values(tag('t1', 'topic')).execute();
        await expect(db.insertInto('knowledge_tag').values(tag('t2', 'mood')).execute()).rejects.toThrow();
        const topic = (id: string, name: string) => ({
          id,
          workspace_id: 'ws',
          name,
          name_key: name.toLowerCase(),
          synonyms: '[]',
          created_at: T,
          updated_at: T,
        });
        await db.insertInto('knowledge_topic').values(topic('k1', 'Pricing')).execute();
        await expect(
          db.insertInto('knowledge_topic').values(topic('k2', 'PRICING')).execute(),
        ).rejects.toThrow();
        const name = {
          workspace_id: 'ws',
          name: 'Gong',
          name_key: 'gong',
          aliases: '[]',
          created_at: T,
          updated_at: T,
        };
        await expect(
          db
            .insertInto('knowledge_name')
            .values({ ...name, id: 'n0', kind: 'partner' })
            .execute(),
        ).rejects.toThrow();
        await db
          .insertInto('knowledge_name')
          .values({ ...name, id: 'n1', kind: 'competitor' })
          .execute();
        // Tags go with their interview.
        await db.deleteFrom('interview').where('id', '=', 'iv').execute();
        expect(await db.selectFrom('knowledge_tag').select('id').execute()).toEqual([]);
        await migrations['0023-knowledge-tags']?.down?.(db);
        for (const table of ['knowledge_tag', 'knowledge_topic', 'knowledge_name']) {
          await expect(db.selectFrom(table).select('id').execute()).rejects.toThrow();
        }
      } finally {
        await db.destroy();
      }
    });

    it('0026-search-facets indexes the segments stored before it with their filters, and is undone by its down', async () => {
      const built = createDialect(target());
      const db = new Kysely<any>({ dialect: built.dialect });
      const options = { schema: built.migrationSchema };
      const query = parseSearchQuery('commute');
      const matching = async (facets: readonly string[]) => {
        const found = await sql<{ id: string }>`select s.id from transcript_segment_fts f
          join transcript_segment s on s.rowid = f.rowid
          where transcript_segment_fts match ${toFts5Match(query, facets)} order by s.id`.execute(db);
        return found.rows.map((r) => r.id);
      };
      try {
        await runMigrations(db, before('0026-search-facets'), options);
        await db.insertInto('workspace').values({ id: 'ws', slug: 'ws', name: 'W', created_at: T }).execute();
        await db
          .insertInto('interview')
          .values([
            { id: 'iv1', workspace_id: 'ws', kind: 'exit', account: 'Acme', created_at: T, occurred_at: T },
            { id: 'iv2', workspace_id: 'ws', kind: 'exit', account: 'Globex', created_at: T, occurred_at: T },
          ])
          .execute();
        const segment = (id: string, interviewId: string, position: number, speaker: string) => ({
          id,
          interview_id: interviewId,
          position,
          speaker,
          text: 'The commute was long.',
        });
        await db
          .insertInto('transcript_segment')
          .values([
            segment('s1', 'iv1', 0, 'Employee'),
            segment('s2', 'iv1', 1, 'HR'),
            segment('s3', 'iv2', 0, 'HR'),
          ])
          .execute();
        await db
          .insertInto('knowledge_tag')
          .values({
            id: 't1',
            workspace_id: 'ws',
            interview_id: 'iv2',
            kind: 'topic',
            label: 'Commute',
            label_key: 'commute',
            quote: 'commute',
            occurred_at: T,
            created_at: T,
          })
          .execute();
        await runMigrations(db, migrations, options);
        // PostgreSQL filters with SQL: the migration leaves it as it was.
        if (built.kind === 'postgres') return;
        expect(await matching([])).toEqual(['s1', 's2', 's3']);
        expect(await matching(searchFacets({ account: 'ACME' }))).toEqual(['s1', 's2']);
        expect(await matching(searchFacets({ speaker: 'hr' }))).toEqual(['s2', 's3']);
        expect(await matching(searchFacets({ topicKey: 'commute', speaker: 'HR' }))).toEqual(['s3']);
        await sql`insert into transcript_segment_fts (transcript_segment_fts, rank) values ('integrity-check', 1)`.execute(
          db,
        );
        await migrations['0026-search-facets']?.down?.(db);
        // Back to migration 0022's index of the text alone.
        expect(await matching([])).toEqual(['s1', 's2', 's3']);
        await expect(matching(searchFacets({ account: 'Acme' }))).rejects.toThrow();
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
requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(async () => {
    for (const drop of pgSchemas) await drop();
  });
  describeUpgrades('postgres', () => {
    const { schema, drop } = postgresTestSchema(`candor_upgrade_${++n}`, databaseUrl);
    pgSchemas.push(drop);
    return { kind: 'postgres', url: databaseUrl ?? '', schema };
  });
});
