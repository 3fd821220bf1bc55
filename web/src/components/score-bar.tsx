import { formatScore, formatShare } from '../format';

/**
 * A 0–100 score as a number with a bar behind it; the bar is decoration, the number is the text.
 *
 * @example <ScoreBar score={72} confidence={0.8} />
 */
export function ScoreBar({
  score,
  confidence,
  empty = 'No score',
}: {
  score: number | null;
  confidence?: number | null;
  empty?: string;
}) {
  if (score === null) {
    return <span className="score-empty">{empty}</span>;
  }
  const width = Math.max(0, Math.min(100, score));
  return (
    <span className="score">
      <span className="score-number">{formatScore(score)}</span>
      <span className="score-track" aria-hidden="true">
        <span className="score-fill" style={{ width: `${width}%` }} />
      </span>
      {confidence !== undefined && confidence !== null && (
        <span className="score-confidence">confidence {formatShare(confidence)}</span>
      )}
    </span>
  );
}
