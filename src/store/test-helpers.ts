import pg from 'pg';

/**
 * A PostgreSQL schema name unique to this test run (so parallel runs and the leftovers of a
 * crashed run never meet), and the drop that removes it afterwards.
 * @example const { schema, drop } = postgresTestSchema('candor_test'); afterAll(drop)
 */
export function postgresTestSchema(
  prefix: string,
  databaseUrl: string | undefined,
): { schema: string; drop: () => Promise<void> } {
  const schema = `${prefix}_${process.pid}_${Date.now()}`;
  return {
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
