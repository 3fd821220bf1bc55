import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CandorError, packageRoot, parseStructured } from '../core/index.js';
import { QuestionSetSchema, type QuestionSet } from '../domain/index.js';

/**
 * A question set by built-in id (`default`) or by path to a YAML/JSON file.
 * @example loadQuestionSet('default').questions[0].text
 */
export function loadQuestionSet(idOrFile: string): QuestionSet {
  const looksLikeFile = /[\\/]|\.(ya?ml|json)$/i.test(idOrFile);
  const file = looksLikeFile
    ? idOrFile
    : path.join(packageRoot(), 'frameworks', 'questions', `${idOrFile}.yaml`);
  if (!existsSync(file)) {
    throw new CandorError('QUESTIONS_INVALID', `no question set "${idOrFile}" (looked for ${file})`, {
      file,
    });
  }
  const set = parseStructured(readFileSync(file, 'utf8'), QuestionSetSchema, {
    file,
    code: 'QUESTIONS_INVALID',
  });
  const ids = new Set<string>();
  set.questions.forEach((q, i) => {
    if (ids.has(q.id)) {
      throw new CandorError('QUESTIONS_INVALID', `${file}: questions[${i}].id: duplicate id "${q.id}"`, {
        file,
        field: `questions[${i}].id`,
      });
    }
    ids.add(q.id);
  });
  return set;
}
