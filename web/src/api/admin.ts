/**
 * The admin console's calls and types (users, API tokens, settings, frameworks, question sets,
 * activity), kept apart from `index.ts` so the console's routes can change without touching the
 * rest of the app. The types name `openapi.gen.ts`; the contract at the bottom checks the bodies.
 */
import { request } from './client';
import type { components, paths } from './openapi.gen';
import type { Body as RouteBody, Method, Ok, ReadonlyDeep } from './openapi-helpers';
import type { QuestionSet, Role } from './types';

type Schemas = components['schemas'];

export type UserAccount = ReadonlyDeep<Schemas['UserAccount']>;
export type NewUser = ReadonlyDeep<RouteBody<'/api/v1/users', 'post'>>;
export type UserPatch = ReadonlyDeep<RouteBody<'/api/v1/users/{id}', 'patch'>>;
export type PasswordReset = ReadonlyDeep<Ok<'/api/v1/users/{id}/password', 'post'>>;
export type WorkspaceToken = ReadonlyDeep<Schemas['WorkspaceApiToken']>;
export type IssuedToken = ReadonlyDeep<Ok<'/api/v1/tokens', 'post'>>;
export type WorkspaceSettings = ReadonlyDeep<Schemas['WorkspaceSettings']>;
export type SettingsChange = ReadonlyDeep<RouteBody<'/api/v1/settings', 'put'>>;
export type ActivityPage = ReadonlyDeep<Ok<'/api/v1/activity', 'get'>>;
export type ActivityItem = ActivityPage['activity'][number];
export type FrameworkDetail = ReadonlyDeep<Ok<'/api/v1/frameworks/{id}', 'get'>>;
/** A framework's full definition, as the edit route accepts it (the schema of frameworks/default.yaml). */
export type FrameworkDefinition = RouteBody<'/api/v1/frameworks/{id}/versions', 'post'>;
export type FrameworkCompetency = FrameworkDefinition['competencies'][number];
export type FrameworkVersions = ReadonlyDeep<Ok<'/api/v1/frameworks/{id}/versions', 'get'>>;
export type FrameworkComparison = ReadonlyDeep<Ok<'/api/v1/frameworks/{id}/compare', 'get'>>;
export type FrameworkSaved = ReadonlyDeep<Ok<'/api/v1/frameworks/{id}/versions', 'post'>>;
export type NewQuestionSet = ReadonlyDeep<RouteBody<'/api/v1/question-sets', 'post'>>;

const enc = encodeURIComponent;

/**
 * @example const { users } = await adminApi.users.list()
 */
export const adminApi = {
  users: {
    list: () => request<{ users: UserAccount[] }>('GET', '/users'),
    create: (user: NewUser) => request<UserAccount>('POST', '/users', { body: user }),
    update: (id: string, patch: UserPatch) =>
      request<UserAccount>('PATCH', `/users/${enc(id)}`, { body: patch }),
    /** Without a password the server makes a one-time password and answers it once. */
    resetPassword: (id: string) => request<PasswordReset>('POST', `/users/${enc(id)}/password`, { body: {} }),
  },
  tokens: {
    list: () => request<{ tokens: WorkspaceToken[] }>('GET', '/workspace/tokens'),
    /** Issues a token to the signed-in admin; the secret is in this answer only. */
    create: (name: string) => request<IssuedToken>('POST', '/tokens', { body: { name } }),
    revoke: (id: string) => request<void>('DELETE', `/workspace/tokens/${enc(id)}`),
  },
  settings: {
    get: () => request<WorkspaceSettings>('GET', '/settings'),
    update: (change: SettingsChange) => request<WorkspaceSettings>('PUT', '/settings', { body: change }),
  },
  activity: {
    list: (limit: number, offset: number) =>
      request<ActivityPage>('GET', '/activity', { query: { limit, offset } }),
  },
  frameworks: {
    get: (id: string, version?: string) =>
      request<FrameworkDetail>('GET', `/frameworks/${enc(id)}`, { query: { version } }),
    versions: (id: string) => request<FrameworkVersions>('GET', `/frameworks/${enc(id)}/versions`),
    compare: (id: string, from?: string, to?: string) =>
      request<FrameworkComparison>('GET', `/frameworks/${enc(id)}/compare`, { query: { from, to } }),
    saveVersion: (id: string, definition: FrameworkDefinition) =>
      request<FrameworkSaved>('POST', `/frameworks/${enc(id)}/versions`, { body: definition }),
    duplicate: (id: string, copy: { id: string; name: string; version?: string }) =>
      request<FrameworkSaved>('POST', `/frameworks/${enc(id)}/duplicate`, { body: copy }),
  },
  questionSets: {
    save: (set: NewQuestionSet) => request<QuestionSet>('POST', '/question-sets', { body: set }),
  },
};

/** The roles an admin can give, in the order the console lists them. */
export const ROLES: readonly Role[] = [
  'admin',
  'recruiter',
  'hiring_manager',
  'advisor',
  'auditor',
  'candidate',
];

// ── Contract: what the console reads and sends fits the routes (type-checked only) ──────────

type Fits<From, To> = [From] extends [never] ? false : [From] extends [To] ? true : false;
type Body<P extends keyof paths, M extends Method> = ReadonlyDeep<RouteBody<P, M>>;

interface AdminContract {
  users: Fits<Ok<'/api/v1/users', 'get'>, { users: UserAccount[] }>;
  userCreate: Fits<Ok<'/api/v1/users', 'post'>, Omit<UserAccount, 'active'>>;
  userUpdate: Fits<Ok<'/api/v1/users/{id}', 'patch'>, UserAccount>;
  tokens: Fits<Ok<'/api/v1/workspace/tokens', 'get'>, { tokens: WorkspaceToken[] }>;
  settings: Fits<Ok<'/api/v1/settings', 'put'>, WorkspaceSettings>;
  questionSetSave: Fits<Ok<'/api/v1/question-sets', 'post'>, QuestionSet>;
  passwordBody: Fits<Record<string, never>, Body<'/api/v1/users/{id}/password', 'post'>>;
  tokenBody: Fits<{ name: string }, Body<'/api/v1/tokens', 'post'>>;
  duplicateBody: Fits<
    { id: string; name: string; version?: string },
    Body<'/api/v1/frameworks/{id}/duplicate', 'post'>
  >;
}

export const adminContract: AdminContract = {
  users: true,
  userCreate: true,
  userUpdate: true,
  tokens: true,
  settings: true,
  questionSetSave: true,
  passwordBody: true,
  tokenBody: true,
  duplicateBody: true,
};
