import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pipeline/test-helpers.js';
import { loadServerConfig } from '../server/config.js';
import { openStore, SQLITE_FILE_NAME } from './index.js';

const root = tempDir('candor-modes-');
afterAll(root.cleanup);

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('data folder and database file modes', () => {
  it('creates the data folder 0700 and the database, its WAL and secret 0600', async () => {
    const dataDir = path.join(root.dir, 'fresh', 'data');
    loadServerConfig({}, { dataDir });
    const store = await openStore({ dataDir });
    try {
      await store.workspaces.ensure({ slug: 'modes' });
      expect(mode(dataDir)).toBe(0o700);
      const db = path.join(dataDir, SQLITE_FILE_NAME);
      expect(mode(db)).toBe(0o600);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
      expect(mode(path.join(dataDir, 'secret'))).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('tightens a world-readable folder and database left by an older version at start', async () => {
    const dataDir = path.join(root.dir, 'old');
    const first = await openStore({ dataDir });
    await first.close();
    const db = path.join(dataDir, SQLITE_FILE_NAME);
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(db, 0o644);
    fs.writeFileSync(path.join(dataDir, 'secret'), 'x'.repeat(40), { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'secret'), 0o644);
    loadServerConfig({}, { dataDir });
    const again = await openStore({ dataDir });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(db)).toBe(0o600);
      expect(mode(path.join(dataDir, 'secret'))).toBe(0o600);
    } finally {
      await again.close();
    }
  });
});
