/**
 * A name as it sorts and is searched: case and accents ignored (`Émile` next to `emile`),
 * compared as plain text. The databases compute the same key in SQL (`nameKeySql` in dialect.ts).
 * @example nameSortKey('Émile Zola') // 'emile zola'
 */
export function nameSortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
