import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A failed start must end the process with one line and exit 2, so a supervisor can restart it
// (it used to log "driver has already been destroyed" every second and never exit).
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'candor.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'candor-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function serve(env: Record<string, string>, args: string[] = []) {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` before these tests');
  const r = spawnSync(process.execPath, [bin, 'serve', ...args], {
    cwd: root,
    encoding: 'utf8',
    // Generous for a loaded machine; a hanging start is what this test catches.
    timeout: 60_000,
    env: { ...process.env, CANDOR_DATA_DIR: dataDir, CANDOR_WORKER: 'true', NO_COLOR: '1', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('candor serve that cannot start', () => {
  it('exits 2 with one line when the port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const r = serve({ PORT: String(port), HOST: '127.0.0.1' });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `candor: CONFIG_INVALID: cannot listen on 127.0.0.1:${port}: the port is already in use (another Candor or program?); set PORT to a free one\n`,
      );
      expect(r.stdout).not.toMatch(/destroyed/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 90_000);

  it('exits 2 with one line for a HOST that is not an address of this machine', () => {
    // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): never assigned here, so binding fails at once.
    const r = serve({ HOST: '203.0.113.7' }, ['--port', '0']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^candor: CONFIG_INVALID: cannot listen on 203\.0\.113\.7:0: this machine has no such address; set HOST/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).not.toMatch(/destroyed/);
  }, 90_000);
});
