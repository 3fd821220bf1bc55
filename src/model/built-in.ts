/**
 * Models shipped in the package's `models/` folder (the reference model trained on the MIT
 * Interview Dataset), and reading a model given as a built-in id or a JSON file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CandorError, packageRoot } from '../core/index.js';
import { parseModel, type ModelFile } from './model-file.js';

let cache: readonly ModelFile[] | undefined;

/** The folder of built-in models: `models/` beside package.json. */
export function builtInModelDir(): string {
  return path.join(packageRoot(), 'models');
}

/**
 * Every built-in model, by id (read and checked once).
 * @example builtInModels().map((m) => m.id) // ['reference-overall']
 */
export function builtInModels(): readonly ModelFile[] {
  if (cache !== undefined) return cache;
  const dir = builtInModelDir();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  cache = files
    .map((f) => parseModel(JSON.parse(readFileSync(path.join(dir, f), 'utf8')), `models/${f}`))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return cache;
}

/** The built-in model of this id, if there is one. */
export function builtInModel(id: string): ModelFile | undefined {
  return builtInModels().find((m) => m.id === id);
}

/**
 * Parses a model file's text, naming the file and the first field that is wrong.
 * @throws CandorError MODEL_INVALID
 * @example parseModelText(readFileSync('overall-model.json', 'utf8'), 'overall-model.json')
 */
export function parseModelText(text: string, where: string): ModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CandorError('MODEL_INVALID', `${where}: not JSON (${(error as Error).message})`, {
      file: where,
    });
  }
  return parseModel(json, where);
}

/**
 * A model given as a built-in id (`reference-overall`) or a JSON file written by `candor model train`.
 * @throws CandorError NOT_FOUND (neither), FILE_UNREADABLE, MODEL_INVALID
 * @example loadModel('reference-overall').validation.verdict
 */
export function loadModel(idOrFile: string): ModelFile {
  const builtIn = builtInModel(idOrFile);
  if (builtIn) return builtIn;
  if (!existsSync(idOrFile) || !statSync(idOrFile).isFile()) {
    const ids = builtInModels()
      .map((m) => m.id)
      .join(', ');
    throw new CandorError(
      'NOT_FOUND',
      `no built-in model "${idOrFile}" and no such file (built-in models: ${ids || 'none'})`,
      { entity: 'model', id: idOrFile },
    );
  }
  let text: string;
  try {
    text = readFileSync(idOrFile, 'utf8');
  } catch (error) {
    throw new CandorError('FILE_UNREADABLE', `${idOrFile}: cannot read it (${(error as Error).message})`, {
      file: idOrFile,
    });
  }
  return parseModelText(text, path.basename(idOrFile));
}
