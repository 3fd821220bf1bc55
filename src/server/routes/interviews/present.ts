import { mediaOffsets } from '../../../pipeline/index.js';
import type { InterviewRecord, MediaRecord, TaskRecord } from '../../../store/index.js';
import type { InterviewJson, MediaJson, TaskJson } from './schemas.js';

/** `API_PREFIX` of app.ts (importing it from there would make an import cycle). */
const API_PREFIX = '/api/v1';

/** An interview as the API shows it. */
export function interviewJson(interview: InterviewRecord): InterviewJson {
  const { id, kind, title, applicationId, userId, sourceFile, format } = interview;
  const { account, segment, role, outcome, occurredAt, createdAt } = interview;
  return {
    id,
    kind,
    title,
    applicationId,
    userId,
    sourceFile,
    format,
    account,
    segment,
    role,
    outcome,
    occurredAt,
    createdAt,
  };
}

/**
 * An interview's recordings as the API shows them, each with the offset of its time 0 on the
 * scorecard's time line (see `mediaOffsets`): with a transcript the recordings run back to back.
 * @example mediaListJson(interview, await store.media.listByInterview(interview.id))
 */
export function mediaListJson(interview: InterviewRecord, media: readonly MediaRecord[]): MediaJson[] {
  const offsets = mediaOffsets(media, { fromTranscript: interview.format !== null });
  return media.map((m) => ({
    id: m.id,
    interviewId: m.interviewId,
    position: m.position,
    questionId: m.questionId,
    questionText: m.questionText,
    fileName: m.fileName,
    contentType: m.contentType,
    bytes: m.bytes,
    durationSeconds: m.durationSeconds,
    offsetSeconds: offsets.get(m.id) ?? 0,
    url: `${API_PREFIX}/media/${m.id}`,
    createdAt: m.createdAt,
  }));
}

/** A queued task as the API shows it. */
export function taskJson(task: TaskRecord): TaskJson {
  const result = task.result as { scorecardId?: unknown } | null;
  return {
    id: task.id,
    kind: task.kind,
    status: task.status,
    attempts: task.attempts,
    maxAttempts: task.maxAttempts,
    progress: task.progress,
    result: typeof result?.scorecardId === 'string' ? { scorecardId: result.scorecardId } : null,
    lastError: task.lastError,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
  };
}
