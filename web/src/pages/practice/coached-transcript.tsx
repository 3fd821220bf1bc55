import type { ReactNode } from 'react';
import type { PracticeCoaching } from '../../api';

const KIND_WORDS = { filler: 'filler word', hedge: 'hedge', pause: 'long pause' } as const;

/**
 * The student's own answer with every filler word, hedge and long pause marked, and a key. Marks
 * are `<mark>` elements with their kind in words, so a screen reader hears them too.
 */
export function CoachedTranscript({ coaching }: { coaching: PracticeCoaching }) {
  const { text, marks } = coaching;
  const parts: ReactNode[] = [];
  let at = 0;
  marks.forEach((m, i) => {
    if (m.charStart > at) parts.push(text.slice(at, m.charStart));
    if (m.kind === 'pause') {
      parts.push(
        <mark key={i} className="coach-mark coach-pause" data-kind="pause">
          <span className="visually-hidden">long pause: </span>⏸ {m.label}
        </mark>,
        ' ',
      );
    } else {
      parts.push(
        <mark key={i} className={`coach-mark coach-${m.kind}`} data-kind={m.kind} title={KIND_WORDS[m.kind]}>
          {text.slice(m.charStart, m.charEnd)}
          <span className="visually-hidden"> ({KIND_WORDS[m.kind]})</span>
        </mark>,
      );
    }
    at = Math.max(at, m.charEnd);
  });
  if (at < text.length) parts.push(text.slice(at));
  const count = (kind: keyof typeof KIND_WORDS) => marks.filter((m) => m.kind === kind).length;
  return (
    <section
      className="coached-transcript"
      aria-labelledby="coached-heading"
      data-testid="coached-transcript"
    >
      <h4 id="coached-heading">Your answer, marked</h4>
      <ul className="coach-key" aria-label="Key">
        <li>
          <mark className="coach-mark coach-filler">filler words</mark> {count('filler')}
        </li>
        <li>
          <mark className="coach-mark coach-hedge">hedges</mark> {count('hedge')}
        </li>
        <li>
          <mark className="coach-mark coach-pause">long pauses</mark> {count('pause')}
        </li>
      </ul>
      {text === '' ? (
        <p className="muted">No words were recognised in this answer.</p>
      ) : (
        <p className="coach-text">{parts}</p>
      )}
    </section>
  );
}
