import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api';
import { linkProblemOf, takeApi, type LinkProblem, type TakeState } from '../../api/take';
import { ErrorMessage, Loading } from '../../components/status';
import { DeviceCheck } from './device-check';
import { FinishPage } from './finish-page';
import { LinkProblemPage } from './link-problem';
import { NoticeStep } from './notice-step';
import { QuestionStep } from './question-step';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'problem'; readonly reason: LinkProblem }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly state: TakeState };

/**
 * A recording cut off by a closed tab or a dropped connection: finish it to keep what arrived.
 * Answers the new state and what to tell the candidate.
 */
async function settleInterrupted(
  token: string,
  state: TakeState,
): Promise<{ state: TakeState; note: string | null }> {
  const open = state.openAttempt;
  if (open === null || open.bytes === 0) return { state, note: null };
  try {
    const next = await takeApi.finishAttempt(token, open.position, open.attempt);
    const seconds = Math.max(
      1,
      Math.round(next.answers.find((a) => a.position === open.position)?.durationSeconds ?? 0),
    );
    return {
      state: next,
      note: `Your connection dropped while you answered question ${open.position + 1}; we kept the ${seconds} ${seconds === 1 ? 'second' : 'seconds'} recorded before it. You can keep it or record it again.`,
    };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) throw error;
    return {
      state: await takeApi.state(token),
      note: `Your connection dropped while you answered question ${open.position + 1}, before enough of it was saved. Please record it again.`,
    };
  }
}

/** The candidate's interview by link: notice, device check, one question at a time, finish. */
export function TakePage({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [note, setNote] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const stream = useRef<MediaStream | null>(null);

  const fail = useCallback((error: unknown) => {
    const reason = linkProblemOf(error);
    setLoad(reason === null ? { kind: 'error', error } : { kind: 'problem', reason });
  }, []);

  const reload = useCallback(async () => {
    setLoad({ kind: 'loading' });
    try {
      const first = await takeApi.state(token);
      const settled = await settleInterrupted(token, first);
      if (settled.note !== null) {
        setNote(settled.note);
        setChecked(true); // they passed the check before; the microphone is asked for again on record
      }
      setLoad({ kind: 'ready', state: settled.state });
    } catch (error) {
      fail(error);
    }
  }, [token, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Never leave the microphone on after the page goes away.
  useEffect(() => () => stream.current?.getTracks().forEach((t) => t.stop()), []);

  useEffect(() => {
    document.title = 'Your interview · Candor';
  }, []);

  const update = useCallback((state: TakeState) => setLoad({ kind: 'ready', state }), []);

  let body: ReactNode;
  if (load.kind === 'loading') body = <Loading label="Opening your interview…" />;
  else if (load.kind === 'problem') body = <LinkProblemPage reason={load.reason} />;
  else if (load.kind === 'error') body = <ErrorMessage error={load.error} retry={() => void reload()} />;
  else {
    const state = load.state;
    if (state.status === 'completed') body = <FinishPage token={token} state={state} />;
    else if (!state.consented)
      body = <NoticeStep token={token} state={state} onConsented={update} onError={fail} />;
    else if (!checked)
      body = (
        <DeviceCheck
          onDone={(media) => {
            stream.current = media;
            setChecked(true);
          }}
        />
      );
    else
      body = (
        <QuestionStep
          token={token}
          state={state}
          stream={stream}
          note={note}
          onNoteSeen={() => setNote(null)}
          onState={update}
          onLinkError={fail}
        />
      );
  }

  const ready = load.kind === 'ready' ? load.state : null;
  return (
    <div className="take-shell">
      <header className="take-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Candor
        </span>
        {ready && (
          <span className="take-header-job">
            {ready.jobTitle} · {ready.organisation}
          </span>
        )}
      </header>
      <main id="main" className="take-main" tabIndex={-1}>
        {body}
      </main>
    </div>
  );
}
