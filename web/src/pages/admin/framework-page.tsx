import { adminApi, type FrameworkDefinition, type FrameworkVersions } from '../../api/admin';
import { Async } from '../../components/status';
import { Link, navigate } from '../../router';
import { RECRUITERS, useUser } from '../../session';
import { useApi } from '../../use-api';
import { AdminPage } from './admin-nav';
import { FrameworkCompare } from './framework-compare';
import { FrameworkEditor } from './framework-editor';
import { DuplicateForm } from './frameworks-page';

/** One framework: its versions, its weights and targets (editable in the newest version), a comparison. */
export function AdminFrameworkPage({
  frameworkId,
  version,
}: {
  frameworkId: string;
  version: string | null;
}) {
  const versions = useApi(() => adminApi.frameworks.versions(frameworkId), [frameworkId]);
  const framework = useApi(
    () => adminApi.frameworks.get(frameworkId, version ?? undefined),
    [frameworkId, version],
  );
  const user = useUser();
  const title = framework.data ? `${framework.data.name} ${framework.data.version}` : frameworkId;
  return (
    <AdminPage title={title} intro={`Framework ${frameworkId}`}>
      <Async state={versions} label="Loading versions…">
        {(v) => <VersionPicker frameworkId={frameworkId} versions={v} current={framework.data?.version} />}
      </Async>
      {versions.data && versions.data.versions.length > 1 && (
        <FrameworkCompare
          key={versions.data.versions.map((v) => v.version).join()}
          frameworkId={frameworkId}
          versions={versions.data.versions.map((v) => v.version)}
        />
      )}
      <Async state={framework} label="Loading framework…">
        {(f) => {
          const all = versions.data?.versions ?? [];
          const newest = all.at(-1)?.version === f.version;
          if (f.builtIn) {
            return (
              <>
                <p className="notice">
                  A built-in framework is read only: duplicate it into this workspace to change its weights
                  and targets.
                </p>
                <DuplicateForm frameworks={[{ id: f.id, name: f.name }]} initial={f.id} />
                <FrameworkEditor definition={f.definition as unknown as FrameworkDefinition} readOnly />
              </>
            );
          }
          return (
            <FrameworkEditor
              key={f.version}
              definition={f.definition as unknown as FrameworkDefinition}
              readOnly={!newest || !RECRUITERS.includes(user.role)}
              onSaved={(saved) => {
                versions.reload();
                navigate(`/admin/frameworks/${frameworkId}?version=${saved}`);
              }}
            />
          );
        }}
      </Async>
    </AdminPage>
  );
}

function VersionPicker({
  frameworkId,
  versions,
  current,
}: {
  frameworkId: string;
  versions: FrameworkVersions;
  current: string | undefined;
}) {
  return (
    <section className="card version-picker" aria-labelledby="versions-head">
      <h2 id="versions-head">Versions</h2>
      <ol className="chips" data-testid="framework-versions">
        {versions.versions.map((v) => (
          <li key={v.version}>
            <Link
              className="chip"
              to={`/admin/frameworks/${frameworkId}?version=${v.version}`}
              aria-current={v.version === current ? 'true' : undefined}
            >
              {v.version}
              {v.builtIn ? ' (built-in)' : ''}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
