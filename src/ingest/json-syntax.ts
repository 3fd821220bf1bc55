/**
 * Finds where JSON text first breaks and what was expected there. V8's own messages leave the
 * position out for many errors ("Unexpected token '}', … is not valid JSON"), and a person fixing
 * a file needs the line. Only called after JSON.parse has failed, so speed matters little; it is
 * still one linear pass.
 */
export interface JsonSyntaxProblem {
  /** 1-based line of the offending character. */
  readonly line: number;
  /** What the grammar (RFC 8259) allowed there. */
  readonly expected: string;
  /** The character found, or "the end of the file". */
  readonly found: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- RFC 8259 §7: raw control characters may not appear in strings
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;

/**
 * Locates the first syntax error of a JSON text, or returns null when the text is valid.
 * @example findJsonSyntaxProblem('{"a": 1,\n}') // { line: 2, expected: 'a property name in double quotes', found: '"}"' }
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
      i += 1;
  };
  const string = (): void => {
    if (text[i] !== '"') throw new Stop(i, 'a string in double quotes');
    STRING_BODY.lastIndex = i + 1;
    if (!STRING_BODY.test(text)) throw new Stop(i, 'a closing double quote on the same line');
    i = STRING_BODY.lastIndex;
  };
  // Containers are tracked on an explicit stack so deep nesting cannot overflow the call stack.
  const stack: ('{' | '[')[] = [];
  let needValue = false;
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      i += 1;
      ws();
      if (text[i] === (ch === '{' ? '}' : ']')) {
        stack.pop();
        i += 1;
        return;
      }
      if (ch === '{') member();
      else needValue = true;
      return;
    }
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    throw new Stop(i, 'a value (an object, array, string, number, true, false or null)');
  };
  const member = (): void => {
    ws();
    if (text[i] !== '"') throw new Stop(i, 'a property name in double quotes');
    string();
    ws();
    if (text[i] !== ':') throw new Stop(i, '":" after the property name');
    i += 1;
    needValue = true;
  };
  try {
    value();
    for (;;) {
      ws();
      const open = stack[stack.length - 1];
      if (!open) break;
      const close = open === '{' ? '}' : ']';
      // After `member()` an object still needs the member's value.
      if (needValue) {
        needValue = false;
        value();
        continue;
      }
      if (text[i] === ',') {
        i += 1;
        if (open === '{') member();
        else value();
      } else if (text[i] === close) {
        stack.pop();
        i += 1;
      } else throw new Stop(i, `"," or "${close}"`);
    }
    ws();
    if (i < text.length) throw new Stop(i, 'the end of the file after the JSON value');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { line: lineAt(text, error.offset), expected: error.expected, found: foundAt(text, error.offset) };
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function foundAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  return JSON.stringify(text.slice(offset, offset + 12).split(/\r?\n/)[0] || text.charAt(offset));
}
