import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import type { Evidence, Response, Segment, SignalValue, Word } from '../../domain/index.js';
import { constraintKind } from '../dialect.js';
import type { Database, ResponseTable, SignalValueTable, TranscriptSegmentTable } from '../schema.js';
import { chunks, fromJson, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';
import { insertScorecard, toScorecardRecord, type NewScorecard, type ScorecardRecord } from './scorecards.js';

export interface ResponseInput {
  /** Made by the caller (`newId('resp')`) so segments and signal values can point at it. */
  readonly id: string;
  /** 0-based position in the interview (`Response.index`). */
  readonly position: number;
  readonly questionId: string | null;
  readonly questionText: string | null;
  readonly questionSource: Response['questionSource'];
  readonly matchScore: number | null;
}

export interface AnalysisInput {
  readonly interviewId: string;
  readonly responses: readonly ResponseInput[];
  /** The whole transcript in order; `responseId` links a segment to the answer it is part of. */
  readonly segments: readonly (Segment & { readonly responseId?: string | null })[];
  /** Per-response values carry their response id; interview-level values `null`. */
  readonly signals: readonly (SignalValue & { readonly responseId: string | null })[];
  readonly scorecard: Omit<NewScorecard, 'interviewId'>;
}

export type ResponseRecord = ResponseInput & { readonly interviewId: string };

export interface SegmentRecord extends Segment {
  readonly id: string;
  readonly interviewId: string;
  readonly responseId: string | null;
  readonly position: number;
}

export interface SignalValueRecord extends SignalValue {
  readonly id: string;
  readonly interviewId: string;
  readonly responseId: string | null;
}

export interface StoredAnalysis {
  readonly responses: ResponseRecord[];
  readonly segments: SegmentRecord[];
  readonly signals: SignalValueRecord[];
}

export interface AnalysisRepository {
  /**
   * Stores an interview's analysis in ONE transaction: replaces its responses, transcript
   * segments and signal values, and adds the scorecard. If any write fails, nothing of this call
   * is kept and the analysis stored before stays as it was.
   */
  save(input: AnalysisInput): Promise<ScorecardRecord>;
  /** The stored responses, segments and signal values of an interview, in order. */
  get(interviewId: string): Promise<StoredAnalysis>;
  /** Only the responses and segments, in order (no signal values); empty before an analysis. */
  getTranscript(interviewId: string): Promise<Pick<StoredAnalysis, 'responses' | 'segments'>>;
}

/**
 * An interview's analysis: what was said, what was measured, and the scorecard.
 * @example const scorecard = await store.analyses.save({ interviewId, responses, segments, signals, scorecard: { frameworkId: 'customer-facing', frameworkVersion: '1', engineVersion: '0.1.0', overallScore: 3.4, contentHash, body } })
 */
export function createAnalysisRepository(ctx: RepositoryContext): AnalysisRepository {
  const { db } = ctx;
  const requireInterview = async (q: Kysely<Database>, id: string): Promise<void> => {
    const row = await q.selectFrom('interview').select('id').where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('interview', id);
  };
  const transcriptOf = async (interviewId: string) => {
    const [responses, segments] = await Promise.all([
      db
        .selectFrom('response')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('transcript_segment')
        // Named, not `*`: on PostgreSQL the table also holds the search vector (migration 0022).
        .select(SEGMENT_COLUMNS)
        .where('interview_id', '=', interviewId)
        .orderBy('position')
        .execute(),
    ]);
    return { responses: responses.map(toResponse), segments: segments.map(toSegment) };
  };
  return {
    async save(input) {
      checkResponseLinks(input);
      const now = timestamp(ctx);
      try {
        const scorecardId = await db.transaction().execute(async (trx) => {
          await requireInterview(trx, input.interviewId);
          await writeAnalysis(trx, input);
          return insertScorecard(trx, { ...input.scorecard, interviewId: input.interviewId }, now);
        });
        const row = await db
          .selectFrom('scorecard')
          .selectAll()
          .where('id', '=', scorecardId)
          .executeTakeFirstOrThrow();
        return toScorecardRecord(row);
      } catch (error) {
        if (constraintKind(error) !== 'unique') throw error;
        const message = `analysis of interview ${input.interviewId} has a duplicate key: a response id or position given twice, or a response or scorecard id already stored`;
        throw new CandorError(
          'CONFLICT',
          message,
          { entity: 'analysis', id: input.interviewId },
          { cause: error },
        );
      }
    },
    async get(interviewId) {
      await requireInterview(db, interviewId);
      const [transcript, signals] = await Promise.all([
        transcriptOf(interviewId),
        db
          .selectFrom('signal_value')
          .selectAll()
          .where('interview_id', '=', interviewId)
          .orderBy('position')
          .execute(),
      ]);
      return { ...transcript, signals: signals.map(toSignal) };
    },
    getTranscript: transcriptOf,
  };
}

const SEGMENT_COLUMNS = [
  'id',
  'interview_id',
  'response_id',
  'position',
  'speaker',
  'start_s',
  'end_s',
  'text',
  'words',
] as const satisfies readonly (keyof TranscriptSegmentTable)[];

/** Every segment and signal value must point at a response of this same analysis. */
function checkResponseLinks(input: AnalysisInput): void {
  const ids = new Set(input.responses.map((r) => r.id));
  const check = (responseId: string | null | undefined, field: string): void => {
    if (responseId == null || ids.has(responseId)) return;
    const message = `analysis of interview ${input.interviewId}: ${field} refers to response ${responseId}, which is not among its responses`;
    throw new CandorError('VALIDATION_FAILED', message, { entity: 'analysis', id: input.interviewId, field });
  };
  input.segments.forEach((s, i) => check(s.responseId, `segments[${i}].responseId`));
  input.signals.forEach((s, i) => check(s.responseId, `signals[${i}].responseId`));
}

async function writeAnalysis(trx: Kysely<Database>, input: AnalysisInput): Promise<void> {
  const interviewId = input.interviewId;
  // Children first: segments and signal values reference responses.
  await trx.deleteFrom('signal_value').where('interview_id', '=', interviewId).execute();
  await trx.deleteFrom('transcript_segment').where('interview_id', '=', interviewId).execute();
  await trx.deleteFrom('response').where('interview_id', '=', interviewId).execute();
  for (const batch of chunks(input.responses)) {
    await trx
      .insertInto('response')
      .values(
        batch.map((r) => ({
          id: r.id,
          interview_id: interviewId,
          position: r.position,
          question_id: r.questionId,
          question_text: r.questionText,
          question_source: r.questionSource,
          match_score: r.matchScore,
        })),
      )
      .execute();
  }
  await insertSegments(trx, interviewId, input.segments);
  const signals = input.signals.map((s, position) => ({
    id: newId('sig'),
    interview_id: interviewId,
    response_id: s.responseId,
    position,
    signal: s.signal,
    value: s.value,
    evidence: toJson(s.evidence),
    reason: s.reason ?? null,
  }));
  for (const batch of chunks(signals)) await trx.insertInto('signal_value').values(batch).execute();
}

/**
 * Writes an interview's transcript segments in order (positions from 0), inside the caller's
 * transaction: the one way segments are stored, by an analysis and by a transcript import.
 */
export async function insertSegments(
  trx: Kysely<Database>,
  interviewId: string,
  segments: readonly (Segment & { readonly responseId?: string | null })[],
): Promise<void> {
  const rows = segments.map((s, position) => ({
    id: newId('seg'),
    interview_id: interviewId,
    response_id: s.responseId ?? null,
    position,
    speaker: s.speaker,
    start_s: s.start,
    end_s: s.end,
    text: s.text,
    words: s.words === undefined ? null : toJson(s.words),
  }));
  for (const batch of chunks(rows)) await trx.insertInto('transcript_segment').values(batch).execute();
}

function toResponse(row: Selectable<ResponseTable>): ResponseRecord {
  return {
    id: row.id,
    interviewId: row.interview_id,
    position: row.position,
    questionId: row.question_id,
    questionText: row.question_text,
    questionSource: row.question_source,
    matchScore: row.match_score,
  };
}

function toSegment(row: Selectable<TranscriptSegmentTable>): SegmentRecord {
  const segment: SegmentRecord = {
    id: row.id,
    interviewId: row.interview_id,
    responseId: row.response_id,
    position: row.position,
    speaker: row.speaker,
    start: row.start_s,
    end: row.end_s,
    text: row.text,
  };
  if (row.words === null) return segment;
  return {
    ...segment,
    words: fromJson<Word[]>(row.words, { entity: 'segment', id: row.id, field: 'words' }),
  };
}

function toSignal(row: Selectable<SignalValueTable>): SignalValueRecord {
  const value: SignalValueRecord = {
    id: row.id,
    interviewId: row.interview_id,
    responseId: row.response_id,
    signal: row.signal,
    value: row.value,
    evidence: fromJson<Evidence[]>(row.evidence, { entity: 'signal value', id: row.id, field: 'evidence' }),
  };
  return row.reason === null ? value : { ...value, reason: row.reason };
}
