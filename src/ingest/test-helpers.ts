import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { CandorError } from '../core/index.js';

/** Reads a fixture from src/ingest/fixtures. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

/** Runs `parse` and returns the CandorError it throws, failing the test when it does not throw one. */
export function errorOf(parse: () => unknown): CandorError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(CandorError);
    return error as CandorError;
  }
  throw new Error('expected a CandorError, but parsing succeeded');
}

/** Asserts a TRANSCRIPT_INVALID error pointing at `line`, whose message mentions `expected`. */
export function expectInvalidAt(parse: () => unknown, line: number, expected: string | RegExp): CandorError {
  const error = errorOf(parse);
  expect(error.code).toBe('TRANSCRIPT_INVALID');
  expect(error.details.line).toBe(line);
  expect(error.message.startsWith(`line ${line}: `)).toBe(true);
  if (typeof expected === 'string') expect(error.message).toContain(expected);
  else expect(error.message).toMatch(expected);
  return error;
}
