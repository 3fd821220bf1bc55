import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CandorError, packageRoot } from '../core/index.js';
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import { listBuiltinFrameworks, loadFramework } from './framework-loader.js';
import { loadQuestionSet } from './question-bank.js';

const known = new Set(SIGNAL_CATALOGUE.map((s) => s.id));
const dir = mkdtempSync(path.join(tmpdir(), 'candor-fw-'));
const defaultYaml = readFileSync(path.join(packageRoot(), 'frameworks', 'default.yaml'), 'utf8');

function variant(name: string, change: (f: Record<string, any>) => void): string {
  const f = parse(defaultYaml) as Record<string, any>;
  change(f);
  const file = path.join(dir, name);
  writeFileSync(file, stringify(f));
  return file;
}

function errorOf(fn: () => unknown): CandorError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CandorError) return e;
    throw e;
  }
  throw new Error('expected a CandorError');
}

describe('competency frameworks', () => {
  it('ships a valid default framework with the competencies interview intelligence users expect', () => {
    const f = loadFramework('default', known);
    expect(f.competencies.map((c) => c.id)).toEqual([
      'clarity-coherence',
      'problem-solving',
      'role-alignment',
      'goal-orientation',
      'communication-quality',
      'authenticity',
      'confidence-pacing',
      'empathy',
      'active-listening',
      'adaptability',
    ]);
    expect(listBuiltinFrameworks().map((x) => x.id)).toContain('default');
  });

  it('loads a framework from a JSON file as well as YAML', () => {
    const file = path.join(dir, 'copy.json');
    writeFileSync(file, JSON.stringify(parse(defaultYaml)));
    expect(loadFramework(file, known).id).toBe('default');
  });

  it('names the field of a schema error', () => {
    const file = variant('bad-zero.yaml', (f) => (f.competencies[4].behaviours[0].signals[0].zeroAt.max = 1));
    const e = errorOf(() => loadFramework(file, known));
    expect(e.code).toBe('FRAMEWORK_INVALID');
    expect(e.message).toContain(
      'competencies[4].behaviours[0].signals[0].zeroAt.max: must be above target.max (3)',
    );
  });

  it('rejects an unknown signal, a duplicate competency and a bad version', () => {
    const unknown = variant(
      'unknown.yaml',
      (f) => (f.competencies[0].behaviours[0].signals[0].signal = 'charisma'),
    );
    expect(errorOf(() => loadFramework(unknown, known)).message).toMatch(/unknown signal "charisma"/);
    const dup = variant('dup.yaml', (f) => (f.competencies[1].id = f.competencies[0].id));
    expect(errorOf(() => loadFramework(dup, known)).message).toMatch(
      /duplicate competency id "clarity-coherence"/,
    );
    const version = variant('version.yaml', (f) => (f.version = 'v1'));
    expect(errorOf(() => loadFramework(version, known)).message).toMatch(/version: a semantic version/);
  });

  it('gives the line of a YAML syntax error and lists built-ins for an unknown id', () => {
    const file = path.join(dir, 'syntax.yaml');
    writeFileSync(file, 'id: x\nversion: 1.0.0\ncompetencies: [\n  - oops: {\n');
    const e = errorOf(() => loadFramework(file, known));
    expect(e.code).toBe('FRAMEWORK_INVALID');
    expect(e.details.line).toEqual(expect.any(Number));
    const missing = errorOf(() => loadFramework('nope', known));
    expect(missing.code).toBe('FRAMEWORK_NOT_FOUND');
    expect(missing.message).toContain('built-in: default');
  });

  it('maps every default question to competencies of the default framework', () => {
    const ids = new Set(loadFramework('default', known).competencies.map((c) => c.id));
    const bank = loadQuestionSet('default');
    expect(bank.questions.length).toBeGreaterThanOrEqual(8);
    expect(bank.questions.find((q) => q.id === 'conflict-remote')?.text).toBe(
      'Describe a time you resolved a conflict with a colleague while working remotely.',
    );
    for (const q of bank.questions)
      for (const c of q.competencies) expect(ids.has(c), `${q.id} → ${c}`).toBe(true);
    const sdr = loadQuestionSet(path.join(packageRoot(), 'examples', 'questions', 'sdr.yaml'));
    for (const q of sdr.questions)
      for (const c of q.competencies) expect(ids.has(c), `${q.id} → ${c}`).toBe(true);
  });
});
