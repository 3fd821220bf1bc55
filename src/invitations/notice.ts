/**
 * The notice a candidate reads before anything is recorded, and whose version their consent
 * records. Its sections follow what New York City's Local Law 144 of 2021 (Administrative Code
 * § 20-871(b)) asks an employer to tell a candidate before an automated employment decision tool is
 * used: that such a tool is used, the job qualifications and characteristics it assesses, the type
 * and source of the data collected and how long it is kept, and how to ask for an alternative
 * selection process or an accommodation.
 */

/** Changes whenever the wording below changes in substance; consents record it. */
export const NOTICE_VERSION = '2026-12-06';

export interface NoticeSection {
  readonly title: string;
  readonly text: string;
}

export interface Notice {
  readonly version: string;
  readonly sections: readonly NoticeSection[];
}

export interface NoticeFacts {
  readonly organisation: string;
  readonly jobTitle: string;
  /** The competencies the job's framework scores, by name. */
  readonly competencies: readonly string[];
  /** The person who sent the invitation: whom to ask for another process. */
  readonly contact: { readonly name: string; readonly email: string };
  /** Days the workspace keeps interviews, when it has set a period. */
  readonly retentionDays: number | null;
  readonly textAnswers: boolean;
  readonly answerSeconds: number;
  readonly questionCount: number;
}

/**
 * The notice for one invitation, in plain words.
 * @example buildNotice({ organisation: 'Acme', jobTitle: 'Support lead', competencies: ['Empathy'], contact, retentionDays: null, textAnswers: false, answerSeconds: 120, questionCount: 4 })
 */
export function buildNotice(facts: NoticeFacts): Notice {
  const seconds = facts.answerSeconds;
  const length =
    seconds % 60 === 0
      ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}`
      : seconds < 60
        ? `${seconds} seconds`
        : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const listed =
    facts.competencies.length > 0 ? facts.competencies.join(', ') : 'the competencies of the role';
  const kept =
    facts.retentionDays === null
      ? `${facts.organisation} keeps your recordings, their transcripts and the scores until its hiring team deletes them. You may ask for them to be deleted at any time.`
      : `${facts.organisation} keeps your recordings, their transcripts and the scores for ${facts.retentionDays} days, then deletes them. You may ask for them to be deleted sooner.`;
  return {
    version: NOTICE_VERSION,
    sections: [
      {
        title: 'What is recorded',
        text:
          `You will answer ${facts.questionCount} question${facts.questionCount === 1 ? '' : 's'} for the role of ${facts.jobTitle}, one at a time, each in at most ${length}. ` +
          `Your microphone records each answer${facts.textAnswers ? ' (or you may type it instead)' : ''}; the camera is optional and is never used for scoring. ` +
          'Only the answers you record are uploaded, and only after you agree below.',
      },
      {
        title: 'How your answers are evaluated',
        text:
          `An automated tool (Candor) transcribes your answers and measures what they show of: ${listed}. ` +
          'Every score points to the words and moments it came from. The tool does not judge your appearance, your accent or your emotions. ' +
          `A person at ${facts.organisation} reads your answers and the evidence and makes every decision; the tool never rejects anyone on its own.`,
      },
      { title: 'How long it is kept', text: kept },
      {
        title: 'Another way to take part',
        text:
          `If you would rather not be assessed by an automated tool, or need an accommodation (more time, a typed interview, a call with a person), write to ${facts.contact.name} at ${facts.contact.email} before you start. ` +
          'Asking does not count against you.',
      },
    ],
  };
}
