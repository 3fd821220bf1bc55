import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler, type Role, type User } from './api';
import { navigate } from './router';

/** Where each role starts after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'candidate':
      return '/practice';
    case 'advisor':
      return '/cohorts';
    case 'admin':
    case 'recruiter':
    case 'hiring_manager':
      return '/jobs';
    case 'auditor':
      // The audit page is the auditor's only page.
      return '/audit';
  }
}

/** People who may record a hiring decision. */
export const DECIDERS: readonly Role[] = ['admin', 'recruiter', 'hiring_manager'];
/** People who manage jobs, candidates and uploads (hiring managers only read). */
export const RECRUITERS: readonly Role[] = ['admin', 'recruiter'];
/** People who may rate interviews blind and read rater agreement (the API refuses candidates). */
export const RATERS: readonly Role[] = ['admin', 'recruiter', 'hiring_manager', 'advisor'];

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  advisor: 'Career advisor',
  candidate: 'Student',
  auditor: 'Auditor',
};

interface SessionState {
  /** `undefined` while `GET /me` is under way, `null` when nobody is signed in. */
  readonly user: User | null | undefined;
  /** `workspace` is the slug of a workspace other than the server's default. */
  readonly signIn: (email: string, password: string, workspace?: string) => Promise<User>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads the signed-in user once and keeps the CSRF token the API needs for changes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api.auth.me().then(
      (session) => {
        setCsrfToken(session.csrfToken);
        if (live) setUser(session.user);
      },
      () => {
        if (live) setUser(null);
      },
    );
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string, workspace?: string) => {
    const session = await api.auth.login(email, password, workspace);
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    return session.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
      navigate('/login');
    }
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: the signed-in user and the sign-in/out actions. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user; only for pages rendered behind the sign-in gate. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
