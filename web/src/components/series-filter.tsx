import type { CompetencyRef } from '../api';

/**
 * Chooses which competency a line chart shows: all of them, or one (with the overall line). A
 * select rather than the chart legend, so it works with a keyboard and a screen reader.
 */
export function SeriesFilter({
  id,
  competencies,
  value,
  onChange,
}: {
  id: string;
  competencies: readonly CompetencyRef[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <div className="field inline-field">
      <label htmlFor={id}>Show</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">All competencies</option>
        {competencies.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
