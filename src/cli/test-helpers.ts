/** Test support for the CLI: running `candor …` in process, as a user types it. */
import { vi } from 'vitest';
import { main } from './main.js';

/**
 * Runs `candor …` in process and returns its exit code, stdout and stderr.
 * @example const { code, out, err } = await runCandor('model', 'list', '--json')
 */
export async function runCandor(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'candor', ...args]);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
