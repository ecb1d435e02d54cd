// How outbox mail leaves the server: SMTP when SMTP_URL is set; otherwise the log, so development and tests
// work offline (login codes appear in the server's output, at warn level so the default level shows them).
// In production without SMTP_URL login codes are refused (domain/auth/login.ts), so none reaches this log.
import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Mailer } from "./domain/mail/outbox.js";

export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export function createLogMailer(log: Logger): Mailer {
  return {
    async send(mail) {
      log.warn(
        { to: mail.to, subject: mail.subject, text: mail.text },
        "email (no SMTP_URL set: logged instead of sent)",
      );
    },
  };
}
