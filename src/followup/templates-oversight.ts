/**
 * The drafts a recruiter starts from in the inbox (issue 14, human oversight): a polite holding
 * reply, and one that apologises first for a frustrated candidate. A status question's draft is
 * the `status` template. Editable per workspace like every template.
 */
import type { Template, TemplateChannel } from './templates.js';

export const OVERSIGHT_TEMPLATES: Readonly<Record<string, Readonly<Record<TemplateChannel, Template>>>> = {
  holding: {
    email: {
      subject: 'Your application for {{jobTitle}}',
      body: 'Hi {{firstName}},\n\nThank you for your message. I am looking into it and will reply by {{replyBy}}.\n\n{{senderName}}\n{{organisation}}',
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, thank you for your message. I am looking into it and will reply by {{replyBy}}. {{senderName}}',
    },
  },
  apology: {
    email: {
      subject: 'Your application for {{jobTitle}}',
      body: 'Hi {{firstName}},\n\nI am sorry you have had to wait, and thank you for telling us. I am looking into it myself and will reply by {{replyBy}}.\n\n{{senderName}}\n{{organisation}}',
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, I am sorry you have had to wait. I am looking into it myself and will reply by {{replyBy}}. {{senderName}}',
    },
  },
};
