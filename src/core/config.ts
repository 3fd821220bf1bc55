import path from 'node:path';
import { z } from 'zod';
import { CandorError } from './errors.js';

const ConfigSchema = z.object({
  CANDOR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
});

export interface CandorConfig {
  /** Folder holding the embedded database and media. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite database is used. */
  readonly databaseUrl: string | undefined;
}

/**
 * Reads and validates Candor's settings from the environment.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): CandorConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    throw new CandorError('CONFIG_INVALID', `${setting}: ${issue?.message ?? 'invalid'}`, { setting });
  }
  return {
    dataDir: path.resolve(parsed.data.CANDOR_DATA_DIR),
    databaseUrl: parsed.data.DATABASE_URL,
  };
}
