/**
 * Inbound e-mail: a raw message (RFC 5322, as an SMTP server or a provider's inbound webhook
 * hands it over) parsed with postal-mime, and its new text separated from the quoted history and
 * the signature, so a reply is classified on what the candidate wrote now.
 */
import PostalMime from 'postal-mime';
import { CandorError } from '../core/index.js';

export interface InboundEmail {
  readonly from: string;
  readonly to: string[];
  readonly subject: string | null;
  /** What the sender wrote now: quoted history and signature removed. */
  readonly text: string;
  readonly messageId: string | null;
  /** `<id>` this replies to (In-Reply-To), when given. */
  readonly inReplyTo: string | null;
  readonly attachments: { readonly filename: string | null; readonly bytes: number }[];
}

/** Largest raw message read (attachments included); larger ones are refused before parsing. */
export const INBOUND_EMAIL_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * @throws CandorError FILE_TOO_LARGE over the limit; VALIDATION_FAILED when it has no sender
 * @example const mail = await parseInboundEmail(raw)
 */
export async function parseInboundEmail(raw: Buffer | string): Promise<InboundEmail> {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > INBOUND_EMAIL_LIMIT_BYTES) {
    throw new CandorError(
      'FILE_TOO_LARGE',
      `the e-mail is ${Math.round(size / 1048576)} MB, over the ${INBOUND_EMAIL_LIMIT_BYTES / 1048576} MB read for replies`,
      {
        bytes: size,
        limitBytes: INBOUND_EMAIL_LIMIT_BYTES,
      },
    );
  }
  const mail = await PostalMime.parse(raw);
  const from = mail.from?.address ?? '';
  if (from === '')
    throw new CandorError('VALIDATION_FAILED', 'the e-mail has no From address', { field: 'from' });
  const text = mail.text ?? (mail.html === undefined ? '' : htmlToText(mail.html));
  return {
    from: from.toLowerCase(),
    to: (mail.to ?? []).map((a) => (a.address ?? '').toLowerCase()).filter((a) => a !== ''),
    subject: mail.subject ?? null,
    text: newText(text),
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename ?? null,
      bytes: typeof a.content === 'string' ? Buffer.byteLength(a.content) : a.content.byteLength,
    })),
  };
}

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Lines where the quoted history starts, as mail programs write them. */
const HISTORY_STARTS: readonly RegExp[] = [
  /^On .{4,200}wrote:\s*$/i, // Gmail, Apple Mail: "On Tue, 1 Dec 2026 at 10:00, Rita <r@x> wrote:"
  /^Le .{4,200}a écrit\s*:\s*$/i,
  /^Am .{4,200}schrieb .{0,200}:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i, // Outlook
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule above "From: … Sent: …"
  /^From:\s.+$/i, // a header block of the quoted message
];

/** Lines where a signature starts. */
const SIGNATURE_STARTS: readonly RegExp[] = [
  /^-- ?$/, // the standard delimiter (RFC 3676 § 4.3)
  /^Sent from my (iPhone|iPad|Android|phone|mobile).*$/i,
  /^Get Outlook for (iOS|Android).*$/i,
];

/**
 * The part of an e-mail's text its sender wrote now: up to the quoted history or the signature,
 * without quoted (`>`) lines, trimmed.
 * @example newText('Tuesday works.\n\nOn Mon, 7 Dec 2026, Rita wrote:\n> Which day?') // 'Tuesday works.'
 */
export function newText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    // A header block ("From: …") ends the reply only below some text of its own; an attribution
    // line ("On … wrote:") ends it anywhere, so a reply of nothing but quoted history is empty.
    const history = HISTORY_STARTS.findIndex((re) => re.test(trimmed));
    if (history !== -1 && (history !== HISTORY_STARTS.length - 1 || kept.some((l) => l.trim() !== ''))) break;
    if (SIGNATURE_STARTS.some((re) => re.test(line.trimEnd()))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
