/**
 * Inviting candidates to a job's interview by link: one at a time or a CSV of many. Each row that
 * cannot be invited (no name, a malformed address, the same address twice, an open invitation
 * already) is reported with its reason; the others are invited.
 */
import { CandorError } from '../core/index.js';
import type { Question } from '../domain/index.js';
import { DEFAULT_QUESTION_SET_ID, findQuestionSet } from '../pipeline/index.js';
import { csvRecords } from '../ratings/csv-records.js';
import type { CandidateRecord, InvitationRecord, InvitationTerms, JobRecord, Store } from '../store/index.js';
import { linkPath, newLinkToken } from './link-token.js';

/** Terms an invitation gets when the recruiter does not choose. */
export const DEFAULT_TERMS = {
  /** Days until the link expires (end of that day, UTC). */
  days: 14,
  answerSeconds: 120,
  prepSeconds: 30,
  retakes: 1,
  textAnswers: false,
} as const;

/** The range each term may take: [lowest, highest]. */
export const TERM_LIMITS = {
  answerSeconds: [30, 600],
  prepSeconds: [0, 300],
  retakes: [0, 5],
  /** A deadline at most this many days ahead. */
  days: [1, 180],
} as const;

/** At most this many candidates in one request. */
export const MAX_INVITEES = 500;

export interface Invitee {
  readonly name: string;
  readonly email: string;
  /** The CSV line it came from (from 1, the header is line 1), when it came from a CSV. */
  readonly line?: number;
}

export interface InviteFailure {
  /** Place in the request's list (from 0), or the CSV line. */
  readonly row: number;
  readonly name: string;
  readonly email: string;
  readonly reason: string;
}

export interface CreatedInvitation {
  readonly invitation: InvitationRecord;
  readonly candidate: CandidateRecord;
  /** `/take/<token>`: shown once; only the token's hash is stored. */
  readonly linkPath: string;
}

const EMAIL = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+\.[^\s@,;<>"()[\]\\]{2,}$/;

/** Whether an e-mail address is plausible: one @, a dotted domain, no spaces or separators. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * Reads invitees from CSV text with a header row naming `name` and `email` columns (any order,
 * any case; other columns are ignored).
 * @throws CandorError VALIDATION_FAILED when the header lacks a column or the CSV is malformed
 * @example parseInviteesCsv('name,email\nAna Díaz,ana@example.com\n') // [{ name: 'Ana Díaz', email: 'ana@example.com', line: 2 }]
 */
export function parseInviteesCsv(text: string): Invitee[] {
  const records = csvRecords(text, 'body.csv', 'VALIDATION_FAILED');
  const header = records[0];
  if (header === undefined) {
    throw new CandorError(
      'VALIDATION_FAILED',
      'body.csv: empty; expected a header row "name,email" and one row per candidate',
      {
        in: 'body',
        field: 'csv',
      },
    );
  }
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const nameAt = columns.indexOf('name');
  const emailAt = columns.findIndex((c) => c === 'email' || c === 'e-mail');
  if (nameAt < 0 || emailAt < 0) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `body.csv line ${header.line}: the header must name the columns "name" and "email"; it has ${columns.map((c) => JSON.stringify(c)).join(', ')}`,
      { in: 'body', field: 'csv', line: header.line },
    );
  }
  return records.slice(1).map((r) => ({
    name: (r.fields[nameAt] ?? '').trim(),
    email: (r.fields[emailAt] ?? '').trim(),
    line: r.line,
  }));
}

export interface InviteInput {
  readonly job: JobRecord;
  readonly invitees: readonly Invitee[];
  readonly terms: InvitationTerms;
  /** The user who invites. */
  readonly createdBy: string;
}

/**
 * Invites each candidate (found by e-mail in the workspace, else created) to the job's interview:
 * the application moves to `invited` (when it was only `applied`), and each gets its own link.
 * @throws CandorError QUESTIONS_INVALID when the job's question set has no questions
 * @example const { created, failures } = await inviteCandidates(store, { job, invitees, terms, createdBy: user.id })
 */
export async function inviteCandidates(
  store: Store,
  input: InviteInput,
): Promise<{ created: CreatedInvitation[]; failures: InviteFailure[] }> {
  const { job } = input;
  const questionSetId = job.questionSetId ?? DEFAULT_QUESTION_SET_ID;
  const set = await findQuestionSet(store, job.workspaceId, questionSetId);
  const questions: readonly Question[] = set.questions;
  if (questions.length === 0) {
    throw new CandorError('QUESTIONS_INVALID', `question set ${questionSetId} has no questions to ask`, {
      questionSetId,
    });
  }
  const created: CreatedInvitation[] = [];
  const failures: InviteFailure[] = [];
  const seen = new Set<string>();
  for (const [index, invitee] of input.invitees.entries()) {
    const row = invitee.line ?? index;
    const fail = (reason: string) => failures.push({ row, name: invitee.name, email: invitee.email, reason });
    const where = invitee.line === undefined ? `candidate ${index + 1}` : `line ${invitee.line}`;
    if (invitee.name === '') {
      fail(`${where}: the name is empty`);
      continue;
    }
    if (!isEmailAddress(invitee.email)) {
      fail(`${where}: "${invitee.email}" is not an e-mail address`);
      continue;
    }
    const key = invitee.email.toLowerCase();
    if (seen.has(key)) {
      fail(`${where}: ${invitee.email} appears twice in this list; invited once`);
      continue;
    }
    seen.add(key);
    const candidate =
      (await store.candidates.findByEmail(job.workspaceId, invitee.email)) ??
      (await store.candidates.create({
        workspaceId: job.workspaceId,
        name: invitee.name,
        email: invitee.email,
        consent: { email: true },
      }));
    const open = await store.invitations.findOpen(job.id, candidate.id);
    if (open !== null) {
      fail(
        `${where}: ${invitee.email} already has an open invitation to this job (until ${open.expiresAt.slice(0, 10)})`,
      );
      continue;
    }
    const { application } = await store.applications.findOrCreate({
      candidateId: candidate.id,
      jobId: job.id,
      stage: 'invited',
    });
    if (application.stage === 'applied') await store.applications.updateStage(application.id, 'invited');
    const { token, hash } = newLinkToken();
    const invitation = await store.invitations.create({
      workspaceId: job.workspaceId,
      jobId: job.id,
      candidateId: candidate.id,
      applicationId: application.id,
      tokenHash: hash,
      questions,
      questionSetId,
      ...input.terms,
      createdBy: input.createdBy,
    });
    created.push({ invitation, candidate, linkPath: linkPath(token) });
  }
  return { created, failures };
}

/**
 * The end of a deadline day (23:59:59.999 UTC) as ISO-8601, checked against the limits.
 * @throws CandorError VALIDATION_FAILED naming `body.deadline`
 */
export function deadlineToExpiry(deadline: string | undefined, now: Date): string {
  const day =
    deadline ?? new Date(now.getTime() + DEFAULT_TERMS.days * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(`${day}T23:59:59.999Z`);
  const invalid = (message: string) =>
    new CandorError('VALIDATION_FAILED', `body.deadline: ${message}`, { in: 'body', field: 'deadline' });
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(end.getTime()) ||
    end.toISOString().slice(0, 10) !== day
  ) {
    throw invalid(`"${day}" is not a date (YYYY-MM-DD)`);
  }
  if (end.getTime() <= now.getTime()) throw invalid(`${day} has passed; choose a later day`);
  const days = (end.getTime() - now.getTime()) / 86_400_000;
  if (days > TERM_LIMITS.days[1] + 1) throw invalid(`${day} is more than ${TERM_LIMITS.days[1]} days ahead`);
  return end.toISOString();
}
