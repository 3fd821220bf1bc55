import { describe, expect, it } from 'vitest';
import { parseSearchQuery, toFts5, toTsquery } from './search-query.js';

describe('search query language', () => {
  it('reads words, phrases, OR, exclusions and prefixes', () => {
    expect(parseSearchQuery('Pricing "Battery life" design OR prototype -grant recogn*')).toEqual({
      groups: [
        [{ words: ['pricing'], prefix: false }],
        [{ words: ['battery', 'life'], prefix: false }],
        [
          { words: ['design'], prefix: false },
          { words: ['prototype'], prefix: false },
        ],
        [{ words: ['recogn'], prefix: true }],
      ],
      excluded: [{ words: ['grant'], prefix: false }],
    });
  });

  it('searches punctuated words as phrases and keeps letters of any script', () => {
    expect(parseSearchQuery('e-mail Zürich').groups).toEqual([
      [{ words: ['e', 'mail'], prefix: false }],
      [{ words: ['zürich'], prefix: false }],
    ]);
  });

  it('writes FTS5 syntax in which every word is a quoted string', () => {
    const query = parseSearchQuery('NEAR title:x OR "a b"* -NOT');
    expect(toFts5(query)).toBe('(("near") AND ("title x" OR "a b" *)) NOT "not"');
  });

  it('writes tsquery syntax with phrases as <-> and prefixes as :*', () => {
    const query = parseSearchQuery('NEAR title:x OR "a b"* -NOT');
    expect(toTsquery(query)).toBe("('near') & (('title' <-> 'x') | ('a' <-> 'b':*)) & !'not'");
  });

  it('refuses a query longer than 500 characters or with more than 32 terms', () => {
    expect(() => parseSearchQuery('a'.repeat(501))).toThrow(
      'the query is 501 characters long; the most is 500',
    );
    expect(() => parseSearchQuery(Array.from({ length: 33 }, (_, i) => `w${i}`).join(' '))).toThrow(
      'the query has more than 32 words and phrases',
    );
  });
});
