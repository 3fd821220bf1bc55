/**
 * `candor tag`: tags stored conversations again for the knowledge base (issue 16), e.g. after the
 * workspace's topics or tracked names were edited, or for interviews stored before tagging existed.
 */
import { CandorError, loadConfig } from '../../core/index.js';
import { tagStoredInterview } from '../../pipeline/index.js';
import { loadKnowledgeConfig } from '../../server/webhooks/index.js';
import { openStore } from '../../store/index.js';
import { printer, type StoreIo } from '../context.js';
import { createProgress } from '../progress.js';

export interface TagCliOptions {
  /** Every interview of the workspace (practice interviews excepted). */
  readonly all?: boolean | undefined;
  readonly dataDir?: string | undefined;
  readonly workspace?: string | undefined;
  readonly json?: boolean | undefined;
}

export interface TagResult {
  readonly interviewId: string;
  /** Tags stored; null for a practice interview, which is not tagged. */
  readonly tags: number | null;
}

/**
 * Tags the interviews named (or, with `--all`, every interview of the workspace but practice
 * ones), each replacing its earlier tags in one transaction; prints one line per interview, or
 * JSON with --json.
 * @throws CandorError VALIDATION_FAILED for neither ids nor --all, or both (exit 2); NOT_FOUND for
 *   an id that is not an interview of the workspace (nothing after it is tagged)
 * @example await tagCommand([], { all: true })
 */
export async function tagCommand(
  ids: readonly string[],
  options: TagCliOptions,
  io: StoreIo = {},
): Promise<TagResult[]> {
  if ((ids.length === 0) === (options.all !== true)) {
    throw new CandorError('VALIDATION_FAILED', 'name the interviews to tag, or give --all (not both)', {
      field: 'interviews',
    });
  }
  const env = io.env ?? process.env;
  const config = loadConfig(options.dataDir ? { ...env, CANDOR_DATA_DIR: options.dataDir } : env);
  const { webhookUrl } = loadKnowledgeConfig(env);
  const store = io.store ?? (await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  const results: TagResult[] = [];
  try {
    const workspace = await store.workspaces.getBySlug(options.workspace ?? 'default');
    const targets = options.all
      ? (
          await store.db
            .selectFrom('interview')
            .select('id')
            .where('workspace_id', '=', workspace.id)
            .where('kind', '<>', 'practice')
            .orderBy('created_at')
            .orderBy('id')
            .execute()
        ).map((row) => row.id)
      : ids;
    const progress = createProgress('tagging', 'interviews', io.progress);
    for (const [i, id] of targets.entries()) {
      const interview = await store.interviews.get(id);
      if (interview.workspaceId !== workspace.id) {
        throw new CandorError('NOT_FOUND', `interview ${id} not found in workspace ${workspace.slug}`, {
          entity: 'interview',
          id,
        });
      }
      const tags = await tagStoredInterview(store, id, { webhookUrl });
      results.push({ interviewId: id, tags: tags === null ? null : tags.length });
      progress.update(i + 1, targets.length);
    }
    const tagged = results.filter((r) => r.tags !== null).length;
    progress.finish(`${tagged} interview${tagged === 1 ? '' : 's'} tagged`);
  } finally {
    if (io.store === undefined) await store.close();
  }
  printer(io)(
    options.json
      ? `${JSON.stringify(results, null, 2)}\n`
      : results
          .map((r) => `${r.interviewId}  ${r.tags === null ? 'not tagged (practice)' : `${r.tags} tags`}\n`)
          .join(''),
  );
  return results;
}
