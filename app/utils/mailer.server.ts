import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "./env.server";
import { getSingleton, setSingleton } from "./singleton.server";

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

type CachedTransport = { url: string; transport: Transporter };

const INSTALLED_KEY = "mailTransport";
const CACHED_KEY = "mailTransportFromConfig";

/**
 * Replaces the SMTP transport, e.g. with nodemailer's jsonTransport in tests;
 * `undefined` goes back to the one built from SMTP_URL.
 */
export function installMailTransport(transport: Transporter | undefined): void {
  setSingleton(INSTALLED_KEY, transport);
}

/** The transport to send with, built on first use so that a server without SMTP never opens one. */
function currentTransport(): Transporter | null {
  const installed = getSingleton<Transporter>(INSTALLED_KEY);
  if (installed) return installed;
  const url = getConfig().SMTP_URL;
  if (!url) return null;
  const cached = getSingleton<CachedTransport>(CACHED_KEY);
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  const transport = nodemailer.createTransport(url);
  setSingleton<CachedTransport>(CACHED_KEY, { url, transport });
  return transport;
}

/** Whether this server can send email at all: pages offer email only when it can. */
export function canSendEmail(): boolean {
  return Boolean(getSingleton<Transporter>(INSTALLED_KEY) || getConfig().SMTP_URL);
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  const transport = currentTransport();
  if (!transport) throw new Error("Email is not configured: set SMTP_URL to send email.");
  await transport.sendMail({ from: getConfig().MAIL_FROM, ...mail });
}
