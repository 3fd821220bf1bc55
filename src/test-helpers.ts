/**
 * Test-only (excluded from the build by name): the one guard for tests that need something outside
 * the repository — a program, a shared library, the shared real-data folder, the built dist/, a
 * PostgreSQL database. On a developer's machine a missing need skips the tests, with the reason in
 * their name; in CI (`CI` set) it is a failing test whose message says exactly what is missing and
 * how to get it. test/summary-reporter.ts fails a CI run that skipped anything at all.
 *
 * @example
 * requires(need.tool('ffmpeg'), need.sharedData('speech/jfk.flac')).describe('decodeAudio', () => { … })
 * requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => { … })
 * const realIt = requires(need.sharedData('speech')).it
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it, type TestFunction } from 'vitest';
import {
  locatePocketsphinx,
  missingModelFiles,
  pocketsphinxModel,
} from './analysis/speech/stt/pocketsphinx-config.js';

/** The project root (this file is src/test-helpers.ts). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
/** The shared real-data sets: `../shared/data` beside the project (see its README). */
export const SHARED_DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');

/** One thing a test needs: null `missing` when it is here, else what is missing and how to get it. */
export interface Need {
  /** Short name for a skip reason: "ffmpeg", "../shared/data/speech/jfk.flac". */
  readonly name: string;
  /** Null when present; otherwise the full sentence: what is missing, where it was looked for, the fix. */
  readonly missing: string | null;
}

/** Whether this is a CI run (`CI` set to anything but "", "0" or "false"). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

const APT_PACKAGE: Readonly<Record<string, string>> = {
  ffmpeg: 'ffmpeg',
  ffprobe: 'ffmpeg',
  praat: 'praat',
  chromium: 'chromium',
};

function onPath(command: string): string | null {
  const result = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

const memo = new Map<string, Need>();
function cached(key: string, check: () => Need): Need {
  let found = memo.get(key);
  if (!found) memo.set(key, (found = check()));
  return found;
}

/** The needs a test can declare. Each is checked once per test file. */
export const need = {
  /** A program on the PATH (`ffmpeg`, `praat`, `chromium`). */
  tool(command: string): Need {
    return cached(`tool:${command}`, () => ({
      name: command,
      missing: onPath(command)
        ? null
        : `program "${command}" not found on the PATH (Debian: apt-get install ${APT_PACKAGE[command] ?? command})`,
    }));
  },

  /** A file or folder of the shared real-data sets, relative to ../shared/data (`speech/jfk.flac`). */
  sharedData(relative: string): Need {
    const file = path.join(SHARED_DATA, relative);
    return cached(`data:${file}`, () => ({
      name: `../shared/data/${relative}`,
      missing: existsSync(file)
        ? null
        : `shared data missing: ${file} (the real-data folder ../shared/data must sit beside the project; .ci/run checks it)`,
    }));
  },

  /** libpocketsphinx + libsphinxbase where ldconfig/pkg-config say, and the US English model. */
  pocketsphinx(): Need {
    return cached('pocketsphinx', () => {
      const libraries = locatePocketsphinx();
      const problems: string[] = [];
      if (!libraries.pocketsphinx) problems.push('libpocketsphinx.so.3 (apt-get install libpocketsphinx3)');
      if (!libraries.sphinxbase) problems.push('libsphinxbase.so.3 (apt-get install libsphinxbase3)');
      const model = missingModelFiles(pocketsphinxModel());
      if (model.length > 0)
        problems.push(`model files ${model.join(', ')} (apt-get install pocketsphinx-en-us)`);
      return {
        name: 'pocketsphinx',
        missing:
          problems.length === 0
            ? null
            : `pocketsphinx missing: ${problems.join('; ')}; libraries are looked up with ldconfig -p, then pkg-config`,
      };
    });
  },

  /** A file `npm run build` writes, relative to the project root (default the CLI). */
  built(relative = 'dist/cli/main.js'): Need {
    const file = path.join(PROJECT_ROOT, relative);
    return cached(`built:${file}`, () => ({
      name: relative,
      missing: existsSync(file) ? null : `not built: ${file} (run npm run build)`,
    }));
  },

  /** The GloVe word vectors `npm run build` converts into dist/assets/glove-100d.bin. */
  wordVectors(): Need {
    return need.built('dist/assets/glove-100d.bin');
  },

  /** A PostgreSQL database for the store and route suites, named by TEST_DATABASE_URL. */
  database(env: NodeJS.ProcessEnv = process.env): Need {
    return {
      name: 'TEST_DATABASE_URL',
      missing: env.TEST_DATABASE_URL
        ? null
        : 'TEST_DATABASE_URL is not set (a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/test; .ci/run starts PostgreSQL and sets it)',
    };
  },
};

/** What `requires(…)` returns: the guarded `describe` and `it`, and whether everything is here. */
export interface Requirement {
  /** True when every need is present. */
  readonly ready: boolean;
  /** The sentences for what is missing (empty when ready). */
  readonly missing: readonly string[];
  /**
   * Like vitest's describe: runs when ready, else skips (reason in the name) or, in CI, fails.
   * `timeout` (ms) applies to each test inside, for slow work (speech recognition, a browser).
   */
  readonly describe: (name: string, body: () => void, timeout?: number) => void;
  /** Like vitest's it: runs when ready, else skips (reason in the name) or, in CI, fails. */
  readonly it: (name: string, fn: TestFunction, timeout?: number) => void;
}

/**
 * Guards tests on what they need. Outside CI a missing need skips them with the reason in their
 * name; with CI set it registers one failing test per guarded block naming what is missing, and
 * never runs the block (so no hook fails with a vaguer error first).
 *
 * @example requires(need.tool('ffmpeg'), need.pocketsphinx()).describe('recognises speech', () => { … })
 */
export function requires(...needs: Need[]): Requirement {
  const missing = needs.flatMap((n) => (n.missing === null ? [] : [n.missing]));
  const names = needs.filter((n) => n.missing !== null).map((n) => n.name);
  const ready = missing.length === 0;
  const skipName = (name: string) => `${name} [skipped: needs ${names.join(', ')}]`;
  const failure = () => new Error(`missing in CI:\n- ${missing.join('\n- ')}`);
  const failing = (label: string) =>
    it(label, () => {
      throw failure();
    });
  return {
    ready,
    missing,
    describe: (name, body, timeout) => {
      if (ready) describe(name, { timeout }, body);
      else if (inCi()) describe(name, () => failing(`needs ${names.join(', ')}`));
      else describe.skip(skipName(name), body);
    },
    it: (name, fn, timeout) => {
      if (ready) it(name, fn, timeout);
      else if (inCi()) failing(`${name} [needs ${names.join(', ')}]`);
      else it.skip(skipName(name), fn);
    },
  };
}
