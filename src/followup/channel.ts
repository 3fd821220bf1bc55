/**
 * Which channel to write on: among the channels the candidate agreed to and has an address for,
 * the one they answer most, from their own history (replies within 3 days of a message, with a
 * Beta(1, 1) prior so a new candidate starts even), faster replies breaking a tie; e-mail when
 * nothing tells them apart. SMS only with explicit SMS consent.
 */
import type { MessageRecord } from '../store/index.js';

export type Channel = 'email' | 'sms';

export interface Reachable {
  readonly email: string | null;
  readonly phone: string | null;
  readonly consent: Readonly<Record<string, boolean>>;
}

export interface ChannelScore {
  readonly channel: Channel;
  /** Posterior mean of the reply rate: (replies + 1) / (messages + 2). */
  readonly replyRate: number;
  readonly messages: number;
  readonly replies: number;
  /** Median hours to a reply, or null without replies. */
  readonly medianReplyHours: number | null;
}

const REPLY_WINDOW_MS = 3 * 86_400_000;

/** The channels a candidate may be written to on, e-mail first. */
export function allowedChannels(candidate: Reachable): Channel[] {
  const out: Channel[] = [];
  if (candidate.email !== null && candidate.email !== '' && candidate.consent.email !== false)
    out.push('email');
  if (candidate.phone !== null && candidate.phone !== '' && candidate.consent.sms === true) out.push('sms');
  return out;
}

/** Reply rate and latency per channel from a candidate's timeline (oldest first). */
export function channelScores(history: readonly MessageRecord[]): ChannelScore[] {
  return (['email', 'sms'] as const).map((channel) => {
    const sent = history.filter(
      (m) => m.direction === 'out' && m.channel === channel && m.status === 'sent' && m.sentAt !== null,
    );
    const replies = history.filter((m) => m.direction === 'in' && m.channel === channel);
    const latencies: number[] = [];
    for (const m of sent) {
      const at = Date.parse(m.sentAt ?? '');
      const reply = replies.find((r) => {
        const t = Date.parse(r.createdAt);
        return t > at && t - at <= REPLY_WINDOW_MS;
      });
      if (reply !== undefined) latencies.push((Date.parse(reply.createdAt) - at) / 3_600_000);
    }
    latencies.sort((a, b) => a - b);
    return {
      channel,
      replyRate: (latencies.length + 1) / (sent.length + 2),
      messages: sent.length,
      replies: latencies.length,
      medianReplyHours:
        latencies.length === 0 ? null : (latencies[Math.floor((latencies.length - 1) / 2)] ?? null),
    };
  });
}

/**
 * The channel to use, or null when the candidate can be reached on none.
 * @example chooseChannel({ email: 'a@x.test', phone: '+15551234567', consent: { email: true, sms: true } }, timeline)
 */
export function chooseChannel(candidate: Reachable, history: readonly MessageRecord[]): Channel | null {
  const allowed = allowedChannels(candidate);
  if (allowed.length <= 1) return allowed[0] ?? null;
  const scores = channelScores(history).filter((s) => allowed.includes(s.channel));
  scores.sort((a, b) => {
    if (Math.abs(b.replyRate - a.replyRate) > 1e-9) return b.replyRate - a.replyRate;
    const la = a.medianReplyHours ?? Infinity;
    const lb = b.medianReplyHours ?? Infinity;
    if (la !== lb) return la - lb;
    return a.channel === 'email' ? -1 : 1;
  });
  return scores[0]?.channel ?? null;
}
