import { describe, expect, it } from 'vitest';
import { classifyReply, type ReplyIntent } from './reply-intent.js';
import { replyBody } from './reply-text.js';

// Hand-written replies of the kinds candidates send to Candor's messages (issue 14).
const cases: Array<[string, ReplyIntent]> = [
  ['2', 'slot_choice'],
  ['#3', 'slot_choice'],
  ['Option 1 please', 'slot_choice'],
  ['the second one', 'slot_choice'],
  ['The first option works for me', 'slot_choice'],
  ['Tuesday at 3 works', 'slot_choice'],
  ['Wednesday 10am', 'slot_choice'],
  ['STOP', 'opt_out'],
  ['stop', 'opt_out'],
  ['Unsubscribe', 'opt_out'],
  ['QUIT', 'opt_out'],
  ['Please stop texting me', 'opt_out'],
  ['Remove me from your mailing list', 'opt_out'],
  ['Any update on my application?', 'status_question'],
  ['Have you made a decision yet?', 'status_question'],
  ['When will I hear back?', 'status_question'],
  ['when is my interview?', 'status_question'],
  ['I need to move my interview', 'reschedule_request'],
  ["I can't make it on Tuesday, could we find another time?", 'reschedule_request'],
  ['Can we reschedule?', 'reschedule_request'],
  ["I've accepted another offer, please withdraw me", 'withdrawal'],
  ["I'm no longer interested in the position", 'withdrawal'],
  ['Please withdraw my application', 'withdrawal'],
  ['Yes, confirmed', 'confirmation'],
  ['Yes', 'confirmation'],
  ["I'll be there", 'confirmation'],
  ['Thanks!', 'thanks'],
  ['Thank you so much', 'thanks'],
  ['Is the role remote?', 'needs_person'],
  ['What is the salary range for this position?', 'needs_person'],
  ['Can I speak to a real person?', 'needs_person'],
  ['what is the capital of peru', 'other'],
];

describe('classifyReply', () => {
  it.each(cases)('%j → %s', (text, intent) => {
    expect(classifyReply(text).intent).toBe(intent);
  });

  it('reads an e-mail through its greeting, quoted history and signature', () => {
    const email = [
      'Hi Sam,',
      '',
      'Tuesday at 3pm works for me.',
      '',
      'Best regards,',
      'Ana Lopez',
      'Sent from my iPhone',
      '',
      'On Mon, 3 Nov 2026 at 09:12, Candor <jobs@example.com> wrote:',
      '> Which of these times suits you? 1) Tuesday 3pm 2) Wednesday 10am',
    ].join('\n');
    expect(replyBody(email)).toBe('Tuesday at 3pm works for me.');
    expect(classifyReply(email).intent).toBe('slot_choice');
  });

  it('an e-mail that withdraws is a withdrawal, not the thanks of its sign-off', () => {
    const email = 'Dear team,\n\nI have accepted another offer and would like to withdraw.\n\nThanks,\nLee';
    expect(classifyReply(email).intent).toBe('withdrawal');
  });

  it('flags frustration, with the reason', () => {
    const r = classifyReply('This is the third time I ask and nobody answers. Ridiculous.');
    expect(r.frustrated).toBe(true);
    expect(r.reasons.some((x) => x.startsWith('frustration'))).toBe(true);
    expect(classifyReply('I am really annoyed that nobody has replied to me for weeks').frustrated).toBe(
      true,
    );
  });

  it('does not flag calm replies, nor a bare STOP', () => {
    for (const text of ['Thanks!', 'Yes, confirmed', '2', 'Any update on my application?', 'STOP'])
      expect(classifyReply(text).frustrated, text).toBe(false);
  });

  it('gives confidence and frustration as numbers in 0–1 and a reason for every answer', () => {
    for (const [text] of cases) {
      const r = classifyReply(text);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.frustration).toBeGreaterThanOrEqual(0);
      expect(r.frustration).toBeLessThanOrEqual(1);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic, and an empty reply is other with confidence 0', () => {
    const text = 'Could we do Thursday instead? Something came up.';
    expect(classifyReply(text)).toEqual(classifyReply(text));
    expect(classifyReply('   ')).toMatchObject({ intent: 'other', confidence: 0, frustrated: false });
  });
});
