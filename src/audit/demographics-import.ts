/**
 * Importing self-identified demographics from CSV (`candor demographics import FILE`): columns
 * `candidate,sex,race_ethnicity,age_band`, one row per candidate. Every row is stored or none.
 */
import { CandorError } from '../core/index.js';
import {
  DEMOGRAPHIC_FIELDS,
  type AgeBand,
  type DemographicField,
  type RaceEthnicity,
  type Sex,
} from '../domain/index.js';
import { csvRecords } from '../ratings/index.js';
import type { DemographicsInput, Store } from '../store/index.js';

export const DEMOGRAPHICS_COLUMNS = ['candidate', 'sex', 'race_ethnicity', 'age_band'] as const;

/** A row as read, with the line it came from. */
export interface DemographicsRow extends DemographicsInput {
  readonly line: number;
}

function invalid(file: string, line: number, column: string | null, message: string): CandorError {
  const where = column === null ? `${file} line ${line}` : `${file} line ${line}, column ${column}`;
  return new CandorError('DEMOGRAPHICS_INVALID', `${where}: ${message}`, { file, line, column });
}

/**
 * Parses the CSV; nothing is stored.
 *
 * @throws CandorError DEMOGRAPHICS_INVALID naming file, line and column: a missing or unknown
 *   column, an empty or unknown value (the message lists the accepted ones), a candidate twice.
 * With `personColumn`, the id column may be called `person` (training files for re-weighing).
 * @example parseDemographicsCsv('candidate,sex,race_ethnicity,age_band\ncand_1,female,asian,under_40\n', 'd.csv')
 */
export function parseDemographicsCsv(
  text: string,
  file: string,
  options: { readonly personColumn?: boolean } = {},
): DemographicsRow[] {
  const records = csvRecords(text, file, 'DEMOGRAPHICS_INVALID');
  const header = records[0];
  if (header === undefined)
    throw invalid(file, 1, null, `the file is empty; expected the header ${DEMOGRAPHICS_COLUMNS.join(',')}`);
  // Training files name people by `person` (as features files do); it stands for `candidate` there.
  const names = header.fields
    .map((f) => f.trim().toLowerCase())
    .map((n) => (options.personColumn === true && n === 'person' ? 'candidate' : n));
  for (const [i, name] of names.entries()) {
    if (!(DEMOGRAPHICS_COLUMNS as readonly string[]).includes(name)) {
      const message = `unknown column "${header.fields[i]}"; the columns are ${DEMOGRAPHICS_COLUMNS.join(', ')}`;
      throw invalid(file, header.line, header.fields[i] ?? '', message);
    }
  }
  for (const column of DEMOGRAPHICS_COLUMNS) {
    if (!names.includes(column))
      throw invalid(file, header.line, column, `the header has no column ${column}`);
  }
  const index = Object.fromEntries(DEMOGRAPHICS_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof DEMOGRAPHICS_COLUMNS)[number],
    number
  >;
  const seen = new Map<string, number>();
  return records.slice(1).map((record) => {
    const value = (column: (typeof DEMOGRAPHICS_COLUMNS)[number]) =>
      (record.fields[index[column]] ?? '').trim();
    const candidateId = value('candidate');
    if (candidateId === '') throw invalid(file, record.line, 'candidate', 'empty; give the candidate id');
    const earlier = seen.get(candidateId);
    if (earlier !== undefined) {
      throw invalid(file, record.line, 'candidate', `candidate ${candidateId} is already on line ${earlier}`);
    }
    seen.set(candidateId, record.line);
    const field = (column: DemographicField): string => {
      const given = value(column);
      const accepted: readonly string[] = DEMOGRAPHIC_FIELDS[column];
      if (!accepted.includes(given)) {
        const what = given === '' ? 'empty' : `"${given}" is not a ${column} value`;
        throw invalid(file, record.line, column, `${what}; use one of ${accepted.join(', ')}`);
      }
      return given;
    };
    return {
      line: record.line,
      candidateId,
      sex: field('sex') as Sex,
      raceEthnicity: field('race_ethnicity') as RaceEthnicity,
      ageBand: field('age_band') as AgeBand,
    };
  });
}

export interface ImportDemographicsInput {
  readonly workspaceId: string;
  readonly text: string;
  /** The file's name, for messages. */
  readonly file: string;
  /** A user id, or `cli`. */
  readonly updatedBy: string;
}

/**
 * Parses and stores a demographics CSV, all rows or none.
 *
 * @throws CandorError DEMOGRAPHICS_INVALID for a bad row, or naming the line of a candidate that is
 *   not in the workspace.
 * @example await importDemographics(store, { workspaceId, text, file: 'demographics.csv', updatedBy: 'cli' }) // { file, candidates: 3 }
 */
export async function importDemographics(
  store: Store,
  input: ImportDemographicsInput,
): Promise<{ file: string; candidates: number }> {
  const rows = parseDemographicsCsv(input.text, input.file);
  try {
    await store.demographics.saveMany(input.workspaceId, rows, input.updatedBy);
  } catch (error) {
    const id = error instanceof CandorError && error.code === 'NOT_FOUND' ? error.details.id : undefined;
    const row = rows.find((r) => r.candidateId === id);
    if (row === undefined) throw error;
    throw invalid(
      input.file,
      row.line,
      'candidate',
      `no candidate ${row.candidateId} in this workspace; nothing was stored`,
    );
  }
  return { file: input.file, candidates: rows.length };
}
