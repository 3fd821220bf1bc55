/**
 * A workspace's scoring models: importing a model file, listing and showing models (stored ones
 * and the built-in ones shipped in models/), and activating one per target. The CLI and the API
 * both call these; the store keeps the files, src/model checks them.
 */
import { CandorError } from '../core/index.js';
import { builtInModel, builtInModels } from '../model/built-in.js';
import { parseModel, type ModelFile } from '../model/model-file.js';
import type { ModelRecord, ModelSource, Store } from '../store/index.js';

/** One stored version of a model. */
export interface ModelVersion {
  readonly version: number;
  readonly active: boolean;
  readonly source: ModelSource;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A model as a list shows it: its newest version's figures, its versions, which one is active. */
export interface ModelSummary {
  readonly id: string;
  readonly name: string;
  readonly target: string;
  readonly population: string;
  /** The newest version stored (or the built-in file's version when not stored). */
  readonly version: number;
  readonly activeVersion: number | null;
  /** Shipped in the package's models/ folder. */
  readonly builtIn: boolean;
  /** Stored in this workspace (a built-in model is stored when it is first activated). */
  readonly stored: boolean;
  readonly passes: boolean;
  readonly verdict: string;
  /** Cross-validated r and its 95% interval. */
  readonly r: number;
  readonly ci: [number, number];
  readonly interviews: number;
  readonly people: number;
}

/** One model version in full, with every stored version of its id. */
export interface ModelDetail {
  readonly model: ModelFile;
  readonly builtIn: boolean;
  readonly active: boolean;
  readonly versions: ModelVersion[];
}

function fileOf(record: ModelRecord): ModelFile {
  return parseModel(record.definition, `stored model ${record.id} version ${record.version}`);
}

function summary(model: ModelFile, records: readonly ModelRecord[]): ModelSummary {
  const v = model.validation;
  return {
    id: model.id,
    name: model.name,
    target: model.target,
    population: model.population,
    version: model.version,
    activeVersion: records.find((r) => r.active)?.version ?? null,
    builtIn: builtInModel(model.id) !== undefined,
    stored: records.length > 0,
    passes: v.passes,
    verdict: v.verdict,
    r: v.crossValidated.r,
    ci: v.crossValidated.ci,
    interviews: model.training.interviews,
    people: model.training.people,
  };
}

const versionOf = (r: ModelRecord): ModelVersion => ({
  version: r.version,
  active: r.active,
  source: r.source,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

/**
 * Stores a model file's version in the workspace. The same file again changes nothing.
 * @throws CandorError MODEL_INVALID (the file), CONFLICT (another file under a stored version)
 * @example await importModel(store, { workspaceId, json, file: 'overall-model.json', createdBy: 'cli' })
 */
export async function importModel(
  store: Store,
  input: { workspaceId: string; json: unknown; file: string; createdBy: string },
): Promise<{ model: ModelFile; added: boolean }> {
  const model = parseModel(input.json, input.file);
  const { added } = await store.models.add({
    workspaceId: input.workspaceId,
    id: model.id,
    version: model.version,
    target: model.target,
    name: model.name,
    definition: model,
    source: 'import',
    createdBy: input.createdBy,
  });
  return { model, added };
}

/**
 * Every model a workspace can use: its stored models and the built-in ones, by id.
 * @example (await listModels(store, workspaceId)).map((m) => `${m.id} ${m.activeVersion ?? '-'}`)
 */
export async function listModels(store: Store, workspaceId: string): Promise<ModelSummary[]> {
  const records = await store.models.list(workspaceId);
  const byId = new Map<string, ModelRecord[]>();
  for (const r of records) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const out = [...byId.values()].map((versions) => summary(fileOf(versions[0]!), versions));
  for (const model of builtInModels()) {
    if (!byId.has(model.id)) out.push(summary(model, []));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * One model: the stored version asked for (default the newest), or the built-in file.
 * @throws CandorError NOT_FOUND naming the model (and version)
 * @example (await showModel(store, workspaceId, 'reference-overall')).model.validation.verdict
 */
export async function showModel(
  store: Store,
  workspaceId: string,
  id: string,
  version?: number,
): Promise<ModelDetail> {
  const records = await store.models.versions(workspaceId, id);
  const builtIn = builtInModel(id);
  if (
    records.length === 0 &&
    builtIn !== undefined &&
    (version === undefined || version === builtIn.version)
  ) {
    return { model: builtIn, builtIn: true, active: false, versions: [] };
  }
  const record = await store.models.get(workspaceId, id, version);
  return {
    model: fileOf(record),
    builtIn: builtIn !== undefined,
    active: record.active,
    versions: records.map(versionOf),
  };
}

/**
 * Makes a model version the workspace's active model of its target (default: the newest
 * version). A built-in model not yet stored is stored first, then activated.
 * @throws CandorError NOT_FOUND naming the model (and version)
 * @example await activateModel(store, { workspaceId, id: 'reference-overall', createdBy: 'cli' })
 */
export async function activateModel(
  store: Store,
  input: { workspaceId: string; id: string; version?: number | undefined; createdBy: string },
): Promise<ModelDetail> {
  const { workspaceId, id, version } = input;
  const stored = await store.models.versions(workspaceId, id);
  const builtIn = builtInModel(id);
  const storeBuiltIn =
    builtIn !== undefined &&
    (version === undefined ? stored.length === 0 : version === builtIn.version) &&
    !stored.some((r) => r.version === builtIn.version);
  if (storeBuiltIn) {
    await store.models.add({
      workspaceId,
      id,
      version: builtIn.version,
      target: builtIn.target,
      name: builtIn.name,
      definition: builtIn,
      source: 'built-in',
      createdBy: input.createdBy,
    });
  }
  const chosen = version ?? (storeBuiltIn ? builtIn.version : stored[0]?.version);
  if (chosen === undefined) throw notFound(id);
  await store.models.activate(workspaceId, id, chosen);
  return showModel(store, workspaceId, id, chosen);
}

function notFound(id: string): CandorError {
  return new CandorError('NOT_FOUND', `model ${id} not found`, { entity: 'model', id });
}

/**
 * The workspace's active model of a target, or null when none is active.
 * @example const model = await activeModel(store, workspaceId, 'overall')
 */
export async function activeModel(
  store: Store,
  workspaceId: string,
  target: string,
): Promise<ModelFile | null> {
  const record = await store.models.active(workspaceId, target);
  return record === null ? null : fileOf(record);
}

/**
 * Like `activeModel`, but a workspace without one gets a message saying how to activate one.
 * @throws CandorError NOT_FOUND
 */
export async function requireActiveModel(
  store: Store,
  workspaceId: string,
  target: string,
): Promise<ModelFile> {
  const model = await activeModel(store, workspaceId, target);
  if (model !== null) return model;
  throw new CandorError(
    'NOT_FOUND',
    `no active model for target ${target} in this workspace: activate one first (candor model activate ID, or POST /models/:id/activate)`,
    { entity: 'active model', target },
  );
}
