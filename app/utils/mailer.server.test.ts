import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { canSendEmail, installMailTransport, sendMail } from "./mailer.server";
import { installConfig, parseConfig } from "./env.server";

function configure(env: Record<string, string>) {
  installConfig({ ...parseConfig({ NODE_ENV: "test", ...env }), secret: "x".repeat(32) });
}

afterEach(() => installMailTransport(undefined));

describe("mailer", () => {
  it("cannot send without SMTP_URL, and says so", async () => {
    configure({});
    expect(canSendEmail()).toBe(false);
    await expect(sendMail({ to: "a@example.org", subject: "Hi", text: "Hello" })).rejects.toThrow(/SMTP_URL/);
  });

  it("can send once SMTP_URL is set, without connecting before the first message", () => {
    configure({ SMTP_URL: "smtp://mail.invalid:2525" });
    expect(canSendEmail()).toBe(true);
  });

  it("sends from MAIL_FROM through the installed transport", async () => {
    configure({ MAIL_FROM: "Riverbend <groundwork@riverbend.example>" });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const rendered: string[] = [];
    transport.use("stream", (mail, done) => {
      rendered.push(`${String(mail.data.from)} → ${String(mail.data.to)}: ${String(mail.data.subject)}`);
      done();
    });
    installMailTransport(transport);
    expect(canSendEmail()).toBe(true);
    await sendMail({ to: "ana@example.org", subject: "Welcome", text: "Hello Ana" });
    expect(rendered).toEqual(["Riverbend <groundwork@riverbend.example> → ana@example.org: Welcome"]);
  });
});
