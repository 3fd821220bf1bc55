/** Request and response shapes of the interview routes (contract part 2). */
import { z } from 'zod';
import {
  CONVERSATION_KINDS,
  INTERVIEW_KIND_LIST,
  METADATA_MAX_CHARS,
  normaliseOccurredAt,
} from '../../../domain/index.js';
import { MAX_SPEAKERS, SPEAKER_COUNT_RULE } from '../../../pipeline/speakers.js';

export const Interview = z
  .object({
    id: z.string(),
    kind: z.enum(INTERVIEW_KIND_LIST),
    title: z.string().nullable(),
    applicationId: z.string().nullable(),
    /** The student who owns a practice interview. */
    userId: z.string().nullable(),
    /** Name of the uploaded transcript, when there is one. */
    sourceFile: z.string().nullable(),
    format: z.enum(['vtt', 'srt', 'json', 'text', 'csv']).nullable(),
    /** Outside hiring: the customer account the conversation was with. */
    account: z.string().nullable(),
    /** The account's segment, e.g. enterprise, SMB. */
    segment: z.string().nullable(),
    /** The interviewee's role. */
    role: z.string().nullable(),
    /** How it ended, e.g. churned, renewed, won, lost. */
    outcome: z.string().nullable(),
    /** When the conversation happened (ISO UTC); `createdAt` when none was given. */
    occurredAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Interview' });

export const Media = z
  .object({
    id: z.string(),
    interviewId: z.string(),
    /** Answer index within the interview, from 0. */
    position: z.number().int(),
    questionId: z.string().nullable(),
    questionText: z.string().nullable(),
    fileName: z.string(),
    /** Sniffed from the content, e.g. `audio/webm`. */
    contentType: z.string(),
    bytes: z.number().int(),
    durationSeconds: z.number().nullable(),
    /**
     * Where this recording's time 0 sits on the scorecard's evidence time line: seek to
     * `evidence.start - offsetSeconds`. 0 when answers were scored from their recordings (pick
     * the recording whose position is `evidence.response`); with a transcript, the summed length
     * of the recordings before this one.
     */
    offsetSeconds: z.number(),
    url: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Media' });

export const TaskProgressBody = z.object({
  stage: z.string(),
  fraction: z.number().nullable(),
  message: z.string().optional(),
});

export const Task = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    progress: TaskProgressBody.nullable(),
    result: z.object({ scorecardId: z.string() }).nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Task' });

export const InterviewDetail = z.object({
  interview: Interview,
  media: z.array(Media),
  scorecardId: z.string().nullable(),
  /** Newest first. */
  tasks: z.array(Task),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });

const metadataText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `expected ${what}, or leave it out` })
    .max(METADATA_MAX_CHARS, { error: `at most ${METADATA_MAX_CHARS} characters` })
    .optional();

/**
 * A hiring interview (`async`, `live`: `applicationId` required) or a conversation outside hiring
 * (`customer`, `exit`, `research`, `sales`: no application), with optional metadata.
 */
export const NewInterviewBody = z
  .object({
    applicationId: z.string().min(1).max(200).optional(),
    kind: z.enum(['async', 'live', ...CONVERSATION_KINDS]),
    title: z.string().trim().min(1).max(METADATA_MAX_CHARS).optional(),
    account: metadataText('the account name'),
    segment: metadataText('the segment'),
    role: metadataText("the interviewee's role"),
    outcome: metadataText('the outcome'),
    occurredAt: z
      .string()
      .refine((v) => normaliseOccurredAt(v) !== null, {
        error: 'expected a date (YYYY-MM-DD) or ISO time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM])',
      })
      .optional(),
  })
  .superRefine((body, ctx) => {
    const hiring = body.kind === 'async' || body.kind === 'live';
    if (hiring && body.applicationId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicationId'],
        message: `required for a ${body.kind} interview`,
      });
    }
    if (!hiring && body.applicationId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicationId'],
        message: `a ${body.kind} interview is outside hiring: leave applicationId out`,
      });
    }
  });

const SPEAKERS_ERROR = `expected ${SPEAKER_COUNT_RULE}`;

/** What `POST /interviews/:id/analyze` may say about the analysis; every field optional. */
export const AnalyzeBody = z
  .object({
    speakers: z
      .union(
        [
          z.literal('auto'),
          // The same words for every way a number can be wrong (0, -1, 2.5, 21).
          z
            .number()
            .int({ error: SPEAKERS_ERROR })
            .min(1, { error: SPEAKERS_ERROR })
            .max(MAX_SPEAKERS, { error: SPEAKERS_ERROR }),
        ],
        { error: SPEAKERS_ERROR },
      )
      .optional()
      .describe(
        'For an interview recorded as one track (a single recording, no transcript): how many speakers to tell apart. ' +
          '`auto` (the default for a recording that answers no named question) counts them; a number fixes the count; ' +
          '1 keeps one voice (scored as one answer). With two or more speakers the recording is scored as a live ' +
          'interview and the scorecard gets `input.speakers` and `input.talkRatio`. Refused (400) for an interview ' +
          'with a transcript (its speakers win) or with several recordings (one answer each).',
      ),
  })
  .strict();

export const NewPracticeBody = z.object({
  questionSetId: z.string().min(1).max(200),
  questionId: z.string().min(1).max(200),
});

export const TranscriptBody = z.object({
  /** The file's text; an empty one is refused with 422 TRANSCRIPT_INVALID naming the file. */
  content: z.string(),
  /** Helps tell the format (`.vtt`, `.srt`, `.json`, `.txt`, `.csv`, `.tsv`); typed answers need none. */
  fileName: z.string().min(1).max(255).optional(),
  /**
   * Which speaker is the candidate, when the upload was answered 422 SPEAKER_CHOICE_NEEDED (no
   * speaker is named like the candidate): one of `details.speakers[].speaker`.
   */
  candidateSpeaker: z.string().min(1).max(200).optional(),
});

/** An interview's answers and transcript segments, each segment with its answer's position. */
export const InterviewTranscript = z
  .object({
    interviewId: z.string(),
    responses: z.array(
      z.object({
        id: z.string(),
        position: z.number(),
        questionId: z.string().nullable(),
        questionText: z.string().nullable(),
      }),
    ),
    transcript: z.array(
      z.object({
        id: z.string(),
        responseId: z.string().nullable(),
        responsePosition: z.number().nullable(),
        position: z.number(),
        speaker: z.string().nullable(),
        start: z.number().nullable().describe('seconds on the scorecard time line'),
        end: z.number().nullable(),
        text: z.string(),
      }),
    ),
  })
  .meta({ id: 'InterviewTranscript' });

export type InterviewJson = z.infer<typeof Interview>;
export type MediaJson = z.infer<typeof Media>;
export type TaskJson = z.infer<typeof Task>;
