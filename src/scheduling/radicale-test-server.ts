/**
 * Runs Debian's Radicale CalDAV server on a free loopback port for a test file: its own config,
 * storage folder and htpasswd file (plain) in a temporary folder, removed when it stops.
 * Tests use it behind `requires(need.tool('radicale'))`, so CI without it fails by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RadicaleServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** A user's calendar collection URL: `http://127.0.0.1:<port>/<user>/<calendar>/`. */
  calendarUrl(user: string, calendar: string): string;
  stop(): Promise<void>;
}

/**
 * @example
 * const radicale = await startRadicale({ dana: 'secret' })
 * afterAll(() => radicale.stop())
 */
export async function startRadicale(users: Readonly<Record<string, string>>): Promise<RadicaleServer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-radicale-'));
  const port = await freePort();
  const usersFile = path.join(folder, 'users');
  fs.writeFileSync(
    usersFile,
    Object.entries(users)
      .map(([user, password]) => `${user}:${password}\n`)
      .join(''),
  );
  const config = path.join(folder, 'config');
  fs.writeFileSync(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${usersFile}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[storage]',
      `filesystem_folder = ${path.join(folder, 'collections')}`,
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const child = spawn('radicale', ['--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilAnswering(url, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    calendarUrl: (user, calendar) => `${url}${user}/${calendar}/`,
    stop: async () => {
      await stopProcess(child);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`radicale exited with ${child.exitCode}: ${stderr()}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`radicale did not answer at ${url} within 15 s: ${stderr()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
