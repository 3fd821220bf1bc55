import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CandorError, loadConfig } from '../../core/index.js';
import { openStore, USER_ROLES, type Store, type UserRecord } from '../../store/index.js';

export interface CreateUserOptions {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  /** Generated (and printed once) when absent. */
  readonly password?: string;
  /** Workspace slug, created if missing; `default` when absent. */
  readonly workspace?: string;
}

export interface CreateUserIo {
  /** An open store; otherwise one is opened from the environment and closed afterwards. */
  readonly store?: Store;
  readonly print?: (line: string) => void;
  readonly env?: NodeJS.ProcessEnv;
}

/** Shortest password accepted; NIST SP 800-63B §3.1.1.2 asks for at least 8 characters. */
const MIN_PASSWORD_LENGTH = 8;

const Input = z.object({
  email: z.email({ message: 'expected an email address' }),
  name: z.string().trim().min(1, { message: 'must not be empty' }),
  role: z.enum(USER_ROLES, { message: `expected one of ${USER_ROLES.join(', ')}` }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
    .optional(),
  workspace: z.string().min(1).default('default'),
});

/**
 * `candor user create`: adds a user who can sign in to the API. Without a password, one is
 * generated and printed once.
 *
 * @throws CandorError VALIDATION_FAILED naming the field; CONFLICT when the email is taken.
 * @example await createUser({ email: 'ana@example.com', name: 'Ana', role: 'admin' })
 */
export async function createUser(
  options: CreateUserOptions,
  io: CreateUserIo = {},
): Promise<{ user: UserRecord; password: string; generated: boolean }> {
  const parsed = Input.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'input');
    throw new CandorError('VALIDATION_FAILED', `--${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  const input = parsed.data;
  const print = io.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const generated = input.password === undefined;
  const password = input.password ?? randomBytes(18).toString('base64url');
  const store = io.store ?? (await openFromEnv(io.env ?? process.env));
  try {
    const workspace = await store.workspaces.ensure({ slug: input.workspace });
    const user = await store.users.create({
      workspaceId: workspace.id,
      email: input.email,
      name: input.name,
      role: input.role,
      password,
    });
    print(`Created ${user.role} ${user.email} in workspace ${workspace.slug} (${user.id})`);
    if (generated) print(`Password (shown once): ${password}`);
    return { user, password, generated };
  } finally {
    if (io.store === undefined) await store.close();
  }
}

function openFromEnv(env: NodeJS.ProcessEnv): Promise<Store> {
  const config = loadConfig(env);
  return openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
}
