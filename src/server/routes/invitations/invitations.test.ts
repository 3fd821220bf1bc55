import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { describeInvitations } from './invitations.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-invitations-'));
const media = [need.tool('ffmpeg'), need.sharedData('speech/jfk.flac')];

requires(...media).describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeInvitations('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_invitations_test', databaseUrl);

requires(need.database(), ...media).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeInvitations('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
