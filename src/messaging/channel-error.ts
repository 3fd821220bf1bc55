/** What a channel says when it could not deliver: try again later, or never (and why). */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    /** `temporary`: try again later; `permanent`: never (a bad address, a refusal); `bounced`: the address does not exist. */
    readonly kind: 'temporary' | 'permanent' | 'bounced',
    /** The candidate asked the provider to stop (e.g. an SMS STOP the provider enforces). */
    readonly optedOut = false,
  ) {
    super(message);
  }
}

/** What a channel answers for a message it accepted. */
export interface Sent {
  /** The provider's id (SMTP Message-ID, the SMS provider's message sid). */
  readonly providerId: string | null;
  readonly from: string;
}

export interface OutboundMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string | null;
  readonly body: string;
  /** E-mail only: a `text/calendar` one with a `method` goes as an iTIP invitation (RFC 6047). */
  readonly attachments?: readonly {
    readonly filename: string;
    readonly contentType: string;
    readonly method?: string;
    readonly content: string;
  }[];
}

/** One way of reaching candidates. */
export interface Channel {
  send(message: OutboundMessage): Promise<Sent>;
}
