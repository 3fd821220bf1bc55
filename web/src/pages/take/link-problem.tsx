import type { LinkProblem } from '../../api/take';

const PAGES: Record<LinkProblem, { title: string; text: string; next: string }> = {
  expired: {
    title: 'This interview link has expired',
    text: 'The deadline for this interview has passed, so the link no longer opens it.',
    next: 'Reply to the e-mail that invited you and ask the recruiter for a new link. Nothing you recorded before is lost.',
  },
  revoked: {
    title: 'This interview link was withdrawn',
    text: 'The hiring team withdrew this link, so it no longer opens an interview.',
    next: 'If you think this is a mistake, reply to the e-mail that invited you and ask the recruiter.',
  },
  unknown: {
    title: 'This interview link is not valid',
    text: 'We could not find an interview for this link. Often part of the link was lost when it was copied.',
    next: 'Open the link straight from your invitation e-mail, or copy the whole link again. If it still does not work, ask the recruiter for a new one.',
  },
  completed: {
    title: 'This interview is already completed',
    text: 'Your answers were sent; nothing more can be recorded with this link.',
    next: 'The hiring team will be in touch.',
  },
};

/** What went wrong with the link, and what the candidate can do about it. */
export function LinkProblemPage({ reason }: { reason: LinkProblem }) {
  const page = PAGES[reason];
  return (
    <section className="card take-card" aria-labelledby="link-problem" data-testid={`link-${reason}`}>
      <h1 id="link-problem">{page.title}</h1>
      <p>{page.text}</p>
      <h2 className="subheading">What to do</h2>
      <p>{page.next}</p>
    </section>
  );
}
