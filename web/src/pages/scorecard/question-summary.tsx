import type { ScorecardView } from '../../api';
import { formatScore } from '../../format';

/** Characters of an answer shown in the summary; the full text is in the transcript below. */
const EXTRACT_LENGTH = 220;

interface QuestionLine {
  readonly index: number;
  readonly question: string;
  readonly extract: string;
  readonly words: number;
  readonly competencies: readonly { id: string; name: string; score: number | null }[];
}

/**
 * The answer's text as the candidate said it: the segments of the speaker who said most in that
 * answer (the interviewer's question, when it is in the transcript, is left out).
 */
function answerText(view: ScorecardView, index: number): string {
  const segments = view.transcript.filter((s) => s.responsePosition === index);
  const words = new Map<string, number>();
  for (const s of segments) {
    const who = s.speaker ?? '';
    words.set(who, (words.get(who) ?? 0) + s.text.split(/\s+/).length);
  }
  const speaker = [...words].sort((a, b) => b[1] - a[1])[0]?.[0];
  return segments
    .filter((s) => (s.speaker ?? '') === speaker)
    .map((s) => s.text.trim())
    .join(' ');
}

function extractOf(text: string): string {
  if (text.length <= EXTRACT_LENGTH) return text;
  const cut = text.slice(0, EXTRACT_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXTRACT_LENGTH - 40)).trimEnd()}…`;
}

/** One line per answer: its question, an extract, and the competencies its quotes are evidence of. */
export function questionLines(view: ScorecardView): QuestionLine[] {
  const body = view.scorecard.body;
  return body.responses.map((response) => ({
    index: response.index,
    question:
      response.question ??
      view.responses.find((r) => r.position === response.index)?.questionText ??
      `Answer ${response.index + 1}`,
    extract: extractOf(answerText(view, response.index)),
    words: response.words,
    competencies: body.competencies
      .filter((c) => c.evidence.some((e) => e.response === response.index))
      .map((c) => ({ id: c.id, name: c.name, score: c.score })),
  }));
}

/**
 * The interview question by question: what was asked, a short extract of the answer, and the
 * competencies it showed. The first thing a reviewer reads, before the competency detail.
 */
export function QuestionSummary({ view }: { view: ScorecardView }) {
  const lines = questionLines(view);
  return (
    <section className="card" aria-labelledby="questions-heading" data-testid="question-summary">
      <h2 id="questions-heading">Question by question</h2>
      {lines.length === 0 ? (
        <p className="muted">The transcript was not split into answers.</p>
      ) : (
        <ol className="question-summary">
          {lines.map((line) => (
            <li key={line.index}>
              <h3 className="question-asked">{line.question}</h3>
              <p className="answer-extract">
                {line.extract === '' ? <span className="muted">No answer text.</span> : `“${line.extract}”`}
                <span className="muted small"> · {line.words} words</span>
              </p>
              {line.competencies.length > 0 ? (
                <ul className="tags" aria-label="Competencies this answer showed">
                  {line.competencies.map((c) => (
                    <li key={c.id}>
                      {c.name} {c.score !== null && <span className="tag-score">{formatScore(c.score)}</span>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">No competency evidence quoted from this answer.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
