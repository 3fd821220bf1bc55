/** `candor search "<query>"`: the workspace's transcripts searched from the command line (issue 16). */
import { CandorError, loadConfig } from '../../core/index.js';
import { searchFilters, type SearchOptions } from '../../knowledge/search/index.js';
import { openStore, type SearchResult } from '../../store/index.js';
import { printer, type StoreIo } from '../context.js';

export interface SearchCliOptions extends SearchOptions {
  readonly limit?: string | undefined;
  readonly offset?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly workspace?: string | undefined;
  readonly json?: boolean | undefined;
}

/** A whole-number option, or a CandorError naming it. */
function wholeNumber(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new CandorError('VALIDATION_FAILED', `${option}: expected a whole number, got "${value}"`, {
      field: option.replace(/^--/, ''),
    });
  }
  return Number(value);
}

/**
 * Searches the workspace's transcripts and prints the interviews that matched, most relevant
 * first, each with its best moments (time, speaker, the matched words in «»), or JSON with --json.
 * @throws CandorError VALIDATION_FAILED for a query or filter it cannot read (exit 2)
 * @example await searchCommand('"battery life" -price', { kind: 'customer', from: '2026-03-01' })
 */
export async function searchCommand(
  query: string,
  options: SearchCliOptions,
  io: StoreIo = {},
): Promise<SearchResult> {
  const filters = searchFilters(options);
  const limit = wholeNumber('--limit', options.limit);
  const offset = wholeNumber('--offset', options.offset);
  const env = io.env ?? process.env;
  const config = loadConfig(options.dataDir ? { ...env, CANDOR_DATA_DIR: options.dataDir } : env);
  const store = io.store ?? (await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  let result: SearchResult;
  try {
    const workspace = await store.workspaces.getBySlug(options.workspace ?? 'default');
    result = await store.search.search(workspace.id, query, filters, {
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
    });
  } finally {
    if (io.store === undefined) await store.close();
  }
  printer(io)(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderResults(query, result));
  return result;
}

/** `m:ss` (or `h:mm:ss`) of a time in seconds. */
function clock(seconds: number): string {
  const t = Math.floor(seconds);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const ss = String(t % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The results as text: a heading line per interview, then its moments. */
export function renderResults(query: string, result: SearchResult): string {
  if (result.total === 0) return `No interview matches ${JSON.stringify(query)}.\n`;
  const first = result.offset + 1;
  const last = result.offset + result.interviews.length;
  const count = `${result.totalIsExact ? '' : 'at least '}${result.total}`;
  const lines = [
    `${count} interview${result.total === 1 ? '' : 's'} match ${JSON.stringify(query)}` +
      (result.total > result.interviews.length || !result.totalIsExact
        ? ` (showing ${first}–${last}; --offset ${last} for more)`
        : ''),
  ];
  for (const hit of result.interviews) {
    const who = [hit.title, hit.candidate?.name, hit.job?.title, hit.account].filter(
      (x): x is string => typeof x === 'string' && x !== '',
    );
    lines.push(
      '',
      `${hit.kind} · ${hit.occurredAt.slice(0, 10)}${who.length > 0 ? ` · ${who.join(' · ')}` : ''} · ` +
        `${hit.hitCount} hit${hit.hitCount === 1 ? '' : 's'}${hit.hasRecording ? ' · recording' : ''} · ${hit.interviewId}`,
    );
    for (const s of hit.segments) {
      const at = s.startS === null ? '' : `[${clock(s.startS)}] `;
      lines.push(`  ${at}${s.speaker === null ? '' : `${s.speaker}: `}${s.snippet}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
