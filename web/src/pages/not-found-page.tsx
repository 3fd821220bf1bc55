import { Link } from '../router';
import { homeFor, useUser } from '../session';
import { PageHeader } from '../page';

/** A path the app does not know. */
export function NotFoundPage() {
  const user = useUser();
  return (
    <div className="page narrow">
      <PageHeader title="Page not found" />
      <p>
        There is no page at this address. <Link to={homeFor(user.role)}>Go to your start page</Link>.
      </p>
    </div>
  );
}

/** A page the signed-in user's role does not open. */
export function WrongRolePage() {
  const user = useUser();
  return (
    <div className="page narrow">
      <PageHeader title="Not available for your role" />
      <p>
        This page is for other roles in your workspace. Ask an administrator if you need access, or{' '}
        <Link to={homeFor(user.role)}>go to your start page</Link>.
      </p>
    </div>
  );
}
