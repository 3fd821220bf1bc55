// Runs every benchmark program in bench/ (each *.mjs but this one), one after another, each in its
// own process so one program's warm caches never flatter the next. `npm run bench` builds first.
// A program that fails is reported and the rest still run; the exit code is non-zero if any failed.
// Pass names to run only those: `node bench/all.mjs api prosody`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).map((name) => name.replace(/\.mjs$/, ''));
const programs = readdirSync(here)
  .filter((file) => file.endsWith('.mjs') && file !== 'all.mjs')
  .filter((file) => only.length === 0 || only.includes(file.replace(/\.mjs$/, '')))
  .sort();
if (programs.length === 0) {
  console.error(`No benchmark named ${only.join(', ')} in bench/.`);
  process.exit(2);
}

const failed = [];
for (const file of programs) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync(process.execPath, [path.join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${file} (exit ${result.status ?? result.signal})`);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
