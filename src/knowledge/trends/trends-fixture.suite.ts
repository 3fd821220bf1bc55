/**
 * Test-only: knowledge tags as the tagger would store them, built from real meeting sentences
 * (QMSum's AMI product-design meetings, ../shared/data/meetings-qmsum/Product) with their VADER
 * scores, over ten weeks of interviews. `Pricing` spikes in the last complete week; `Battery` and
 * `Buttons` are steady; the competitor `Nokia` comes and goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { compoundScore } from '../../analysis/language/signals/index.js';
import { newId } from '../../core/index.js';
import type { InterviewKind, KnowledgeTagKind } from '../../domain/index.js';
import { nameSortKey } from '../../store/name-key.js';
import type { Store } from '../../store/index.js';
import { SHARED_DATA } from '../../test-helpers.js';
import { addWeeks, lastCompleteWeek } from './weeks.js';

export const QMSUM_PRODUCT = path.join(SHARED_DATA, 'meetings-qmsum', 'Product');

interface Said {
  readonly speaker: string;
  readonly text: string;
}

/** The meetings' turns that mention a word (whole word, any case), in file order, 6+ words long. */
function turnsMentioning(pattern: RegExp): Said[] {
  const out: Said[] = [];
  for (const file of fs
    .readdirSync(QMSUM_PRODUCT)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const meeting = JSON.parse(fs.readFileSync(path.join(QMSUM_PRODUCT, file), 'utf8')) as {
      meeting_transcripts: { speaker: string; content: string }[];
    };
    for (const t of meeting.meeting_transcripts) {
      const text = t.content
        .replace(/\{[a-z]+\}/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (pattern.test(text) && text.split(' ').length >= 6) out.push({ speaker: t.speaker, text });
    }
  }
  return out;
}

export interface SeededTag {
  readonly interviewId: string;
  readonly kind: KnowledgeTagKind;
  readonly label: string;
  readonly quote: string;
  readonly sentiment: number;
  readonly occurredAt: string;
}

export interface TrendFixture {
  readonly workspaceId: string;
  /** The week alerts test (the last complete week before `now`). */
  readonly testedWeek: string;
  readonly tags: readonly SeededTag[];
  /** Interviews by kind and outcome, with the tags each got. */
  readonly interviews: readonly {
    id: string;
    kind: InterviewKind;
    outcome: string | null;
    occurredAt: string;
  }[];
}

/** Stores one tag row directly (the tagger's repository is someone else's). */
export async function insertTag(
  store: Store,
  tag: {
    workspaceId: string;
    interviewId: string;
    kind: KnowledgeTagKind;
    label: string;
    quote: string;
    speaker?: string | null;
    segmentPosition?: number | null;
    sentiment: number | null;
    occurredAt: string;
  },
): Promise<void> {
  await sql`insert into knowledge_tag (id, workspace_id, interview_id, kind, label, label_key, ref_id,
      quote, speaker, start_s, end_s, segment_position, end_position, sentiment, detail, occurred_at, created_at)
    values (${newId('tag')}, ${tag.workspaceId}, ${tag.interviewId}, ${tag.kind}, ${tag.label},
      ${nameSortKey(tag.label)}, null, ${tag.quote}, ${tag.speaker ?? null}, null, null,
      ${tag.segmentPosition ?? null}, null, ${tag.sentiment}, null, ${tag.occurredAt},
      ${new Date().toISOString()})`.execute(store.db);
}

/**
 * Ten weeks of interviews in a new workspace: 8 baseline weeks with two interviews each (a live
 * candidate interview and a customer call, churned and renewed in turn), the tested week with four
 * (two churned customers), and one in the running week.
 * Per week: Battery 2 mentions, Buttons 1, Pricing 1 in every other baseline week and 9 in the
 * tested week, Nokia 1 in every other week. Each interview also gets `sentiment` tags.
 */
export async function seedTrends(store: Store, now: Date, slug = newId('ws-trends')): Promise<TrendFixture> {
  const ws = await store.workspaces.ensure({ slug, name: 'Trends' });
  const pricing = turnsMentioning(/\b(price|cost)\b/i);
  const battery = turnsMentioning(/\bbatter(y|ies)\b/i);
  const buttons = turnsMentioning(/\bbuttons?\b/i);
  const nokia = turnsMentioning(/\bnokia\b/i);
  const negativePricing = pricing.filter((s) => compoundScore(s.text) <= -0.05);
  const cursor = new Map<Said[], number>();
  const next = (pool: Said[]): Said => {
    const i = cursor.get(pool) ?? 0;
    cursor.set(pool, i + 1);
    const said = pool[i % pool.length];
    if (said === undefined) throw new Error('QMSum: no sentence for a topic');
    return said;
  };
  const testedWeek = lastCompleteWeek(now);
  const tags: SeededTag[] = [];
  const interviews: TrendFixture['interviews'][number][] = [];
  const addInterview = async (kind: InterviewKind, outcome: string | null, occurredAt: string) => {
    const iv = await store.interviews.create({
      workspaceId: ws.id,
      kind,
      title: `${kind} ${occurredAt.slice(0, 10)}`,
      account: kind === 'customer' ? `Account ${interviews.length + 1}` : null,
      outcome,
      occurredAt,
    });
    interviews.push({ id: iv.id, kind, outcome, occurredAt });
    return iv.id;
  };
  const tag = async (
    interviewId: string,
    occurredAt: string,
    kind: KnowledgeTagKind,
    label: string,
    said: Said,
    position: number,
  ) => {
    const sentiment = compoundScore(said.text);
    await insertTag(store, {
      workspaceId: ws.id,
      interviewId,
      kind,
      label,
      quote: said.text,
      speaker: said.speaker,
      segmentPosition: position,
      sentiment,
      occurredAt,
    });
    tags.push({ interviewId, kind, label, quote: said.text, sentiment, occurredAt });
    const mood = sentiment >= 0.05 ? 'positive' : sentiment <= -0.05 ? 'negative' : 'neutral';
    await insertTag(store, {
      workspaceId: ws.id,
      interviewId,
      kind: 'sentiment',
      label: mood,
      quote: said.text,
      speaker: said.speaker,
      segmentPosition: position,
      sentiment,
      occurredAt,
    });
  };
  for (let w = -8; w <= 1; w++) {
    const week = addWeeks(testedWeek, w);
    // Tuesday 10:00 and Wednesday 15:00 UTC of the week (and more in the tested week).
    const day = (d: number, hour: number) =>
      new Date(Date.parse(`${week}T00:00:00.000Z`) + d * 86_400_000 + hour * 3_600_000).toISOString();
    if (w === 1) {
      const at = day(0, 9);
      if (Date.parse(at) < now.getTime()) {
        const id = await addInterview('live', null, at);
        await tag(id, at, 'topic', 'Battery', next(battery), 0);
      }
      continue;
    }
    const live = day(1, 10);
    const call = day(2, 15);
    const liveId = await addInterview('live', null, live);
    const callId = await addInterview('customer', w % 2 === 0 ? 'churned' : 'renewed', call);
    await tag(liveId, live, 'topic', 'Battery', next(battery), 1);
    await tag(callId, call, 'topic', 'Battery', next(battery), 2);
    await tag(liveId, live, 'topic', 'Buttons', next(buttons), 3);
    if (w % 2 === 0) await tag(callId, call, 'competitor', 'Nokia', next(nokia), 4);
    if (w < 0 && w % 2 !== 0) await tag(callId, call, 'topic', 'Pricing', next(pricing), 5);
    if (w === 0) {
      const more = [await addInterview('customer', 'churned', day(3, 11)), callId];
      for (let i = 0; i < 9; i++) {
        const id = more[i % 2] ?? callId;
        const at = id === callId ? call : day(3, 11);
        await tag(id, at, 'topic', 'Pricing', next(negativePricing), 10 + i);
      }
      const other = await addInterview('live', null, day(4, 9));
      await tag(other, day(4, 9), 'topic', 'Buttons', next(buttons), 0);
    }
  }
  return { workspaceId: ws.id, testedWeek, tags, interviews };
}
