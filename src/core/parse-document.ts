import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { CandorError, type CandorErrorCode } from './errors.js';

/**
 * Parses YAML or JSON text (JSON is YAML) and validates it with a zod schema; errors name the
 * file, the line for syntax errors, and the field path for schema errors.
 * @example parseStructured(text, FrameworkSchema, { file: 'my.yaml', code: 'FRAMEWORK_INVALID' })
 */
export function parseStructured<T extends z.ZodType>(
  text: string,
  schema: T,
  where: { file: string; code: CandorErrorCode },
): z.infer<T> {
  const doc = parseDocument(text, { prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    const at = line === undefined ? '' : `line ${line}: `;
    throw new CandorError(
      where.code,
      `${where.file}: ${at}${(syntax.message.split('\n')[0] ?? 'syntax error').replace(/ at line \d+, column \d+:?$/, '')}`,
      {
        file: where.file,
        ...(line === undefined ? {} : { line }),
      },
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = formatPath(issue?.path ?? []);
    throw new CandorError(
      where.code,
      `${where.file}: ${field || 'document'}: ${issue?.message ?? 'invalid'}`,
      {
        file: where.file,
        field,
      },
    );
  }
  return result.data;
}

/** `['competencies', 2, 'id']` → `competencies[2].id` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
