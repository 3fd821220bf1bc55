import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CandorError, packageRoot, parseStructured } from '../core/index.js';
import { FrameworkSchema, type Framework } from './framework-schema.js';

/** Folder of the frameworks that ship with Candor. */
export function builtinFrameworkDir(): string {
  return path.join(packageRoot(), 'frameworks');
}

/** Ids of the built-in frameworks, sorted. */
export function listBuiltinFrameworks(): Framework[] {
  return readdirSync(builtinFrameworkDir())
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => readFrameworkFile(path.join(builtinFrameworkDir(), f)));
}

/**
 * A framework by built-in id (`default`) or by path to a YAML/JSON file, validated, with every
 * signal it names checked against the catalogue.
 * @example loadFramework('default', catalogueIds)
 */
export function loadFramework(idOrFile: string, knownSignals: ReadonlySet<string>): Framework {
  const looksLikeFile = /[\\/]|\.(ya?ml|json)$/i.test(idOrFile);
  let framework: Framework;
  if (looksLikeFile) {
    framework = readFrameworkFile(idOrFile);
  } else {
    const file = ['yaml', 'yml', 'json']
      .map((ext) => path.join(builtinFrameworkDir(), `${idOrFile}.${ext}`))
      .find((f) => existsSync(f));
    if (!file) {
      const known = listBuiltinFrameworks().map((f) => f.id);
      throw new CandorError(
        'FRAMEWORK_NOT_FOUND',
        `no framework "${idOrFile}"; built-in: ${known.join(', ')}`,
        {
          framework: idOrFile,
        },
      );
    }
    framework = readFrameworkFile(file);
  }
  checkSignals(framework, knownSignals, idOrFile);
  return framework;
}

function readFrameworkFile(file: string): Framework {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CandorError(
      'FRAMEWORK_NOT_FOUND',
      `cannot read framework file ${file}`,
      { file },
      { cause: error },
    );
  }
  return parseStructured(text, FrameworkSchema, { file, code: 'FRAMEWORK_INVALID' });
}

function checkSignals(framework: Framework, known: ReadonlySet<string>, file: string): void {
  framework.competencies.forEach((c, ci) =>
    c.behaviours.forEach((b, bi) =>
      b.signals.forEach((s, si) => {
        if (!known.has(s.signal)) {
          const field = `competencies[${ci}].behaviours[${bi}].signals[${si}].signal`;
          throw new CandorError(
            'FRAMEWORK_INVALID',
            `${file}: ${field}: unknown signal "${s.signal}" (see candor signals)`,
            { file, field },
          );
        }
      }),
    ),
  );
}
