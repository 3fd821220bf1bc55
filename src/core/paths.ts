import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding Candor's package.json, found from this file (works from src/ and dist/). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'candor') return (root = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the candor package root');
    dir = parent;
  }
}

let version: string | undefined;

/** Candor's version from package.json (read once); recorded in every scorecard. */
export function engineVersion(): string {
  if (version !== undefined) return version;
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return (version = manifest.version);
}
