import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { CandorError } from '../../core/index.js';

/** Where the ffmpeg programs were found. */
export interface FfmpegTools {
  readonly ffmpeg: string;
  /** ffprobe beside it, or null (the npm fallback ships ffmpeg only). */
  readonly ffprobe: string | null;
  readonly source: 'system' | '@ffmpeg-installer/ffmpeg';
}

const FALLBACK_PACKAGE = '@ffmpeg-installer/ffmpeg';
const INSTALL_HINT = `install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg) or npm install ${FALLBACK_PACKAGE}`;

let cached: Promise<FfmpegTools> | undefined;

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian's /usr/bin first (the tested build), then every folder on PATH. */
function onSystem(program: string): string | null {
  const folders = ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)];
  for (const folder of folders) {
    const file = path.join(folder, program);
    if (executable(file)) return file;
  }
  return null;
}

async function fromPackage(): Promise<string | null> {
  try {
    // A variable specifier keeps TypeScript from requiring the optional package's types.
    const specifier: string = FALLBACK_PACKAGE;
    const mod = (await import(specifier)) as { path?: unknown; default?: { path?: unknown } };
    const file = mod.path ?? mod.default?.path;
    return typeof file === 'string' && executable(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Finds ffmpeg and ffprobe: the system's (Debian's /usr/bin/ffmpeg, else PATH), else the optional
 * `@ffmpeg-installer/ffmpeg` package when it is installed. Cached for the process.
 *
 * @throws CandorError ASSET_MISSING when neither is present, saying how to install one.
 * @example const { ffmpeg } = await findFfmpeg()
 */
export function findFfmpeg(): Promise<FfmpegTools> {
  cached ??= locate();
  return cached;
}

async function locate(): Promise<FfmpegTools> {
  const ffmpeg = onSystem('ffmpeg');
  if (ffmpeg) {
    const sibling = path.join(path.dirname(ffmpeg), 'ffprobe');
    return { ffmpeg, ffprobe: executable(sibling) ? sibling : onSystem('ffprobe'), source: 'system' };
  }
  const packaged = await fromPackage();
  if (packaged) return { ffmpeg: packaged, ffprobe: onSystem('ffprobe'), source: FALLBACK_PACKAGE };
  cached = undefined; // let a later call find an ffmpeg installed meanwhile
  throw new CandorError(
    'ASSET_MISSING',
    `ffmpeg not found: not in /usr/bin or on PATH, and ${FALLBACK_PACKAGE} is not installed; ${INSTALL_HINT}`,
    { asset: 'ffmpeg' },
  );
}

/**
 * The first line of `<program> -version`, e.g. "ffmpeg version 5.1.9-0+deb12u1 …", or null.
 * @example await programVersion('/usr/bin/ffprobe')
 */
export function programVersion(program: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(program, ['-version'], { timeout: 10_000 }, (error, stdout) => {
      if (error) return resolve(null);
      resolve(stdout.split('\n')[0]?.trim() || null);
    });
  });
}
