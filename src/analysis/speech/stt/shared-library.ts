import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a shared library was found, and who said so. */
export interface FoundLibrary {
  /** Absolute path of the library file. */
  readonly path: string;
  /** `ldconfig` (the dynamic linker's cache) or `pkg-config` (the package's libdir). */
  readonly source: 'ldconfig' | 'pkg-config';
}

/** ldconfig's word for this process's architecture, as printed in `ldconfig -p` ("libc6,x86-64"). */
const LDCONFIG_ARCH: Readonly<Record<string, string>> = {
  x64: 'x86-64',
  arm64: 'AArch64',
  ia32: '',
  arm: 'hard-float',
  ppc64: '64bit',
  s390x: '64bit',
  riscv64: 'riscv64',
};

/**
 * The path `ldconfig -p` lists for a file name (`libpocketsphinx.so.3`), preferring the entry built
 * for `arch` (a `process.arch`); null when it is not listed.
 * @example parseLdconfig('\tlibz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1', 'libz.so.1', 'x64') // '/lib/x86_64-linux-gnu/libz.so.1'
 */
export function parseLdconfig(output: string, fileName: string, arch = process.arch): string | null {
  const entries: { flags: string; path: string }[] = [];
  for (const line of output.split('\n')) {
    const match = /^\s*(\S+)\s+\(([^)]*)\)\s+=>\s+(\S.*)$/.exec(line);
    if (match && match[1] === fileName) entries.push({ flags: match[2]!, path: match[3]!.trim() });
  }
  const tag = LDCONFIG_ARCH[arch];
  if (tag === undefined) return entries[0]?.path ?? null; // an architecture this table does not know
  // A 32-bit x86 entry carries no architecture flag ("libc6").
  const own = entries.find((e) => (tag === '' ? e.flags === 'libc6' : e.flags.split(',').includes(tag)));
  return own?.path ?? null;
}

function run(command: string, args: readonly string[]): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout : null;
}

/** `ldconfig -p`, from the PATH or the sbin folders a non-root PATH often lacks. */
function ldconfigCache(): string | null {
  for (const command of ['ldconfig', '/sbin/ldconfig', '/usr/sbin/ldconfig']) {
    const output = run(command, ['-p']);
    if (output !== null) return output;
  }
  return null;
}

/**
 * Finds a shared library by asking the system, never by a fixed path: first the dynamic linker's
 * cache (`ldconfig -p`), then `pkg-config --variable=libdir <package>`. `fileNames` are tried in
 * order (`['libpocketsphinx.so.3', 'libpocketsphinx.so']`).
 * @example findSharedLibrary('pocketsphinx', ['libpocketsphinx.so.3']) // { path: '/lib/x86_64-linux-gnu/libpocketsphinx.so.3', source: 'ldconfig' }
 */
export function findSharedLibrary(pkgConfigName: string, fileNames: readonly string[]): FoundLibrary | null {
  const cache = ldconfigCache();
  if (cache !== null) {
    for (const name of fileNames) {
      const found = parseLdconfig(cache, name);
      if (found !== null && existsSync(found)) return { path: found, source: 'ldconfig' };
    }
  }
  const libdir = run('pkg-config', ['--variable=libdir', pkgConfigName])?.trim();
  if (libdir) {
    for (const name of fileNames) {
      const file = path.join(libdir, name);
      if (existsSync(file)) return { path: file, source: 'pkg-config' };
    }
  }
  return null;
}
