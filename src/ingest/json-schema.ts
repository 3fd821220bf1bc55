import { z } from 'zod';

/**
 * Candor's JSON transcript format (documented in docs/transcript-format.md). The segment shape
 * also matches Whisper's JSON output (`segments[].start/end/text`, `words[].word`), so those files
 * import as they are, with speaker null.
 */

const seconds = z
  .number({ error: 'expected a number of seconds' })
  .min(0, { error: 'expected a number ≥ 0' });

export const JsonWordSchema = z
  .object({
    text: z.string({ error: 'expected a string' }).optional(),
    /** Whisper writes `word` instead of `text`. */
    word: z.string({ error: 'expected a string' }).optional(),
    start: seconds,
    end: seconds,
  })
  .superRefine((word, ctx) => {
    if (word.text === undefined && word.word === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'missing; expected the word as a string' });
    }
    if (word.end < word.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'expected a number ≥ start' });
  });

export const JsonSegmentSchema = z
  .object({
    speaker: z.string({ error: 'expected a string or null' }).nullable().optional(),
    start: seconds.optional(),
    end: seconds.optional(),
    text: z.string({ error: 'expected a string' }).optional(),
    words: z.array(JsonWordSchema, { error: 'expected an array of words' }).optional(),
  })
  .superRefine((segment, ctx) => {
    if (segment.text === undefined && segment.words === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'missing; expected the spoken text as a string',
      });
    }
    if (segment.start !== undefined && segment.end !== undefined && segment.end < segment.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'expected a number ≥ start' });
    }
  });
export type JsonSegment = z.infer<typeof JsonSegmentSchema>;

export const INTERVIEW_KINDS = [
  'async',
  'live',
  'practice',
  'customer',
  'exit',
  'research',
  'sales',
] as const;

export const JsonTranscriptSchema = z.object({
  version: z.literal(1, { error: 'expected 1 (the only version so far)' }).optional(),
  title: z.string({ error: 'expected a string' }).optional(),
  candidate: z
    .string({ error: "expected a string: the candidate's speaker label" })
    .min(1, { error: 'expected a non-empty speaker label' })
    .optional(),
  interviewers: z
    .array(z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty speaker label' }), {
      error: 'expected an array of speaker labels',
    })
    .optional(),
  kind: z.enum(INTERVIEW_KINDS, { error: `expected one of ${INTERVIEW_KINDS.join(', ')}` }).optional(),
  segments: z.array(JsonSegmentSchema, { error: 'expected an array of segments' }),
});
export type JsonTranscript = z.infer<typeof JsonTranscriptSchema>;

export const BareSegmentsSchema = z.array(JsonSegmentSchema);

/** QMSum meeting files (Yale-LILY/QMSum): `meeting_transcripts: [{ speaker, content }]`. */
export const QmsumSchema = z.object({
  meeting_transcripts: z.array(
    z.object({
      speaker: z.string({ error: 'expected a string' }),
      content: z.string({ error: 'expected a string' }),
    }),
    { error: 'expected an array of { speaker, content } turns' },
  ),
});
export type QmsumMeeting = z.infer<typeof QmsumSchema>;
