/**
 * The web app and the API agree: the committed `web/src/api/openapi.gen.ts` is what the server's
 * OpenAPI document generates today, and the web app (with `web/src/api/contract.ts`, which checks
 * every response it reads and every body it sends against those types) type-checks.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../scripts/api-types.mjs';

const root = path.resolve(import.meta.dirname, '..');

describe('web app ↔ API contract', () => {
  it('the committed API types are generated from the current OpenAPI document', async () => {
    const committed = fs.readFileSync(path.join(root, API_TYPES_FILE), 'utf8');
    const current = await apiTypesSource();
    expect(current.includes("'/api/v1/scorecards/{id}'"), 'the document lists the scorecard route').toBe(
      true,
    );
    expect(committed === current, `${API_TYPES_FILE} is out of date: run npm run api-types`).toBe(true);
  });

  it('the web app type-checks against them (every response read, every body sent)', async () => {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = promisify(execFile)(process.execPath, [tsc, '-p', path.join(root, 'web', 'tsconfig.json')], {
      cwd: root,
    });
    const result = await run.then(
      () => ({ ok: true, output: '' }),
      (error: { stdout?: string; stderr?: string }) => ({
        ok: false,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});
