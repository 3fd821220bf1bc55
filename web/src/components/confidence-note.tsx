/**
 * What "confidence" means, next to where it is shown: how much evidence a score rests on, as the
 * scorer computes it (src/assessment/scoring.ts and scorecard.ts), not how likely the score is right.
 */
export function ConfidenceNote() {
  return (
    <details className="confidence-help">
      <summary>What “confidence” means</summary>
      <p>
        Confidence says how much evidence a score rests on, from 0% to 100%. For each competency it is the
        share of that competency’s signals (by weight) that could be measured in this interview, times the
        amount of speech analysed (full at 400 words or more), times how well the speech was recognised when
        it came from a recording (the recogniser’s own word confidences; full when recognition was good). The
        overall confidence is the average over the scored competencies, weighted like the overall score. It is
        0% when there was too little to score. It does not say how likely the score is to be right: a low
        confidence means read the evidence more carefully.
      </p>
    </details>
  );
}
