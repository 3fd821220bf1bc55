/**
 * The follow-up agent's calls and types for the web app (issue 14, human oversight): a
 * candidate's message timeline and preview, the recruiters' inbox with drafts and answers,
 * pauses, and the workspace's templates and cadence. Kept apart from `index.ts` like the admin
 * console's; the types name `openapi.gen.ts` and the contract at the bottom checks the bodies.
 */
import { request } from './client';
import type { components, paths } from './openapi.gen';
import type { Body as RouteBody, Method, Ok, ReadonlyDeep } from './openapi-helpers';
import type { Candidate } from './types';

type Schemas = components['schemas'];

export type AgentMessage = ReadonlyDeep<Schemas['AgentMessage']>;
export type InboxReply = ReadonlyDeep<Ok<'/api/v1/agent/inbox', 'get'>['replies'][number]>;
export type ReplyDraft = ReadonlyDeep<Schemas['AgentReplyDraft']>;
export type ReplyAnswer = ReadonlyDeep<Ok<'/api/v1/messages/{id}/reply', 'post'>>;
export type AnswerBody = ReadonlyDeep<RouteBody<'/api/v1/messages/{id}/reply', 'post'>>;
export type MessagePreview = ReadonlyDeep<Schemas['AgentMessagePreview']>;
export type AgentPause = ReadonlyDeep<Ok<'/api/v1/agent/pauses', 'get'>['pauses'][number]>;
export type AgentTemplate = ReadonlyDeep<Schemas['AgentTemplate']>;
export type TemplateEdit = ReadonlyDeep<RouteBody<'/api/v1/agent/templates', 'put'>>;
export type RenderedTemplate = ReadonlyDeep<Ok<'/api/v1/agent/templates/preview', 'post'>>;
export type AgentCadence = ReadonlyDeep<Schemas['AgentCadence']>;
export type CadenceChange = ReadonlyDeep<RouteBody<'/api/v1/agent/cadence', 'put'>>;
export type CandidateDetail = ReadonlyDeep<Ok<'/api/v1/candidates/{id}', 'get'>>;
export type MessageChannel = AgentMessage['channel'];
export type PauseSubject = { readonly candidateId: string } | { readonly jobId: string };

const enc = encodeURIComponent;

/**
 * @example const { replies } = await agentApi.inbox()
 */
export const agentApi = {
  candidate: (id: string) => request<CandidateDetail>('GET', `/candidates/${enc(id)}`),
  timeline: (candidateId: string) =>
    request<{ messages: AgentMessage[] }>('GET', `/candidates/${enc(candidateId)}/messages`),
  preview: (candidateId: string, flow: string, channel?: MessageChannel) =>
    request<MessagePreview>('GET', `/candidates/${enc(candidateId)}/messages/preview`, {
      query: { flow, channel },
    }),
  inbox: () => request<{ replies: InboxReply[] }>('GET', '/agent/inbox'),
  draft: (messageId: string) => request<ReplyDraft>('GET', `/messages/${enc(messageId)}/draft`),
  answer: (messageId: string, body: AnswerBody) =>
    request<ReplyAnswer>('POST', `/messages/${enc(messageId)}/reply`, { body }),
  markHandled: (messageId: string) => request<AgentMessage>('POST', `/messages/${enc(messageId)}/handled`),
  pauses: () => request<{ pauses: AgentPause[] }>('GET', '/agent/pauses'),
  pause: (subject: PauseSubject) => request<void>('POST', '/agent/pause', { body: subject }),
  resume: (subject: PauseSubject) => request<void>('POST', '/agent/resume', { body: subject }),
  templates: () => request<{ templates: AgentTemplate[] }>('GET', '/agent/templates'),
  saveTemplate: (edit: TemplateEdit) => request<AgentTemplate>('PUT', '/agent/templates', { body: edit }),
  resetTemplate: (flow: string, channel: MessageChannel) =>
    request<AgentTemplate>('POST', '/agent/templates/reset', { body: { flow, channel } }),
  previewTemplate: (edit: TemplateEdit) =>
    request<RenderedTemplate>('POST', '/agent/templates/preview', { body: edit }),
  cadence: () => request<AgentCadence>('GET', '/agent/cadence'),
  saveCadence: (change: CadenceChange) => request<AgentCadence>('PUT', '/agent/cadence', { body: change }),
};

/** What a flow is for, in the words of the settings page. */
export const FLOW_LABEL: Readonly<Record<string, string>> = {
  invitation: 'Invitation to interview',
  confirmation: '"Thanks, we got it"',
  status: 'Status answer',
  withdrawal: 'Withdrawal acknowledged',
  opt_out: 'Unsubscribe confirmation',
  holding: 'Inbox draft: holding reply',
  apology: 'Inbox draft: apology',
  reply: 'Answer from a person',
};

/** A flow's label, or its name made readable for a flow added later. */
export function flowLabel(flow: string): string {
  return FLOW_LABEL[flow] ?? flow.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

// ── Contract: what the pages read and send fits the routes (type-checked only) ──────────────

type Fits<From, To> = [From] extends [never] ? false : [From] extends [To] ? true : false;
type Body<P extends keyof paths, M extends Method> = ReadonlyDeep<RouteBody<P, M>>;

interface AgentContract {
  candidate: Fits<Ok<'/api/v1/candidates/{id}', 'get'>['candidate'], Candidate>;
  timeline: Fits<Ok<'/api/v1/candidates/{id}/messages', 'get'>, { messages: AgentMessage[] }>;
  draft: Fits<Ok<'/api/v1/messages/{id}/draft', 'get'>, ReplyDraft>;
  handled: Fits<Ok<'/api/v1/messages/{id}/handled', 'post'>, AgentMessage>;
  templates: Fits<Ok<'/api/v1/agent/templates', 'get'>, { templates: AgentTemplate[] }>;
  saved: Fits<Ok<'/api/v1/agent/templates', 'put'>, AgentTemplate>;
  cadence: Fits<Ok<'/api/v1/agent/cadence', 'put'>, AgentCadence>;
  pauseBody: Fits<PauseSubject, Body<'/api/v1/agent/pause', 'post'>>;
  resetBody: Fits<{ flow: string; channel: MessageChannel }, Body<'/api/v1/agent/templates/reset', 'post'>>;
}

export const agentContract: AgentContract = {
  candidate: true,
  timeline: true,
  draft: true,
  handled: true,
  templates: true,
  saved: true,
  cadence: true,
  pauseBody: true,
  resetBody: true,
};
