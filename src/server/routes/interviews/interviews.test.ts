import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { closeSharedDecoder } from '../../../analysis/speech/stt/index.js';
import { openStore } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { describeInterviewRecords } from './interviews.suite.js';
import { describeTranscriptsAndAnalysis } from './transcripts.suite.js';
import { describeTasks } from './tasks.suite.js';
import { describeUploadChecks } from './upload-checks.suite.js';
import { describeUploads } from './uploads.suite.js';
import { need, requires } from '../../../test-helpers.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-interview-routes-'));
afterAll(async () => {
  await closeSharedDecoder();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const suites = [
  describeInterviewRecords,
  describeUploads,
  describeUploadChecks,
  describeTranscriptsAndAnalysis,
  describeTasks,
];

describe('SQLite', () => {
  for (const suite of suites) suite('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_interview_routes_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  for (const suite of suites) suite('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
