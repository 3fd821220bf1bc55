/**
 * The knowledge base's taxonomy calls and types: a workspace's topics with their synonyms, the
 * competitors and products it tracks with their aliases, and what recurs in the tags but is in
 * neither yet; re-tagging the stored conversations after an edit. The types name `openapi.gen.ts`.
 */
import { request } from './client';
import type { components } from './openapi.gen';
import type { Body, ReadonlyDeep } from './openapi-helpers';

type Schemas = components['schemas'];

export type KnowledgeTopic = ReadonlyDeep<Schemas['KnowledgeTopic']>;
export type TrackedName = ReadonlyDeep<Schemas['TrackedName']>;
export type TrackedNameKind = TrackedName['kind'];
export type KnowledgeSuggestion = ReadonlyDeep<Schemas['KnowledgeSuggestion']>;
export type TopicInput = ReadonlyDeep<Body<'/api/v1/knowledge/topics', 'post'>>;
export type TrackedNameInput = ReadonlyDeep<Body<'/api/v1/knowledge/names', 'post'>>;
export type KnowledgeRetag = ReadonlyDeep<Schemas['KnowledgeRetag']>;
export type RetagSummary = ReadonlyDeep<Schemas['RetagSummary']>;

const enc = encodeURIComponent;

/** @example const { topics } = await knowledgeApi.topics.list() */
export const knowledgeApi = {
  topics: {
    list: () => request<{ topics: KnowledgeTopic[] }>('GET', '/knowledge/topics'),
    create: (topic: TopicInput) => request<KnowledgeTopic>('POST', '/knowledge/topics', { body: topic }),
    update: (id: string, topic: Partial<TopicInput>) =>
      request<KnowledgeTopic>('PATCH', `/knowledge/topics/${enc(id)}`, { body: topic }),
    remove: (id: string) => request<void>('DELETE', `/knowledge/topics/${enc(id)}`),
    suggested: () => request<{ suggestions: KnowledgeSuggestion[] }>('GET', '/knowledge/topics/suggested'),
  },
  names: {
    list: () => request<{ names: TrackedName[] }>('GET', '/knowledge/names'),
    create: (name: TrackedNameInput) => request<TrackedName>('POST', '/knowledge/names', { body: name }),
    update: (id: string, name: Partial<TrackedNameInput>) =>
      request<TrackedName>('PATCH', `/knowledge/names/${enc(id)}`, { body: name }),
    remove: (id: string) => request<void>('DELETE', `/knowledge/names/${enc(id)}`),
    suggested: () => request<{ suggestions: KnowledgeSuggestion[] }>('GET', '/knowledge/names/suggested'),
  },
  retag: {
    /** Every non-practice conversation of the workspace, or the ones named; answers the task. */
    start: (interviewIds?: readonly string[]) =>
      request<KnowledgeRetag>('POST', '/knowledge/retag', {
        body: interviewIds === undefined ? {} : { interviewIds },
      }),
    get: (id: string) => request<KnowledgeRetag>('GET', `/knowledge/retag/${enc(id)}`),
  },
};
