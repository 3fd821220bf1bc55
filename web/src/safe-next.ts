/** Origin used only to resolve a path; never fetched. */
const BASE = 'https://candor.invalid';

/**
 * The `next` of `/login?next=…` if it is a path on this site, else null. Refused: anything not
 * starting with one `/`; `//host` and `/\host` (browsers read `\` as `/`, so both leave the site);
 * schemes (`javascript:`, `https:`); and control characters, which browsers drop before parsing
 * (`/\t/evil.example` would become `//evil.example`). What is left is resolved and must stay on
 * the same origin as a path that is not itself `//host`, so `history.replaceState` can never
 * throw a SecurityError on it.
 *
 * @example safeNext('/jobs/1?tab=ranking') // '/jobs/1?tab=ranking'
 * @example safeNext('/\\evil.example/x') // null
 */
export function safeNext(next: string | null | undefined): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return null;
  if (!next.startsWith('/') || next.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/..//evil.example` resolves to the path `//evil.example`, which a browser reads as a host.
  return path.startsWith('//') ? null : path;
}
