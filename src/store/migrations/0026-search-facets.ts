import { sql, type Kysely } from 'kysely';
import { storeKindOf } from '../dialect.js';
import * as search from './0022-search.js';

/**
 * Search filters inside the full-text index (SQLite only; issue 16, DESIGN.md "search"), and two
 * indexes on tags (both stores): by interview and label for the topic and competitor filters, by
 * workspace and time for exports.
 *
 * A filter that leaves few interviews (a job, a candidate, an account, a topic, a competitor) or
 * few segments (a speaker) made a search read match after match to find the page's interviews: a
 * job's 1.5 % of 100,000 interviews took 300 ms. Now every segment's row in
 * `transcript_segment_fts` has a second column, `facets`, holding one token per filter value of
 * its interview and its speaker, and a filtered search asks FTS5 for `text : (query) AND facets :
 * "fj…"`, which intersects the two posting lists in the index (https://www.sqlite.org/fts5.html
 * §3.7, column filters). The filters in SQL stay the truth: a facet only narrows what is read.
 *
 * Tokens (letters and hexadecimal digits, so the tokenizer keeps each one whole; hex() is
 * upper-case, the index folds case): `fj` + hex(job id), `fc` + hex(candidate id), `fa` +
 * hex(lower(account)), `ft` + hex(topic label key), `fk` + hex(competitor or product label key),
 * `fs` + hex(lower(speaker)). An interview's tokens are kept in `interview.search_facets`,
 * computed by the view `interview_search_facets`; a segment's facets are its interview's and its
 * speaker's.
 *
 * Invariant: every segment is indexed with its interview's current `search_facets` (an external
 * content table must be told the values it indexed to delete a row). So:
 *  - the segment triggers read `interview.search_facets` (a delete, the old row's interview);
 *  - a change of `search_facets` re-indexes the interview's segments, old facets out, new in;
 *  - what the facets are made of (an interview's account or application, an application's job or
 *    candidate, a topic, competitor or product tag) recomputes them when it changes;
 *  - an interview's segments are deleted before the interview (a cascade would run after it).
 * The content the index reads back (for snippets) is the view `transcript_segment_search`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Both stores: a search's topic or competitor filter checks an interview's tags with one seek,
  // and an export reads its next page of a workspace's tags in time order from where it stopped.
  await db.schema
    .createIndex('knowledge_tag_label_idx')
    .on('knowledge_tag')
    .columns(['interview_id', 'kind', 'label_key'])
    .execute();
  await db.schema
    .createIndex('knowledge_tag_export_idx')
    .on('knowledge_tag')
    .columns(['workspace_id', 'occurred_at', 'id'])
    .execute();
  if (storeKindOf(db) === 'postgres') return;
  for (const trigger of ['insert', 'delete', 'update'])
    await sql`drop trigger ${sql.raw(`transcript_segment_fts_${trigger}`)}`.execute(db);
  await sql`drop table transcript_segment_fts`.execute(db);

  await sql`alter table interview add column search_facets text not null default ''`.execute(db);
  await sql`create view interview_search_facets as select i.id as interview_id, trim(
      coalesce((select ' fj' || hex(a.job_id) || ' fc' || hex(a.candidate_id)
        from application a where a.id = i.application_id), '')
      || coalesce(' fa' || hex(lower(i.account)), '')
      || coalesce((select group_concat(f.token, '') from (select distinct
            case when t.kind = 'topic' then ' ft' else ' fk' end || hex(t.label_key) as token
          from knowledge_tag t where t.interview_id = i.id and t.kind in ('topic', 'competitor', 'product')
          order by token) f), '')) as facets
    from interview i`.execute(db);
  await sql`update interview set search_facets = (
      select f.facets from interview_search_facets f where f.interview_id = interview.id)`.execute(db);
  await sql`create view transcript_segment_search as select s.rowid as seq, s.text as text,
      i.search_facets || ' fs' || hex(lower(s.speaker)) as facets
    from transcript_segment s join interview i on i.id = s.interview_id`.execute(db);
  await sql`create virtual table transcript_segment_fts using fts5(
    text, facets, content = 'transcript_segment_search', content_rowid = 'seq',
    tokenize = 'porter unicode61')`.execute(db);

  const facetsOf = (row: 'new' | 'old') =>
    sql.raw(`(select i.search_facets from interview i where i.id = ${row}.interview_id)
      || ' fs' || hex(lower(${row}.speaker))`);
  await sql`create trigger transcript_segment_fts_insert after insert on transcript_segment begin
    insert into transcript_segment_fts (rowid, text, facets) values (new.rowid, new.text, ${facetsOf('new')});
  end`.execute(db);
  await sql`create trigger transcript_segment_fts_delete after delete on transcript_segment begin
    insert into transcript_segment_fts (transcript_segment_fts, rowid, text, facets)
      values ('delete', old.rowid, old.text, ${facetsOf('old')});
  end`.execute(db);
  await sql`create trigger transcript_segment_fts_update
    after update of text, speaker, interview_id on transcript_segment begin
    insert into transcript_segment_fts (transcript_segment_fts, rowid, text, facets)
      values ('delete', old.rowid, old.text, ${facetsOf('old')});
    insert into transcript_segment_fts (rowid, text, facets) values (new.rowid, new.text, ${facetsOf('new')});
  end`.execute(db);

  await sql`create trigger interview_search_facets_update after update of search_facets on interview
    when old.search_facets is not new.search_facets begin
    insert into transcript_segment_fts (transcript_segment_fts, rowid, text, facets)
      select 'delete', s.rowid, s.text, old.search_facets || ' fs' || hex(lower(s.speaker))
      from transcript_segment s where s.interview_id = old.id;
    insert into transcript_segment_fts (rowid, text, facets)
      select s.rowid, s.text, new.search_facets || ' fs' || hex(lower(s.speaker))
      from transcript_segment s where s.interview_id = new.id;
  end`.execute(db);
  await sql`create trigger interview_search_segments_delete before delete on interview begin
    delete from transcript_segment where interview_id = old.id;
  end`.execute(db);

  const refresh = (id: string) =>
    sql.raw(`update interview set search_facets = (
      select f.facets from interview_search_facets f where f.interview_id = interview.id) where id = ${id};`);
  await sql`create trigger interview_search_facets_insert after insert on interview begin
    ${refresh('new.id')}
  end`.execute(db);
  await sql`create trigger interview_search_facets_source after update of account, application_id on interview begin
    ${refresh('new.id')}
  end`.execute(db);
  await sql`create trigger application_search_facets after update of job_id, candidate_id on application begin
    update interview set search_facets = (
      select f.facets from interview_search_facets f where f.interview_id = interview.id)
    where application_id = new.id;
  end`.execute(db);
  for (const [event, row] of [
    ['insert', 'new'],
    ['delete', 'old'],
  ] as const) {
    await sql`create trigger ${sql.raw(`knowledge_tag_search_facets_${event}`)} after ${sql.raw(event)} on knowledge_tag
      when ${sql.raw(row)}.kind in ('topic', 'competitor', 'product') begin
      ${refresh(`${row}.interview_id`)}
    end`.execute(db);
  }
  await sql`insert into transcript_segment_fts (transcript_segment_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('knowledge_tag_label_idx').execute();
  await db.schema.dropIndex('knowledge_tag_export_idx').execute();
  if (storeKindOf(db) === 'postgres') return;
  for (const trigger of [
    'transcript_segment_fts_insert',
    'transcript_segment_fts_delete',
    'transcript_segment_fts_update',
    'interview_search_facets_update',
    'interview_search_segments_delete',
    'interview_search_facets_insert',
    'interview_search_facets_source',
    'application_search_facets',
    'knowledge_tag_search_facets_insert',
    'knowledge_tag_search_facets_delete',
  ])
    await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  await sql`drop table transcript_segment_fts`.execute(db);
  await sql`drop view transcript_segment_search`.execute(db);
  await sql`drop view interview_search_facets`.execute(db);
  await sql`alter table interview drop column search_facets`.execute(db);
  // As migration 0022 left it: its index of the text alone, triggers and rebuild.
  await search.up(db);
}
