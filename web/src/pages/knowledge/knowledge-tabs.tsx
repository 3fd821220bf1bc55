import { Link } from '../../router';

const TABS = [
  ['search', '/knowledge/search', 'Search'],
  ['import', '/knowledge/import', 'Import'],
  ['trends', '/knowledge/trends', 'Trends'],
  ['topics', '/knowledge/topics', 'Topics'],
] as const;

/** The knowledge area's own navigation (search, import, trends, topics). */
export function KnowledgeTabs({ current }: { current: (typeof TABS)[number][0] }) {
  return (
    <nav className="knowledge-tabs" aria-label="Knowledge">
      {TABS.map(([key, to, label]) => (
        <Link key={key} to={to} aria-current={key === current ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
