/** Helpers shared by the repositories: context, errors, JSON columns, batching. */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { CandorError } from '../../core/index.js';
import { constraintKind, type StoreKind } from '../dialect.js';
import type { Database } from '../schema.js';

/** What every repository is built from. */
export interface RepositoryContext {
  readonly db: Kysely<Database>;
  /** Which database `db` is: only for the few expressions `dialect.ts` spells per database. */
  readonly kind: StoreKind;
  /** Issues the ISO-8601 times stored in `created_at` and friends; see `monotonicClock`. */
  readonly clock: () => string;
}

/** The current time as stored: ISO-8601 UTC text. */
export function timestamp(ctx: RepositoryContext): string {
  return ctx.clock();
}

/**
 * A clock whose times strictly increase: a time not after the last one issued is moved 1 ms past
 * it. Records written in the same millisecond (an `applied` event and the stage change right
 * after it) then still sort in the order they were written.
 *
 * @example const clock = monotonicClock(() => new Date()); clock() // '2025-01-31T09:00:00.000Z'
 */
export function monotonicClock(now: () => Date): () => string {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    last = Math.max(now().getTime(), last + 1);
    return new Date(last).toISOString();
  };
}

/** The error every by-id read throws on a miss: `candidate cand_x not found`. */
export function notFound(entity: string, id: string, extra: Record<string, unknown> = {}): CandorError {
  return new CandorError('NOT_FOUND', `${entity} ${id} not found`, { entity, id, ...extra });
}

/** Serialises a JSON column; `undefined` is stored as `null` so the column always parses. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Parses a JSON column, naming the row and field if the stored text is not JSON. */
export function fromJson<T>(text: string, where: { entity: string; id: string; field: string }): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new CandorError(
      'INTERNAL',
      `${where.entity} ${where.id}: ${where.field} is not valid JSON`,
      where,
      {
        cause: error,
      },
    );
  }
}

/**
 * Runs an insert or update and turns integrity errors into CandorErrors: a duplicate key becomes
 * CONFLICT, a reference to a missing row NOT_FOUND. Other errors pass through unchanged.
 */
export async function guardWrite<T>(entity: string, id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const kind = constraintKind(error);
    if (kind === 'unique') {
      throw new CandorError('CONFLICT', `${entity} ${id} already exists`, { entity, id }, { cause: error });
    }
    if (kind === 'foreign-key') {
      const message = `${entity} ${id} refers to a record that does not exist`;
      throw new CandorError('NOT_FOUND', message, { entity, id }, { cause: error });
    }
    throw error;
  }
}

/**
 * Splits rows into batches for multi-row inserts; keeps each statement well under SQLite's
 * 32,766 bound parameters (https://www.sqlite.org/limits.html §9) and PostgreSQL's 65,535.
 */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/** Stands for the one parameter of a `preparedQuery` while it is compiled. */
const PARAMETER = '\u0000candor:parameter\u0000';

/**
 * A query with one parameter, built and compiled by Kysely once and then run with each new value:
 * building and compiling a query costs more than SQLite takes to answer a primary-key read
 * (bench/api.mjs), and the routes read on every request run the same few queries.
 *
 * @example
 * const byId = preparedQuery(db, (id) => db.selectFrom('job').selectAll().where('id', '=', id))
 * const [row] = await byId('job_1')
 */
export function preparedQuery<DB, R>(
  db: Kysely<DB>,
  build: (parameter: string) => Compilable<R>,
): (value: string) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  let slot = -1;
  return async (value) => {
    if (compiled === undefined) {
      const query = build(PARAMETER).compile();
      slot = query.parameters.indexOf(PARAMETER);
      if (slot === -1 || query.parameters.lastIndexOf(PARAMETER) !== slot) {
        throw new CandorError('INTERNAL', `prepared query must use its parameter once: ${query.sql}`);
      }
      compiled = query;
    }
    const parameters = compiled.parameters.slice();
    parameters[slot] = value;
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}
