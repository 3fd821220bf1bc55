import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultEmbeddingsFile } from '../../analysis/language/semantic/index.js';
import {
  checkEngines,
  closeSharedDecoder,
  locatePocketsphinx,
  missingModelFiles,
  pocketsphinxModel,
  selectEngine,
  type EngineStatus,
} from '../../analysis/speech/stt/index.js';
import { isCandorError, loadConfig } from '../../core/index.js';
import { findFfmpeg, programVersion } from '../../ingest/media/index.js';

export interface DoctorOptions {
  /** Settings to check; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

interface Check {
  readonly ok: boolean;
  readonly detail: string;
}

/** What `candor doctor --json` prints. */
export interface DoctorJson {
  readonly ok: boolean;
  readonly node: Check & { readonly version: string };
  readonly ffmpeg: Check & {
    readonly path: string | null;
    readonly version: string | null;
    readonly source: string | null;
  };
  readonly ffprobe: Check & { readonly path: string | null; readonly version: string | null };
  readonly pocketsphinxModel: Check & { readonly path: string; readonly missing: readonly string[] };
  /** Where ldconfig or pkg-config says libpocketsphinx and libsphinxbase are. */
  readonly pocketsphinxLibrary: Check & {
    readonly path: string | null;
    readonly sphinxbase: string | null;
    readonly source: string | null;
  };
  readonly speech: { readonly selected: string | null; readonly engines: readonly EngineStatus[] };
  readonly wordVectors: Check & { readonly path: string | null; readonly bytes: number | null };
  readonly dataDir: Check & { readonly path: string | null };
}

/** Oldest Node Candor supports (package.json engines). */
const NODE_MINIMUM = [20, 19] as const;

const mark = (ok: boolean) => (ok ? '✓' : '✗');

function nodeCheck(): DoctorJson['node'] {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > NODE_MINIMUM[0] || (major === NODE_MINIMUM[0] && minor >= NODE_MINIMUM[1]);
  return {
    ok,
    version: process.version,
    detail: `Node ${process.version}${ok ? '' : ` (needs ≥ ${NODE_MINIMUM.join('.')})`}`,
  };
}

/** "ffmpeg version 5.1.9-0+deb12u1 Copyright …" → "5.1.9-0+deb12u1". */
const versionNumber = (banner: string | null) =>
  banner ? (/version (\S+)/.exec(banner)?.[1] ?? banner) : null;

async function ffmpegChecks(): Promise<Pick<DoctorJson, 'ffmpeg' | 'ffprobe'>> {
  try {
    const tools = await findFfmpeg();
    const [ffmpegVersion, ffprobeVersion] = await Promise.all([
      programVersion(tools.ffmpeg).then(versionNumber),
      tools.ffprobe ? programVersion(tools.ffprobe).then(versionNumber) : Promise.resolve(null),
    ]);
    return {
      ffmpeg: {
        ok: ffmpegVersion !== null,
        path: tools.ffmpeg,
        version: ffmpegVersion,
        source: tools.source,
        detail: ffmpegVersion
          ? `ffmpeg ${ffmpegVersion} (${tools.ffmpeg})`
          : `ffmpeg at ${tools.ffmpeg} does not run`,
      },
      ffprobe: {
        // Optional: media probing falls back to ffmpeg's own banner without it.
        ok: ffprobeVersion !== null,
        path: tools.ffprobe,
        version: ffprobeVersion,
        detail: ffprobeVersion
          ? `ffprobe ${ffprobeVersion} (${tools.ffprobe ?? ''})`
          : 'ffprobe not found (optional: probing falls back to ffmpeg)',
      },
    };
  } catch (error) {
    const detail = isCandorError(error) ? error.message : String(error);
    return {
      ffmpeg: { ok: false, path: null, version: null, source: null, detail },
      ffprobe: { ok: false, path: null, version: null, detail: 'ffprobe not found' },
    };
  }
}

function modelCheck(): DoctorJson['pocketsphinxModel'] {
  const model = pocketsphinxModel();
  const missing = missingModelFiles(model);
  const folder = path.dirname(model.lm);
  return {
    ok: missing.length === 0,
    path: folder,
    missing,
    detail:
      missing.length === 0
        ? `pocketsphinx model: ${folder}`
        : `pocketsphinx model missing: ${missing.join(', ')} (apt-get install pocketsphinx-en-us)`,
  };
}

function libraryCheck(): DoctorJson['pocketsphinxLibrary'] {
  const found = locatePocketsphinx();
  const ok = found.pocketsphinx !== null && found.sphinxbase !== null;
  const missing = [
    found.pocketsphinx ? null : 'libpocketsphinx.so.3',
    found.sphinxbase ? null : 'libsphinxbase.so.3',
  ].filter((name) => name !== null);
  return {
    ok,
    path: found.pocketsphinx?.path ?? null,
    sphinxbase: found.sphinxbase?.path ?? null,
    source: found.pocketsphinx?.source ?? null,
    detail: ok
      ? `libpocketsphinx: ${found.pocketsphinx.path} (found by ${found.pocketsphinx.source}; libsphinxbase: ${found.sphinxbase.path})`
      : `libpocketsphinx: ${missing.join(', ')} not found by ldconfig -p or pkg-config (apt-get install libpocketsphinx3)`,
  };
}

function wordVectorsCheck(): DoctorJson['wordVectors'] {
  let file: string;
  try {
    file = defaultEmbeddingsFile();
  } catch (error) {
    return {
      ok: false,
      path: null,
      bytes: null,
      detail: `word vectors: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!existsSync(file))
    return {
      ok: false,
      path: file,
      bytes: null,
      detail: `word vectors missing: ${file} (run npm run build)`,
    };
  const bytes = statSync(file).size;
  return {
    ok: true,
    path: file,
    bytes,
    detail: `word vectors: ${file} (${(bytes / 2 ** 20).toFixed(1)} MB)`,
  };
}

/** Writable, or not yet there but creatable (its nearest existing parent is writable). */
function dataDirCheck(env: NodeJS.ProcessEnv): DoctorJson['dataDir'] {
  let dir: string;
  try {
    dir = loadConfig(env).dataDir;
  } catch (error) {
    return {
      ok: false,
      path: null,
      detail: `data dir: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let probe = dir;
  while (!existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  if (!statSync(probe).isDirectory()) {
    return {
      ok: false,
      path: dir,
      detail: `data dir not writable: ${dir} (${probe} is a file; set CANDOR_DATA_DIR)`,
    };
  }
  try {
    accessSync(probe, constants.W_OK);
    const created = probe === dir ? '' : ' (will be created)';
    return { ok: true, path: dir, detail: `data dir writable: ${dir}${created}` };
  } catch {
    return { ok: false, path: dir, detail: `data dir not writable: ${dir} (set CANDOR_DATA_DIR)` };
  }
}

/**
 * Checks what Candor needs here and says what is missing: Node, ffmpeg/ffprobe, the speech
 * engines (each one usable or why not, and which one would be used), the pocketsphinx model, the
 * word-vector file and the data folder. `ok` is false when something required is missing; ffprobe,
 * whisper and the OpenAI-compatible endpoint are optional.
 *
 * @example const { text, json } = await doctorReport(); process.stdout.write(text)
 */
export async function doctorReport(options: DoctorOptions = {}): Promise<{ text: string; json: DoctorJson }> {
  const env = options.env ?? process.env;
  const [media, engines] = await Promise.all([ffmpegChecks(), checkEngines(env)]);
  let selected: string | null = null;
  try {
    selected = (await selectEngine({ env })).name;
  } catch {
    selected = null;
  }
  await closeSharedDecoder();

  const json: DoctorJson = {
    ok: false,
    node: nodeCheck(),
    ...media,
    pocketsphinxModel: modelCheck(),
    pocketsphinxLibrary: libraryCheck(),
    speech: { selected, engines },
    wordVectors: wordVectorsCheck(),
    dataDir: dataDirCheck(env),
  };
  const ok = json.node.ok && json.ffmpeg.ok && selected !== null && json.wordVectors.ok && json.dataDir.ok;

  const lines = [
    'Candor doctor',
    `${mark(json.node.ok)} ${json.node.detail}`,
    `${mark(json.ffmpeg.ok)} ${json.ffmpeg.detail}`,
    `${mark(json.ffprobe.ok)} ${json.ffprobe.detail}`,
    `${mark(json.pocketsphinxModel.ok)} ${json.pocketsphinxModel.detail}`,
    `${mark(json.pocketsphinxLibrary.ok)} ${json.pocketsphinxLibrary.detail}`,
    `${mark(selected !== null)} speech-to-text: ${selected ? `uses ${selected}` : 'no usable engine'}`,
    ...engines.map((e) => `    ${mark(e.usable)} ${e.name}: ${e.reason}`),
    `${mark(json.wordVectors.ok)} ${json.wordVectors.detail}`,
    `${mark(json.dataDir.ok)} ${json.dataDir.detail}`,
    ok ? 'Ready.' : 'Something required is missing (✗ above).',
  ];
  return { text: `${lines.join('\n')}\n`, json: { ...json, ok } };
}
