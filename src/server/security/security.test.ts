import { afterAll, describe } from 'vitest';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore } from '../../store/index.js';
import { postgresTestSchema } from '../../store/test-helpers.js';
import { describeSecurity } from './security.suite.js';

const data = tempDir('candor-security-');

describe('SQLite', () => {
  afterAll(data.cleanup);
  describeSecurity('sqlite', (now) => openStore({ dataDir: data.dir, now }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_security_test', databaseUrl);

describe.skipIf(!databaseUrl)('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeSecurity('postgres', (now) => openStore({ dataDir: data.dir, databaseUrl, schema, now }));
});
