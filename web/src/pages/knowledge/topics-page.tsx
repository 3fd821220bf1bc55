import { useState } from 'react';
import { knowledgeApi, type KnowledgeSuggestion, type TrackedNameKind } from '../../api/knowledge';
import { Async, EmptyState, ErrorMessage } from '../../components/status';
import { PageHeader } from '../../page';
import { useApi } from '../../use-api';
import '../../styles/admin.css';
import '../../styles/knowledge.css';
import { TermTable, type TermInput } from './term-table';
import { KnowledgeTabs } from './knowledge-tabs';
import { RetagPanel } from './retag-panel';

const NAME_KINDS: readonly TrackedNameKind[] = ['competitor', 'product'];

/**
 * `/knowledge/topics` (admin, recruiter): the workspace's topic taxonomy with synonyms, the
 * competitors and products it tracks with aliases, what recurs in the tags but is in neither, and
 * re-tagging the stored conversations once they are edited.
 */
export function KnowledgeTopicsPage() {
  const topics = useApi(() => knowledgeApi.topics.list(), []);
  const names = useApi(() => knowledgeApi.names.list(), []);
  const topicIdeas = useApi(() => knowledgeApi.topics.suggested(), []);
  const nameIdeas = useApi(() => knowledgeApi.names.suggested(), []);
  // Set by any edit on this page: the re-tag button then says the stored tags are behind.
  const [edited, setEdited] = useState(false);
  const reloadTopics = () => {
    setEdited(true);
    topics.reload();
    topicIdeas.reload();
  };
  const reloadNames = () => {
    setEdited(true);
    names.reload();
    nameIdeas.reload();
  };
  const saveTopic = async (id: string | null, input: TermInput) => {
    const body = { name: input.name, synonyms: input.terms };
    if (id === null) await knowledgeApi.topics.create(body);
    else await knowledgeApi.topics.update(id, body);
    reloadTopics();
  };
  const saveName = async (id: string | null, input: TermInput) => {
    const body = {
      name: input.name,
      aliases: input.terms,
      kind: (input.kind ?? 'competitor') as TrackedNameKind,
    };
    if (id === null) await knowledgeApi.names.create(body);
    else await knowledgeApi.names.update(id, body);
    reloadNames();
  };
  return (
    <div className="page">
      <PageHeader title="Knowledge topics">
        <p className="muted">
          What the tagger looks for in every conversation: topics matched by their name or a synonym, and the
          competitors and products you track by their name or an alias. Edits apply to conversations tagged
          from now on; <strong>Re-tag stored conversations</strong> (or <code>candor tag --all</code>) applies
          them to the stored ones.
        </p>
      </PageHeader>
      <KnowledgeTabs current="topics" />
      <RetagPanel edited={edited} />
      <div className="layout-aside">
        <div className="stack">
          <section className="card" aria-labelledby="topics-title">
            <h2 id="topics-title">Topics</h2>
            <Async state={topics} label="Loading topics…">
              {({ topics: list }) => (
                <TermTable
                  noun="topic"
                  termsLabel="Synonyms"
                  items={list.map((t) => ({ id: t.id, name: t.name, terms: t.synonyms }))}
                  onSave={saveTopic}
                  onDelete={async (t) => {
                    await knowledgeApi.topics.remove(t.id);
                    reloadTopics();
                  }}
                />
              )}
            </Async>
          </section>
          <section className="card" aria-labelledby="names-title">
            <h2 id="names-title">Tracked competitors and products</h2>
            <Async state={names} label="Loading tracked names…">
              {({ names: list }) => (
                <TermTable
                  noun="name"
                  termsLabel="Aliases"
                  kinds={NAME_KINDS}
                  items={list.map((n) => ({ id: n.id, name: n.name, terms: n.aliases, kind: n.kind }))}
                  onSave={saveName}
                  onDelete={async (n) => {
                    await knowledgeApi.names.remove(n.id);
                    reloadNames();
                  }}
                />
              )}
            </Async>
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="topic-ideas-title">
            <h2 id="topic-ideas-title">Suggested topics</h2>
            <p className="hint">Phrases found in at least three conversations that no topic covers yet.</p>
            <Async state={topicIdeas} label="Loading suggestions…">
              {({ suggestions }) => (
                <Suggestions
                  testId="topic-suggestions"
                  items={suggestions}
                  actions={[
                    { label: 'Add as topic', run: (s) => saveTopic(null, { name: s.label, terms: [] }) },
                  ]}
                />
              )}
            </Async>
          </section>
          <section className="card" aria-labelledby="name-ideas-title">
            <h2 id="name-ideas-title">Suggested names</h2>
            <p className="hint">
              Organisations mentioned in at least three conversations that you do not track yet.
            </p>
            <Async state={nameIdeas} label="Loading suggestions…">
              {({ suggestions }) => (
                <Suggestions
                  testId="name-suggestions"
                  items={suggestions}
                  actions={NAME_KINDS.map((kind) => ({
                    label: `Track as ${kind}`,
                    run: (s: KnowledgeSuggestion) => saveName(null, { name: s.label, terms: [], kind }),
                  }))}
                />
              )}
            </Async>
          </section>
        </div>
      </div>
    </div>
  );
}

function Suggestions({
  testId,
  items,
  actions,
}: {
  testId: string;
  items: readonly KnowledgeSuggestion[];
  actions: readonly { label: string; run: (s: KnowledgeSuggestion) => Promise<void> }[];
}) {
  const [error, setError] = useState<unknown>(null);
  if (items.length === 0)
    return <EmptyState title="Nothing to suggest">Suggestions come from tagged conversations.</EmptyState>;
  return (
    <>
      {error !== null && <ErrorMessage error={error} />}
      <ul className="knowledge-suggestions" data-testid={testId}>
        {items.map((s) => (
          <li key={s.label}>
            <span>
              <strong>{s.label}</strong> <span className="muted">in {s.interviews} conversations</span>
            </span>
            <div className="row-actions">
              {actions.map((a) => (
                <button
                  key={a.label}
                  type="button"
                  className="button secondary small"
                  aria-label={`${a.label}: ${s.label}`}
                  onClick={() => {
                    setError(null);
                    a.run(s).catch(setError);
                  }}
                >
                  {a.label}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
