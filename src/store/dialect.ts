/**
 * The only file that knows SQLite from PostgreSQL. Everything else in src/store uses one
 * schema and one query code; what differs between the two databases is decided here.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type Dialect,
  type Kysely,
  type RawBuilder,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import { CandorError } from '../core/index.js';
import { nameSortKey } from './name-key.js';
import { toFts5Match, toTsquery, type SearchQuery } from './search-query.js';

export type StoreKind = 'sqlite' | 'postgres';

export type StoreTarget =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

export interface StoreDialect {
  readonly kind: StoreKind;
  readonly dialect: Dialect;
  /** Schema for Kysely's migration tables; undefined means the connection's default. */
  readonly migrationSchema: string | undefined;
}

/**
 * Column type for floating-point numbers. PostgreSQL's `real` is 4-byte and would round
 * scores, so both databases get `double precision`: SQLite gives any declared type containing
 * "DOUB" REAL affinity (https://www.sqlite.org/datatype3.html §3.1 rule 4), PostgreSQL reads it
 * as float8, which node-postgres returns as a JS number.
 */
export const DOUBLE_TYPE = 'double precision';

/**
 * A text column read as its UTF-8 bytes, a Buffer from both drivers: a stored JSON body sent as
 * bytes is neither decoded into a JS string nor encoded again for the socket (for a 22 kB
 * scorecard body that is most of a read's time). SQLite stores text as UTF-8, and casting it to
 * a blob hands over those bytes (https://www.sqlite.org/lang_expr.html#castexpr); PostgreSQL's
 * `convert_to` encodes it.
 *
 * @example db.selectFrom('scorecard').select(utf8Bytes(kind, 'scorecard.body').as('body'))
 */
export function utf8Bytes(kind: StoreKind, column: string): RawBuilder<Buffer> {
  return kind === 'sqlite'
    ? sql<Buffer>`cast(${sql.ref(column)} as blob)`
    : sql<Buffer>`convert_to(${sql.ref(column)}, 'UTF8')`;
}

/**
 * A text column type that sorts by code point in both databases, like JavaScript's `<` on
 * strings of the Basic Multilingual Plane: SQLite's BINARY collation (its default) and
 * PostgreSQL's "C" collation, instead of the database's locale.
 *
 * @example db.schema.createTable('t').addColumn('name_key', codePointText(db))
 */
export function codePointText(db: Kysely<unknown>): RawBuilder<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql`text collate "C"`
    : sql`text collate binary`;
}

/** The SQLite function that computes `nameSortKey` in SQL, registered on every connection. */
const SQLITE_NAME_KEY = 'candor_name_key';

/**
 * A text expression's `nameSortKey` in SQL, compared by code point: SQLite calls the registered
 * JavaScript function itself; PostgreSQL decomposes (NFKD), drops the combining diacritical marks
 * (U+0300–U+036F, the accents of Latin, Greek and Cyrillic letters) and lowercases by the
 * database's character type. For names in those scripts both give what JavaScript gives.
 *
 * @example db.selectFrom('candidate as c').where(nameKeySql(kind, 'c.name'), 'like', '%emile%')
 */
export function nameKeySql(kind: StoreKind, column: string): RawBuilder<string> {
  return kind === 'sqlite'
    ? sql<string>`${sql.raw(SQLITE_NAME_KEY)}(${sql.ref(column)})`
    : sql<string>`(lower(regexp_replace(normalize(${sql.ref(column)}, NFKD), '[\u0300-\u036f]', '', 'g')) collate "C")`;
}

/** How long a SQLite writer waits for another process's lock before failing, in ms. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Builds the Kysely dialect for a target database.
 *
 * SQLite: creates the data folder if missing, then sets WAL journaling (readers do not block the
 * writer), `foreign_keys = ON` (off by default in SQLite, needed for cascades) and a busy timeout.
 * PostgreSQL: with `schema`, creates that schema if missing and makes it the `search_path` of
 * every pooled connection, so tests can run in isolated schemas.
 *
 * @example const { dialect } = createDialect({ kind: 'sqlite', file: './data/candor.db' })
 * @example createDialect({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1/candor', schema: 'run_42' })
 */
export function createDialect(target: StoreTarget): StoreDialect {
  if (target.kind === 'sqlite') {
    return { kind: 'sqlite', dialect: sqliteDialect(target.file), migrationSchema: undefined };
  }
  const schema = target.schema === undefined ? undefined : checkSchemaName(target.schema);
  return { kind: 'postgres', dialect: postgresDialect(target.url, schema), migrationSchema: schema };
}

function sqliteDialect(file: string): Dialect {
  return new SqliteDialect({
    database: () => {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const db = new SqliteDatabase(file);
      // https://www.sqlite.org/wal.html: WAL lets readers run while one writer writes;
      // synchronous=NORMAL is durable against application crashes in WAL mode.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      // Page cache and memory-mapped reads (https://www.sqlite.org/mmap.html): a scorecard read
      // touches a few dozen pages scattered over a large file; from the default 2 MB cache each
      // is a read() call.
      db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
      db.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
      db.function(SQLITE_NAME_KEY, { deterministic: true }, (text: unknown) =>
        typeof text === 'string' ? nameSortKey(text) : null,
      );
      return Promise.resolve(withStatementCache(db));
    },
  });
}

/** SQLite page cache per connection, in KiB (SQLite's default is 2,000 KiB). */
const SQLITE_CACHE_KIB = 64 * 1024;
/**
 * How much of the database file SQLite may map into memory instead of reading it: as much as the
 * bundled SQLite allows (its SQLITE_MAX_MMAP_SIZE, 0x7fff0000 bytes, caps larger values). With
 * 1 GiB, the scorecards of a 1.5 GB database of 10,000 candidates beyond the first GiB went
 * through read() calls and the page cache: a scorecard read took 25 µs instead of 20 µs.
 */
const SQLITE_MMAP_BYTES = 2 * 1024 * 1024 * 1024;
/** Prepared statements kept per connection, by SQL text. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, with prepared statements kept by SQL text: Kysely prepares
 * every query afresh, which cost a tenth of a scorecard read's time (bench/api.mjs). Kysely runs
 * one query at a time per SQLite connection, so a kept statement is never used twice at once.
 */
function withStatementCache(db: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => db.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement === undefined) {
        statement = db.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE)
          statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

function postgresDialect(url: string, schema: string | undefined): Dialect {
  const pool = new pg.Pool({ connectionString: url, types: { getTypeParser: pgTypeParser } });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that would end
  // the process. The pool drops the client, and the next query reports any lasting problem.
  pool.on('error', () => undefined);
  let schemaReady: Promise<unknown> | undefined;
  return new PostgresDialect({
    pool,
    onCreateConnection: async (connection) => {
      if (schema === undefined) return;
      // Created once per pool: concurrent `create schema if not exists` can still collide.
      // A failed attempt is forgotten so the next connection tries again.
      schemaReady ??= connection
        .executeQuery(CompiledQuery.raw(`create schema if not exists "${schema}"`))
        .catch((error: unknown) => {
          schemaReady = undefined;
          throw error;
        });
      await schemaReady;
      await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
    },
  });
}

/** Returns counts (`int8`) and `numeric` as JS numbers instead of strings; Candor's values fit a double. */
const pgTypeParser: typeof pg.types.getTypeParser = (oid, format) => {
  const { INT8, NUMERIC } = pg.types.builtins;
  if (oid === INT8 || oid === NUMERIC) return Number;
  return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
};

function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new CandorError('CONFIG_INVALID', `schema "${schema}": use lowercase letters, digits and _`, {
      setting: 'schema',
    });
  }
  return schema;
}

/** Which integrity rule a database error broke, or null for any other error. */
export type ConstraintKind = 'unique' | 'foreign-key' | null;

/**
 * Classifies a driver error: better-sqlite3 sets `code` to `SQLITE_CONSTRAINT_*`, node-postgres
 * to the SQLSTATE (23505 unique_violation, 23503 foreign_key_violation).
 *
 * @example if (constraintKind(error) === 'unique') throw new CandorError('CONFLICT', …)
 */
export function constraintKind(error: unknown): ConstraintKind {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return 'unique';
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'foreign-key';
  return null;
}

/** A unique index or constraint as both databases name it in their errors. */
export interface UniqueKey {
  /** The index or constraint name (PostgreSQL reports it as `constraint`). */
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
}

/**
 * Whether a driver error is a unique violation of this key (not of another key of the table).
 * node-postgres reports the constraint's name; better-sqlite3 only the message
 * "UNIQUE constraint failed: media.interview_id, media.position"
 * (https://www.sqlite.org/rescode.html#constraint_unique).
 *
 * @example if (violatesUnique(error, MEDIA_POSITION_KEY)) retry()
 */
export function violatesUnique(error: unknown, key: UniqueKey): boolean {
  if (constraintKind(error) !== 'unique') return false;
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  if (typeof constraint === 'string') return constraint === key.name;
  const columns = key.columns.map((c) => `${key.table}.${c}`).join(', ');
  return typeof message === 'string' && message.endsWith(`constraint failed: ${columns}`);
}

/**
 * Which database a Kysely instance talks to; for migrations, which are handed only the instance.
 * @example if (storeKindOf(db) === 'sqlite') …
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function storeKindOf(db: Kysely<any>): StoreKind {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * Runs a migration step that replaces tables other tables refer to. SQLite checks foreign keys
 * on every statement and empties a dropped parent through its cascades, so its documented
 * procedure (https://www.sqlite.org/lang_altertable.html#otheralter) turns them off around a
 * transaction and checks them all before committing; `foreign_keys` cannot change inside a
 * transaction, and Kysely runs SQLite migrations outside one. PostgreSQL's migration already
 * runs in a transaction whose constraints hold per statement: the step runs as it is.
 *
 * @throws CandorError INTERNAL naming the first row left without its parent (SQLite)
 * @example await withForeignKeysOff(db, async () => { await dropForeignKey(db, 'job', 'question_set_id') })
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function withForeignKeysOff(db: Kysely<any>, step: () => Promise<void>): Promise<void> {
  if (storeKindOf(db) === 'postgres') return step();
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await step();
      const broken = await sql<{
        table: string;
        rowid: number;
        parent: string;
      }>`pragma foreign_key_check`.execute(db);
      const first = broken.rows[0];
      if (first !== undefined) {
        throw new CandorError(
          'INTERNAL',
          `${first.table} row ${first.rowid} refers to a missing ${first.parent} row`,
          {
            table: first.table,
            parent: first.parent,
          },
        );
      }
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * Removes the foreign key of `table.column`, keeping the column and its values. PostgreSQL drops
 * the constraint by the name it finds in its catalogue; SQLite cannot drop a constraint, so the
 * table is copied into one declared without it, and its indexes made again. On SQLite call it
 * inside `withForeignKeysOff`, or dropping the old table would run its children's cascades.
 *
 * @example await dropForeignKey(db, 'job', 'question_set_id')
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dropForeignKey(db: Kysely<any>, table: string, column: string): Promise<void> {
  if (storeKindOf(db) === 'postgres') {
    const found = await sql<{ name: string }>`
      select con.conname as name from pg_constraint con
      join pg_class rel on rel.oid = con.conrelid
      join pg_namespace ns on ns.oid = rel.relnamespace
      join pg_attribute att on att.attrelid = rel.oid and att.attnum = any(con.conkey)
      where con.contype = 'f' and ns.nspname = current_schema() and rel.relname = ${table} and att.attname = ${column}`.execute(
      db,
    );
    for (const { name } of found.rows) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(db);
    }
    return;
  }
  const objects = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
  const create = objects.rows.find((o) => o.type === 'table')?.sql;
  if (create === undefined || create === null) {
    throw new CandorError('INTERNAL', `no table ${table}`, { table });
  }
  const quoted = `"${column}"`;
  const reference =
    /\s+references\s+"[^"]+"\s*\("[^"]+"\)(\s+on\s+(delete|update)\s+(set null|set default|cascade|restrict|no action))*/i;
  const start = create.indexOf(quoted);
  const end = create.indexOf(',', start);
  const definition = create.slice(start, end === -1 ? undefined : end);
  if (start === -1 || !reference.test(definition)) return;
  const temporary = `${table}__rebuilt`;
  const rebuilt = create
    .replace(definition, definition.replace(reference, ''))
    .replace(/^CREATE TABLE "[^"]+"/i, `CREATE TABLE "${temporary}"`);
  await sql.raw(rebuilt).execute(db);
  await sql`insert into ${sql.table(temporary)} select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(temporary)} rename to ${sql.table(table)}`.execute(db);
  for (const index of objects.rows.filter((o) => o.type === 'index'))
    await sql.raw(index.sql ?? '').execute(db);
}

/**
 * Replaces a named CHECK constraint of a table. PostgreSQL drops and adds it; SQLite cannot alter
 * a constraint, so the table is copied into one declared with the new check (its indexes made
 * again), the procedure of https://www.sqlite.org/lang_altertable.html#otheralter. On SQLite call
 * it inside `withForeignKeysOff`, or dropping the old table would run its children's cascades.
 *
 * @example await replaceCheck(db, 'app_user', 'app_user_role_check', sql`role in ('admin', 'auditor')`)
 */
export async function replaceCheck(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  table: string,
  name: string,
  check: RawBuilder<unknown>,
): Promise<void> {
  if (storeKindOf(db) === 'postgres') {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(name)} check (${check})`.execute(db);
    return;
  }
  const objects = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
  const create = objects.rows.find((o) => o.type === 'table')?.sql;
  if (create === undefined || create === null)
    throw new CandorError('INTERNAL', `no table ${table}`, { table });
  const clause = new RegExp(`constraint "${name}" check \\((?:[^()]|\\([^()]*\\))*\\)`, 'i');
  if (!clause.test(create)) {
    throw new CandorError('INTERNAL', `table ${table} has no check ${name}`, { table, constraint: name });
  }
  const temporary = `${table}__rebuilt`;
  const compiled = check.compile(db);
  const inlined = compiled.sql;
  if (compiled.parameters.length > 0) {
    throw new CandorError('INTERNAL', `check ${name}: write it without parameters`, { constraint: name });
  }
  const rebuilt = create
    .replace(clause, `constraint "${name}" check (${inlined})`)
    .replace(/^CREATE TABLE "[^"]+"/i, `CREATE TABLE "${temporary}"`);
  await sql.raw(rebuilt).execute(db);
  await sql`insert into ${sql.table(temporary)} select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(temporary)} rename to ${sql.table(table)}`.execute(db);
  for (const index of objects.rows.filter((o) => o.type === 'index'))
    await sql.raw(index.sql ?? '').execute(db);
}

/** Marks around the matched words in a search snippet: plain text, never HTML. */
export const HIGHLIGHT_START = '«';
export const HIGHLIGHT_END = '»';
/**
 * A segment's bm25 over its text alone: the `facets` column (migration 0026) weighs nothing. On
 * the single-column index of migration 0022 the second weight is ignored.
 */
const TEXT_BM25 = sql.raw('bm25(transcript_segment_fts, 1.0, 0.0)');
/** About how many words a search snippet shows around the match. */
const SNIPPET_WORDS = 16;

/** An in-memory database with one FTS5 table, for `sqliteSnippets`; made on first use. */
let scratch:
  | {
      readonly insert: SqliteDatabase.Statement;
      readonly snippets: SqliteDatabase.Statement;
      readonly clear: SqliteDatabase.Statement;
    }
  | undefined;

/**
 * SQLite: these texts with the words a search matched between `HIGHLIGHT_START` and
 * `HIGHLIGHT_END`, cut to about `SNIPPET_WORDS` words around them, by FTS5's `snippet()` over a
 * small in-memory index of just these texts with the tokenizer of `transcript_segment_fts`. The
 * same function over the store's index needs a cursor over every match between the segments'
 * rowids, or one per segment, each of which reads the query's lists again (a prefix query's
 * every word): 20 to 50 ms for a page of hits spread over 100,000 interviews; here, under 1 ms.
 * Synchronous, so no other search's texts are ever in the index.
 * @example sqliteSnippets(parseSearchQuery('budget'), new Map([['seg_1', 'The budget was tight.']]))
 */
export function sqliteSnippets(query: SearchQuery, texts: ReadonlyMap<string, string>): Map<string, string> {
  if (scratch === undefined) {
    const db = new SqliteDatabase(':memory:');
    db.exec(`create virtual table snippet_fts using fts5(text, tokenize = 'porter unicode61')`);
    scratch = {
      insert: db.prepare('insert into snippet_fts (rowid, text) values (?, ?)'),
      snippets: db.prepare(`select rowid, snippet(snippet_fts, 0, ?, ?, '…', ?) as snippet
        from snippet_fts where snippet_fts match ?`),
      clear: db.prepare('delete from snippet_fts'),
    };
  }
  const { insert, snippets, clear } = scratch;
  const ids = [...texts.keys()];
  try {
    ids.forEach((id, i) => insert.run(i + 1, texts.get(id)));
    const rows = snippets.all(HIGHLIGHT_START, HIGHLIGHT_END, SNIPPET_WORDS, toFts5Match(query)) as {
      rowid: number;
      snippet: string;
    }[];
    return new Map(rows.map((r) => [ids[r.rowid - 1] as string, r.snippet]));
  } finally {
    clear.run();
  }
}

/**
 * The transcript segments matching a search (migration 0022), as a subquery with the segment's
 * columns and `relevance`, higher for a better match: FTS5's bm25 negated (it is lower for better
 * matches, https://www.sqlite.org/fts5.html §5.1.1) or PostgreSQL's `ts_rank`. The two scales
 * differ; only the order within one database means anything.
 *
 * @example sql`select id, relevance from (${matchingSegments(kind, parseSearchQuery('pricing'))}) m`
 */
export function matchingSegments(kind: StoreKind, query: SearchQuery): RawBuilder<unknown> {
  if (kind === 'sqlite') {
    return sql`select s.id, s.interview_id, s.response_id, s.position, s.speaker, s.start_s, s.end_s,
        -${TEXT_BM25} as relevance
      from transcript_segment_fts join transcript_segment s on s.rowid = transcript_segment_fts.rowid
      where transcript_segment_fts match ${toFts5Match(query)}`;
  }
  return sql`select s.id, s.interview_id, s.response_id, s.position, s.speaker, s.start_s, s.end_s,
      ts_rank(s.search_vector, q.query) as relevance
    from transcript_segment s, to_tsquery('english', ${toTsquery(query)}) as q(query)
    where s.search_vector @@ q.query`;
}

/** A search's filter facets (migration 0026) and whether they leave many rows (see `facetRows`). */
export interface SearchFacets {
  /** Tokens from `searchFacets`. */
  readonly tokens: readonly string[];
  /** More rows hold all of them than bm25 should count: the rows are scored apart. */
  readonly common: boolean;
}

/**
 * How many index rows hold every one of these facet tokens, counted up to `cap` (SQLite): a
 * count of at most `cap` rows read from the index (50,000 rows: about 1.5 ms).
 * @example await sql`${facetRows(['fj6a6f62'], 50_001)}`.execute(db)
 */
export function facetRows(tokens: readonly string[], cap: number): RawBuilder<{ n: number }> {
  const match = tokens.map((t) => `facets : "${t}"`).join(' AND ');
  return sql<{ n: number }>`select count(*) as n from (select rowid from transcript_segment_fts
    where transcript_segment_fts match ${match} limit ${cap})`;
}

/**
 * The segments matching a search that were stored last, at most `limit` of them (all when null),
 * with `seq` (later stored, higher), `id`, `interview_id`, `position`, `speaker` and `relevance`
 * (as in `matchingSegments`). SQLite walks the FTS5 index from its highest rowid down and stops
 * after `limit` (`ORDER BY rowid DESC LIMIT`, https://www.sqlite.org/fts5.html §3.6), so bm25 is
 * computed for those rows only, not for every match; `facets` are intersected with the query in
 * the index (migration 0026). PostgreSQL has no such order and returns every match (`limit` must
 * be null there); it takes no facets.
 *
 * @example sql`select interview_id from (${latestMatchingSegments(kind, query, 1000)}) c`
 */
export function latestMatchingSegments(
  kind: StoreKind,
  query: SearchQuery,
  limit: number | null,
  facets?: SearchFacets,
): RawBuilder<unknown> {
  if (kind === 'sqlite') {
    const cut = limit === null ? sql`` : sql`order by rowid desc limit ${limit}`;
    if (facets === undefined || !facets.common) {
      return sql`select c.rowid as seq, s.id, s.interview_id, s.position, s.speaker, -c.score as relevance
        from (select rowid, ${TEXT_BM25} as score from transcript_segment_fts
          where transcript_segment_fts match ${toFts5Match(query, facets?.tokens)} ${cut}) c
        cross join transcript_segment s on s.rowid = c.rowid`;
    }
    // bm25 counts the rows of every phrase in the query, a facet's too (a topic in a quarter of
    // the segments: 467,000 rows, 15 ms). With common facets the rows are found with them,
    // without bm25, and scored by a second cursor over the text alone, read between the first
    // and last row found: the text's matches there are few when the facets are common.
    return sql`select c.rowid as seq, s.id, s.interview_id, s.position, s.speaker, -c.score as relevance
      from (with hits as materialized (select rowid from transcript_segment_fts
          where transcript_segment_fts match ${toFts5Match(query, facets.tokens)} ${cut})
        select rowid, ${TEXT_BM25} as score from transcript_segment_fts
        where transcript_segment_fts match ${toFts5Match(query)}
          and rowid between (select min(rowid) from hits) and (select max(rowid) from hits)
          and +rowid in (select rowid from hits)) c
      cross join transcript_segment s on s.rowid = c.rowid`;
  }
  if (facets !== undefined) throw new CandorError('INTERNAL', 'PostgreSQL has no search facets', { facets });
  if (limit !== null) throw new CandorError('INTERNAL', 'PostgreSQL reads every matching segment', { limit });
  return sql`select 0 as seq, s.id, s.interview_id, s.position, s.speaker,
      ts_rank(s.search_vector, q.query) as relevance
    from transcript_segment s, to_tsquery('english', ${toTsquery(query)}) as q(query)
    where s.search_vector @@ q.query`;
}

/**
 * The matching segments of these interviews, with the columns of `latestMatchingSegments`. Used
 * on PostgreSQL, where a filter that leaves few interviews is searched within them; SQLite
 * narrows such filters in its index instead (`latestMatchingSegments` with facets).
 *
 * @example sql`select id from (${matchingSegmentsOf(kind, query, ['intv_1'])}) m`
 */
export function matchingSegmentsOf(
  kind: StoreKind,
  query: SearchQuery,
  interviewIds: readonly string[],
): RawBuilder<unknown> {
  const ids = sql.join(interviewIds.map((id) => sql`${id}`));
  if (kind === 'sqlite') {
    return sql`select c.rowid as seq, s.id, s.interview_id, s.position, s.speaker, -c.score as relevance
      from (select rowid, ${TEXT_BM25} as score from transcript_segment_fts
        where transcript_segment_fts match ${toFts5Match(query)}) c
      cross join transcript_segment s on s.rowid = c.rowid
      where s.interview_id in (${ids})`;
  }
  return sql`select 0 as seq, s.id, s.interview_id, s.position, s.speaker,
      ts_rank(s.search_vector, q.query) as relevance
    from transcript_segment s, to_tsquery('english', ${toTsquery(query)}) as q(query)
    where s.interview_id in (${ids}) and s.search_vector @@ q.query`;
}

/**
 * PostgreSQL: the text of these segments with the words a search matched between
 * `HIGHLIGHT_START` and `HIGHLIGHT_END`, cut to about `SNIPPET_WORDS` words around them, by
 * `ts_headline`. Rows: `id`, `snippet`. SQLite: see `sqliteSnippets`.
 *
 * @example await sql`${highlightedSegments(kind, query, ['seg_1'])}`.execute(db)
 */
export function highlightedSegments(
  kind: StoreKind,
  query: SearchQuery,
  segmentIds: readonly string[],
): RawBuilder<{ id: string; snippet: string }> {
  if (kind === 'sqlite') throw new CandorError('INTERNAL', 'SQLite snippets come from sqliteSnippets');
  const ids = sql.join(segmentIds.map((id) => sql`${id}`));
  // A short segment whole, a longer one cut to one fragment around its best match, as snippet()
  // does; ts_headline marks no cut with '…'.
  const marks = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`;
  const whole = `${marks}, HighlightAll=true`;
  const cut = `${marks}, MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, ShortWord=2, MaxFragments=1`;
  return sql`select s.id, case
      when cardinality(regexp_split_to_array(trim(s.text), ${'\\s+'})) <= ${SNIPPET_WORDS}
      then ts_headline('english', s.text, q.query, ${whole})
      else ts_headline('english', s.text, q.query, ${cut}) end as snippet
    from transcript_segment s, to_tsquery('english', ${toTsquery(query)}) as q(query)
    where s.id in (${ids})`;
}

/**
 * The Monday (ISO-8601 week start, UTC) of the week holding an ISO-8601 UTC text column, as
 * `YYYY-MM-DD`. SQLite: `weekday 0` moves forward to the Sunday (or stays on it), six days back is
 * the Monday; PostgreSQL's `date_trunc('week', …)` is the ISO week's Monday.
 * @example sql`select ${isoWeekStart(kind, 't.occurred_at')} as week from knowledge_tag t`
 */
export function isoWeekStart(kind: StoreKind, column: string): RawBuilder<string> {
  const day = sql`substr(${sql.ref(column)}, 1, 10)`;
  return kind === 'sqlite'
    ? sql<string>`date(${day}, 'weekday 0', '-6 days')`
    : sql<string>`to_char(date_trunc('week', cast(${day} as date)), 'YYYY-MM-DD')`;
}
