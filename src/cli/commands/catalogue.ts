import type { Framework } from '../../assessment/index.js';
import { listBuiltinFrameworks } from '../../assessment/index.js';
import type { SignalDefinition } from '../../domain/index.js';
import { catalogue as signalCatalogue, frameworkFor } from '../context.js';

/** Built-in frameworks as a table or JSON. */
export function frameworksList(json: boolean): string {
  const all = listBuiltinFrameworks();
  if (json) {
    const summary = all.map((f) => ({
      id: f.id,
      version: f.version,
      name: f.name,
      description: f.description,
      competencies: f.competencies.length,
    }));
    return JSON.stringify(summary, null, 2) + '\n';
  }
  const rows = all.map(
    (f) =>
      `${f.id.padEnd(16)} ${f.version.padEnd(8)} ${String(f.competencies.length).padStart(3)} competencies  ${f.name}`,
  );
  return ['ID               VERSION  SIZE              NAME', ...rows].join('\n') + '\n';
}

/** One framework in full: competencies, behaviours, signal rules. */
export function frameworksShow(idOrFile: string, json: boolean): string {
  const f: Framework = frameworkFor(idOrFile);
  if (json) return JSON.stringify(f, null, 2) + '\n';
  const out = [`${f.name} (${f.id}@${f.version})`, f.description, `minimum words: ${f.minWords}`, ''];
  for (const c of f.competencies) {
    out.push(`${c.name} [${c.id}] weight ${c.weight}`, `  ${c.description}`);
    for (const b of c.behaviours) {
      out.push(`  • ${b.description}`);
      for (const s of b.signals) {
        const target = [
          s.target.min === undefined ? '' : `≥ ${s.target.min}`,
          s.target.max === undefined ? '' : `≤ ${s.target.max}`,
        ]
          .filter(Boolean)
          .join(' and ');
        out.push(`      ${s.signal} (weight ${s.weight}) target ${target}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** The signal catalogue: name, unit, range, method, source. */
export function signalsList(json: boolean): string {
  const catalogue: readonly SignalDefinition[] = signalCatalogue;
  if (json) return JSON.stringify(catalogue, null, 2) + '\n';
  return (
    catalogue
      .map(
        (d) =>
          `${d.id} — ${d.name} (${d.unit}, ${d.range[0]}–${d.range[1]})\n  ${d.method}\n  source: ${d.source}`,
      )
      .join('\n\n') + '\n'
  );
}
