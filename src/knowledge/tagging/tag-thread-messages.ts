import type { CandorErrorCode, ErrorDetails } from '../../core/index.js';
import type { Segment, TagDraft } from '../../domain/index.js';
import type { TagTranscriptOptions } from './tag-transcript.js';

/** What the tagging thread is sent: one transcript (the word vectors are the thread's own). */
export interface TagRequest {
  readonly id: number;
  readonly segments: readonly Segment[];
  readonly options: Omit<TagTranscriptOptions, 'embeddings'>;
}

/** Its answer: the tags, or the error `tagTranscript` threw. */
export type TagResponse =
  | { readonly id: number; readonly drafts: TagDraft[] }
  | {
      readonly id: number;
      readonly error: {
        readonly code: CandorErrorCode;
        readonly message: string;
        readonly details: ErrorDetails;
      };
    };
