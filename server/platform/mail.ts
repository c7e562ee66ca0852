import nodemailer from 'nodemailer';

export interface Mailer {
  /** 'sent' when an SMTP server accepted it, 'stored' when no SMTP server is configured. */
  send(message: OutgoingMail): Promise<'sent' | 'stored'>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** A calendar invitation (iTIP): sent as a text/calendar part that mail programs offer to accept or decline. */
  icalEvent?: { method: string; filename: string; content: string };
}

export function createMailer(options: { smtpUrl?: string; from: string }): Mailer {
  if (!options.smtpUrl) {
    return { send: async () => 'stored' };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
      return 'sent';
    },
  };
}
