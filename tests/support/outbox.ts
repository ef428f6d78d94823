import nodemailer from "nodemailer";
import { installMailTransport } from "~/utils/mailer.server";

export type SentMail = { from: string; to: string; subject: string; text: string };

/**
 * Sends the app's email through nodemailer's own JSON transport and keeps
 * each message as it reaches the transport (nodemailer's "stream" plugin
 * step, after composition), so tests read what would go out.
 */
export function installOutbox(): { messages: SentMail[]; uninstall: () => void } {
  const messages: SentMail[] = [];
  const transport = nodemailer.createTransport({ jsonTransport: true });
  transport.use("stream", (mail, done) => {
    const { from, to, subject, text } = mail.data;
    messages.push({ from: String(from), to: String(to), subject: String(subject), text: String(text) });
    done();
  });
  installMailTransport(transport);
  return { messages, uninstall: () => installMailTransport(undefined) };
}
