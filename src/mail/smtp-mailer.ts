// The e-mail edge: plain-text messages over SMTP (nodemailer). Only this folder talks to a mail server.
import { createTransport } from 'nodemailer';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface SmtpMailer {
  /** Resolves when the server has accepted the message. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** `url`: smtp://user:pass@host:port or smtps://… (config SMTP_URL); `from`: config MAIL_FROM. */
export function smtpMailer(url: string, from: string): SmtpMailer {
  const transport = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, textEncoding: 'quoted-printable' });
    },
    close: () => transport.close(),
  };
}
