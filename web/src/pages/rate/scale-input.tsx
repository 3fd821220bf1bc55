import type { RatingScale, RatingTarget } from '../../api';

/** Scales with at most this many whole points are offered as buttons; others as a number field. */
const MAX_POINTS = 11;

/** The whole points of a small integer scale (1–5 → [1, 2, 3, 4, 5]), or null for any other scale. */
export function scalePoints(scale: RatingScale): number[] | null {
  const { min, max } = scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || max - min + 1 > MAX_POINTS) return null;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The field's id, for labels, error links and focus. */
export const fieldId = (target: string) => `rate-${target}`;

interface ScaleInputProps {
  readonly target: RatingTarget;
  readonly labels: { readonly min: string; readonly max: string };
  readonly value: string;
  readonly required: boolean;
  readonly error: string | null;
  readonly onChange: (value: string) => void;
}

/**
 * One target on its declared scale: a row of labelled choices for a small whole-number scale
 * (arrow keys move between them), else a number field with the scale's ends as its hint.
 *
 * @example <ScaleInput target={overall} labels={{ min: 'poor', max: 'excellent' }} value="4" … />
 */
export function ScaleInput({ target, labels, value, required, error, onChange }: ScaleInputProps) {
  const { min, max } = target.scale;
  const id = fieldId(target.id);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${errorId} ${hintId}` : hintId;
  const points = scalePoints(target.scale);
  const title = (
    <>
      {target.name}
      {required ? (
        <span className="optional"> (required)</span>
      ) : (
        <span className="optional"> (optional)</span>
      )}
    </>
  );
  const hint = (
    <p className="hint" id={hintId}>
      {target.description ? `${target.description} ` : ''}
      {min} = {labels.min}, {max} = {labels.max}.
    </p>
  );
  const message = error && (
    <p className="field-error" id={errorId}>
      {error}
    </p>
  );

  if (points === null) {
    return (
      <div className="field rate-target" data-testid="rate-target" data-target={target.id}>
        <label htmlFor={id}>{title}</label>
        {hint}
        {message}
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step="any"
          min={min}
          max={max}
          className="rate-number"
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  }

  const labelId = `${id}-label`;
  return (
    <div className="field rate-target" data-testid="rate-target" data-target={target.id}>
      <span className="field-label" id={labelId}>
        {title}
      </span>
      {hint}
      {message}
      <div
        className="scale-points"
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
      >
        {points.map((point, i) => {
          const word = point === min ? labels.min : point === max ? labels.max : null;
          return (
            <label key={point} className="scale-point">
              <input
                type="radio"
                name={id}
                // The first choice carries the field's id, so the error summary's link focuses it.
                id={i === 0 ? id : undefined}
                value={String(point)}
                checked={value === String(point)}
                onChange={() => onChange(String(point))}
              />
              <span className="scale-number">{point}</span>
              {word && <span className="scale-word">{word}</span>}
            </label>
          );
        })}
      </div>
      {!required && value !== '' && (
        <button type="button" className="link-button small" onClick={() => onChange('')}>
          Clear {target.name}
        </button>
      )}
    </div>
  );
}
