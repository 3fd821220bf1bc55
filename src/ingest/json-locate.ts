/** A JSON path as zod reports it: object keys and array indexes. */
export type JsonPath = readonly PropertyKey[];

interface Frame {
  readonly kind: 'object' | 'array';
  /** Number of keys in the path of this container. */
  readonly depth: number;
  /** True when this container's path is a prefix of (or equal to) the target container's path. */
  readonly onPath: boolean;
  key: string | null;
  index: number;
  expectKey: boolean;
}

/**
 * Finds the 1-based line where each direct child of the container at `containerPath` starts, in
 * one linear scan of the JSON text (so a 5 MB file costs a few milliseconds). JSON.parse keeps no
 * positions, and errors and evidence need the line of a segment.
 * @example jsonChildLines('{\n "segments": [\n  {"text": "a"}\n ]\n}', ['segments']).get(0) // 3
 */
export function jsonChildLines(text: string, containerPath: JsonPath): Map<string | number, number> {
  const found = new Map<string | number, number>();
  const stack: Frame[] = [];
  let line = 1;

  const childKey = (frame: Frame): string | number | null =>
    frame.kind === 'array' ? frame.index : frame.key;
  const valueStarts = (): void => {
    const parent = stack[stack.length - 1];
    if (!parent?.onPath || parent.depth !== containerPath.length) return;
    const key = childKey(parent);
    if (key !== null && !found.has(key)) found.set(key, line);
  };
  const open = (kind: Frame['kind']): void => {
    valueStarts();
    const parent = stack[stack.length - 1];
    let onPath = true;
    let depth = 0;
    if (parent) {
      depth = parent.depth + 1;
      const key = childKey(parent);
      onPath = parent.onPath && parent.depth < containerPath.length && containerPath[parent.depth] === key;
    }
    stack.push({ kind, depth, onPath, key: null, index: 0, expectKey: kind === 'object' });
  };

  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line += 1;
    else if (ch === 34) {
      // A string: a key when an object expects one, otherwise a value.
      const begin = i;
      i += 1;
      while (i < text.length && text.charCodeAt(i) !== 34) {
        if (text.charCodeAt(i) === 92) i += 1;
        else if (text.charCodeAt(i) === 10) line += 1;
        i += 1;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        // Keys matter only on the way to the container; elsewhere skip decoding them.
        if (top.onPath && top.depth <= containerPath.length) top.key = decodeKey(text, begin, i);
      } else valueStarts();
    } else if (ch === 123) open('object');
    else if (ch === 91) open('array');
    else if (ch === 125 || ch === 93) stack.pop();
    else if (ch === 58) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = false;
    } else if (ch === 44) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.index += 1;
    } else if (ch === 45 || (ch >= 48 && ch <= 57) || ch === 116 || ch === 102 || ch === 110) {
      valueStarts();
      while (i + 1 < text.length && isScalarChar(text.charCodeAt(i + 1))) i += 1;
    }
  }
  return found;
}

function decodeKey(text: string, begin: number, end: number): string {
  const raw = text.slice(begin + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Characters of numbers and of true/false/null. */
function isScalarChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 43 || c === 45 || c === 46
  );
}

/**
 * The line of the value at `path`, or of its nearest enclosing value the text has (a missing field
 * is reported at its object's opening brace). Undefined when nothing can be located.
 * @example jsonPathLine('{\n "version": 2\n}', ['version']) // 2
 */
export function jsonPathLine(text: string, path: JsonPath): number | undefined {
  for (let depth = path.length; depth >= 1; depth -= 1) {
    const key = path[depth - 1];
    if (typeof key !== 'string' && typeof key !== 'number') continue;
    const line = jsonChildLines(text, path.slice(0, depth - 1)).get(key);
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * Writes a path the way people read it: `segments[3].end`.
 * @example formatJsonPath(['segments', 3, 'end']) // "segments[3].end"
 */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}
