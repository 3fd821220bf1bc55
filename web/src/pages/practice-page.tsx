import { useEffect, useState } from 'react';
import { api } from '../api';
import { ProgressChart, SessionList } from '../components/practice-history';
import { Async, EmptyState } from '../components/status';
import { PageHeader } from '../page';
import { useApi } from '../use-api';
import { PracticeFlow } from './practice/practice-flow';

/** The coach: pick a question, answer it, get feedback in seconds, and watch progress over time. */
export function PracticePage() {
  const history = useApi(() => api.practice.history(), []);
  return (
    <div className="page">
      <PageHeader title="Practice">
        <p className="muted">
          Answer interview questions out loud and get measurable feedback: pace, filler words, structure,
          examples. Only you and your career advisor see your sessions.
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="practise-heading">
        <h2 id="practise-heading">Practise an answer</h2>
        <QuestionPicker onScored={history.reload} />
      </section>
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Your progress</h2>
        <Async state={history} label="Loading your progress…">
          {(data) => <ProgressChart history={data} />}
        </Async>
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Your sessions</h2>
        <Async state={history} label="Loading your sessions…">
          {(data) => <SessionList history={data} emptyHint="Record or type your first answer above." />}
        </Async>
      </section>
    </div>
  );
}

function QuestionPicker({ onScored }: { onScored: () => void }) {
  const sets = useApi(() => api.questionSets.list(), []);
  const [setId, setSetId] = useState('');
  const [questionId, setQuestionId] = useState('');
  const chosenSet = setId || sets.data?.questionSets[0]?.id || '';
  const set = useApi(
    () => (chosenSet ? api.questionSets.get(chosenSet) : Promise.resolve(null)),
    [chosenSet],
  );
  const questions = set.data?.questions ?? [];
  const question = questions.find((q) => q.id === questionId) ?? questions[0] ?? null;

  useEffect(() => setQuestionId(''), [chosenSet]);

  return (
    <Async state={sets} label="Loading question sets…">
      {({ questionSets }) =>
        questionSets.length === 0 ? (
          <EmptyState title="No question sets yet">Ask your career advisor to add a question set.</EmptyState>
        ) : (
          <div className="stack">
            <div className="grid-2 tight">
              <div className="field">
                <label htmlFor="practice-set">Question set</label>
                <select id="practice-set" value={chosenSet} onChange={(e) => setSetId(e.target.value)}>
                  {questionSets.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.questionCount} questions)
                    </option>
                  ))}
                </select>
              </div>
              <Async state={set} label="Loading questions…">
                {() => (
                  <div className="field">
                    <label htmlFor="practice-question">Question</label>
                    <select
                      id="practice-question"
                      value={question?.id ?? ''}
                      onChange={(e) => setQuestionId(e.target.value)}
                    >
                      {questions.map((q, i) => (
                        <option key={q.id} value={q.id}>
                          {i + 1}. {q.text.length > 90 ? q.text.slice(0, 88) + '…' : q.text}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </Async>
            </div>
            {question && (
              <blockquote className="question" data-testid="question">
                <p>{question.text}</p>
                {question.keyPoints.length > 0 && (
                  <>
                    <p className="muted small">A strong answer touches on:</p>
                    <ul className="key-points">
                      {question.keyPoints.map((k) => (
                        <li key={k}>{k}</li>
                      ))}
                    </ul>
                  </>
                )}
              </blockquote>
            )}
            {question ? (
              <PracticeFlow
                key={`${chosenSet}/${question.id}`}
                questionSetId={chosenSet}
                question={question}
                onScored={onScored}
              />
            ) : (
              <p className="muted">Choose a question to answer.</p>
            )}
          </div>
        )
      }
    </Async>
  );
}
