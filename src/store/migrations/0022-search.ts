import { sql, type Kysely } from 'kysely';
import { storeKindOf } from '../dialect.js';

/**
 * Full-text search over every transcript segment (issue 16, DESIGN.md "search").
 *
 * SQLite: `transcript_segment_fts`, an external-content FTS5 table over `transcript_segment.text`
 * (https://www.sqlite.org/fts5.html §4.4.3), keyed by the segment table's implicit rowid, with the
 * porter stemmer over the unicode61 tokenizer, kept in step by triggers and filled from the rows
 * already stored. The implicit rowid is not an INTEGER PRIMARY KEY, so `VACUUM` may renumber it
 * (https://www.sqlite.org/lang_vacuum.html) and a table copy (`dropForeignKey`, `replaceCheck`) gives
 * new ones: after either, run `insert into transcript_segment_fts(transcript_segment_fts) values
 * ('rebuild')` and create the triggers again.
 *
 * PostgreSQL: `search_vector`, a stored generated column `to_tsvector('english', text)` with a GIN
 * index (https://www.postgresql.org/docs/15/textsearch-tables.html §12.2.2); PostgreSQL computes it
 * for the rows already stored when the column is added.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (storeKindOf(db) === 'postgres') {
    await sql`alter table transcript_segment add column search_vector tsvector
      generated always as (to_tsvector('english', text)) stored`.execute(db);
    await sql`create index transcript_segment_search_idx on transcript_segment using gin (search_vector)`.execute(
      db,
    );
    return;
  }
  await sql`create virtual table transcript_segment_fts using fts5(
    text, content = 'transcript_segment', content_rowid = 'rowid', tokenize = 'porter unicode61')`.execute(
    db,
  );
  await sql`create trigger transcript_segment_fts_insert after insert on transcript_segment begin
    insert into transcript_segment_fts (rowid, text) values (new.rowid, new.text);
  end`.execute(db);
  await sql`create trigger transcript_segment_fts_delete after delete on transcript_segment begin
    insert into transcript_segment_fts (transcript_segment_fts, rowid, text) values ('delete', old.rowid, old.text);
  end`.execute(db);
  await sql`create trigger transcript_segment_fts_update after update of text on transcript_segment begin
    insert into transcript_segment_fts (transcript_segment_fts, rowid, text) values ('delete', old.rowid, old.text);
    insert into transcript_segment_fts (rowid, text) values (new.rowid, new.text);
  end`.execute(db);
  await sql`insert into transcript_segment_fts (transcript_segment_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (storeKindOf(db) === 'postgres') {
    await sql`drop index transcript_segment_search_idx`.execute(db);
    await sql`alter table transcript_segment drop column search_vector`.execute(db);
    return;
  }
  for (const trigger of ['insert', 'delete', 'update'])
    await sql`drop trigger ${sql.raw(`transcript_segment_fts_${trigger}`)}`.execute(db);
  await sql`drop table transcript_segment_fts`.execute(db);
}
