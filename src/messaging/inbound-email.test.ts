import { describe, expect, it } from 'vitest';
import { newText, parseInboundEmail } from './inbound-email.js';

describe('inbound e-mail', () => {
  it('keeps only what the sender wrote now: no quoted history, no signature', () => {
    const gmail =
      'Tuesday at 3 works for me.\n\nThanks,\nAna\n\nOn Mon, 7 Dec 2026 at 10:00, Rita Reyes <rita@acme.test> wrote:\n> Which of these suits you?\n> 1. Tuesday 15:00';
    expect(newText(gmail)).toBe('Tuesday at 3 works for me.\n\nThanks,\nAna');
    const outlook =
      'Please withdraw my application.\r\n\r\n________________________________\r\nFrom: Acme Jobs <jobs@acme.test>\r\nSent: Monday, December 7, 2026 10:00\r\nSubject: Your interview';
    expect(newText(outlook)).toBe('Please withdraw my application.');
    expect(newText('Any news?\n-- \nAna Díaz\nProduct designer')).toBe('Any news?');
    expect(newText('Yes, confirmed.\n\nSent from my iPhone')).toBe('Yes, confirmed.');
    expect(newText('> only a quote\n')).toBe('');
  });

  it('parses a raw reply: sender, subject, In-Reply-To, the new text, attachments by size', async () => {
    const raw = [
      'From: Ana Diaz <Ana@Example.com>',
      'To: jobs@acme.test',
      'Subject: Re: Your interview for Support lead',
      'Message-ID: <reply-1@example.com>',
      'In-Reply-To: <msg_1@jobs.acme.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Could we move it to Thursday?',
      '',
      'On Mon, 7 Dec 2026, Acme Jobs wrote:',
      '> Your interview is on Tuesday.',
      '--b1',
      'Content-Type: application/pdf; name="cv.pdf"',
      'Content-Disposition: attachment; filename="cv.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.alloc(3000, 7).toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const mail = await parseInboundEmail(raw);
    expect(mail).toMatchObject({
      from: 'ana@example.com',
      to: ['jobs@acme.test'],
      subject: 'Re: Your interview for Support lead',
      text: 'Could we move it to Thursday?',
      inReplyTo: '<msg_1@jobs.acme.test>',
    });
    expect(mail.attachments).toEqual([{ filename: 'cv.pdf', bytes: 3000 }]);
  });

  it('refuses a message without a sender and one over the size read, saying which', async () => {
    await expect(parseInboundEmail('Subject: hi\r\n\r\nbody')).rejects.toThrow(
      'the e-mail has no From address',
    );
    await expect(parseInboundEmail(Buffer.alloc(11 * 1024 * 1024, 65))).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });
});
