/**
 * Routes reach the database only through the store's repositories: no route file builds a query
 * of its own (issue 10).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROUTES_DIR = path.dirname(fileURLToPath(import.meta.url));

/** What a query of its own looks like: the Kysely instance, a query builder, raw SQL. */
const QUERY = /\.db\b|\b(selectFrom|insertInto|updateTable|deleteFrom|transaction|withTables)\(|\bsql`/;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /\.ts$/.test(entry.name) && !/\.(test|suite)\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('route files', () => {
  it('query the database only through store repositories', () => {
    const offenders = routeFiles(ROUTES_DIR)
      .map((file) => path.relative(ROUTES_DIR, file).split(path.sep).join('/'))
      .flatMap((file) =>
        readFileSync(path.join(ROUTES_DIR, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (QUERY.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
