import type { InterviewKind, SentimentLabel } from '../../domain/index.js';
import type { SearchFilters } from '../../store/index.js';

/** Search filters as a person types them: on the command line (`--kind customer,exit`) or in a URL. */
export interface SearchOptions {
  /** Kinds, comma-separated: `customer,exit`. */
  readonly kind?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly speaker?: string | undefined;
  readonly account?: string | undefined;
  /** A job id. */
  readonly job?: string | undefined;
  /** A candidate id. */
  readonly candidate?: string | undefined;
  /** A topic of the workspace's taxonomy, by name. */
  readonly topic?: string | undefined;
  /** A tracked competitor or product, by name. */
  readonly competitor?: string | undefined;
  /** positive, neutral or negative: only moments said so. */
  readonly sentiment?: string | undefined;
}

/**
 * The store's filters from typed options; the store checks kinds, dates, sentiments and ranges
 * and names what is wrong.
 * @example searchFilters({ kind: 'customer, exit', job: 'job_1' }) // { kinds: ['customer', 'exit'], jobId: 'job_1' }
 */
export function searchFilters(options: SearchOptions): SearchFilters {
  const { kind, from, to, speaker, account, job, candidate, topic, competitor, sentiment } = options;
  return {
    ...(kind === undefined
      ? {}
      : {
          kinds: kind
            .split(',')
            .map((k) => k.trim())
            .filter((k) => k !== '') as InterviewKind[],
        }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(speaker === undefined ? {} : { speaker }),
    ...(account === undefined ? {} : { account }),
    ...(job === undefined ? {} : { jobId: job }),
    ...(candidate === undefined ? {} : { candidateId: candidate }),
    ...(topic === undefined ? {} : { topic }),
    ...(competitor === undefined ? {} : { competitor }),
    ...(sentiment === undefined ? {} : { sentiment: sentiment.trim().toLowerCase() as SentimentLabel }),
  };
}
