import { createSignalAnalyzer, SIGNAL_CATALOGUE, type SignalAnalyzer } from '../analysis/index.js';
import { closeSharedDecoder, selectEngine, type SpeechToText } from '../analysis/speech/stt/index.js';
import type { SignalDefinition } from '../domain/index.js';
import { loadFramework, type Framework } from '../assessment/index.js';
import { loadConfig } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';

let analyzer: SignalAnalyzer | undefined;

/** The signal analyser, created on first use (loading word vectors takes about a second). */
export function signalAnalyzer(): SignalAnalyzer {
  return (analyzer ??= createSignalAnalyzer());
}

/** Every signal's catalogue entry; needs no word vectors, so bad input fails fast. */
export const catalogue: readonly SignalDefinition[] = SIGNAL_CATALOGUE;

/** Ids of every signal a framework may name. */
export function knownSignals(): ReadonlySet<string> {
  return new Set(catalogue.map((d) => d.id));
}

export function frameworkFor(idOrFile: string): Framework {
  return loadFramework(idOrFile, knownSignals());
}

let recognisersUsed = false;

/** The speech recogniser chosen by configuration (see `candor doctor`). */
export async function recogniser(): Promise<SpeechToText> {
  recognisersUsed = true;
  return selectEngine();
}

/** Stops the recogniser's worker thread, so the process can exit. */
export async function shutdown(): Promise<void> {
  if (recognisersUsed) await closeSharedDecoder();
}

/** Where a store-backed command gets its store and prints (tests pass their own). */
export interface StoreIo {
  /** An open store; otherwise one is opened from the environment and closed afterwards. */
  readonly store?: Store;
  readonly print?: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly progress?: NodeJS.WriteStream;
}

/** The options every store-backed command takes. */
export interface WorkspaceOptions {
  /** Data folder (default: CANDOR_DATA_DIR or ./data). */
  readonly dataDir?: string | undefined;
  /** Workspace slug; `default` when absent. */
  readonly workspace?: string | undefined;
  readonly json?: boolean | undefined;
}

/**
 * Runs `run` with the store (opened from the environment unless `io` gives one) and the
 * workspace named by `--workspace`.
 * @example await withWorkspace(opts, io, (store, workspaceId) => store.models.list(workspaceId))
 */
export async function withWorkspace<T>(
  options: WorkspaceOptions,
  io: StoreIo,
  run: (store: Store, workspaceId: string) => Promise<T>,
): Promise<T> {
  const env = io.env ?? process.env;
  const config = loadConfig(options.dataDir ? { ...env, CANDOR_DATA_DIR: options.dataDir } : env);
  const store = io.store ?? (await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  try {
    const workspace = await store.workspaces.getBySlug(options.workspace ?? 'default');
    return await run(store, workspace.id);
  } finally {
    if (io.store === undefined) await store.close();
  }
}

/** Where a command's output goes: `io.print`, else stdout. */
export const printer = (io: StoreIo) => io.print ?? ((text: string) => process.stdout.write(text));
