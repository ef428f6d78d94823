import type { Prisma, Role, TokenPurpose } from "~/generated/prisma/client";
import { createTranslator, isLocale, type Locale } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import { sendMail } from "~/utils/mailer.server";
import { publicUrl } from "~/utils/public-url.server";
import { hashToken, randomToken } from "~/utils/tokens.server";
import { hashPassword } from "./password.server";

/** How long a link stays valid: a week to accept an invitation, a day to reset a password. */
export const TOKEN_LIFETIME_HOURS: Record<TokenPurpose, number> = { invitation: 7 * 24, password_reset: 24 };

/** Tokens are 43 base64url characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 128;

export type IssuedToken = { token: string; expiresAt: Date };

/**
 * Issues a single-use link for a user. Earlier unused links of the same
 * purpose stop working at once, so only the newest link a leader handed out
 * can be used. Runs inside the caller's transaction.
 */
export async function issueAccessToken(
  tx: Prisma.TransactionClient,
  input: { districtId: string; userId: string; purpose: TokenPurpose; issuedById: string | null },
): Promise<IssuedToken> {
  const now = new Date();
  // Superseded links are expired rather than deleted, so the history of who issued what stays.
  await tx.accessToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_HOURS[input.purpose] * 60 * 60 * 1000);
  await tx.accessToken.create({
    data: {
      districtId: input.districtId,
      userId: input.userId,
      purpose: input.purpose,
      issuedById: input.issuedById,
      tokenHash: hashToken(token),
      expiresAt,
    },
    select: { id: true },
  });
  return { token, expiresAt };
}

/** Makes every outstanding link of a user unusable (the account was disabled, or a password was chosen). */
export async function voidAccessTokens(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const now = new Date();
  await tx.accessToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

/** The address of a link: PUBLIC_URL when the deployment sets one, otherwise the origin the request came to. */
export function accessTokenUrl(request: Request, token: string): string {
  return publicUrl(request, `/invite/${encodeURIComponent(token)}`);
}

export type UsableAccessToken = {
  id: string;
  purpose: TokenPurpose;
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: Role; preferredLanguage: string | null };
  districtName: string;
  inviterName: string | null;
};

/** The link's token if it can still be used: unknown, expired, used, superseded or a disabled account's links cannot. */
export async function findUsableAccessToken(token: string): Promise<UsableAccessToken | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const row = await prisma.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      districtId: true,
      district: { select: { name: true } },
      issuedBy: { select: { name: true } },
      user: {
        select: { id: true, email: true, name: true, role: true, preferredLanguage: true, disabledAt: true, districtId: true },
      },
    },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (row.user.disabledAt || row.user.districtId !== row.districtId) return null;
  const { disabledAt: _disabledAt, districtId: _districtId, ...user } = row.user;
  return {
    id: row.id,
    purpose: row.purpose,
    expiresAt: row.expiresAt,
    user,
    districtName: row.district.name,
    inviterName: row.issuedBy?.name ?? null,
  };
}

export type RedeemResult = { ok: true; userId: string; purpose: TokenPurpose } | { ok: false };

/**
 * Sets the password through a link and uses the link up. Every session of
 * the user ends (whoever knew the old password is out) and every other
 * outstanding link stops working. The caller then starts a fresh session.
 */
export async function redeemAccessToken(token: string, password: string): Promise<RedeemResult> {
  const usable = await findUsableAccessToken(token);
  if (!usable) return { ok: false };
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    // Claiming with a conditional update makes a link single-use even when two requests race.
    const claimed = await tx.accessToken.updateMany({
      where: { id: usable.id, usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false } as const;
    const user = await tx.user.update({
      where: { id: usable.user.id },
      data: { passwordHash },
      select: { id: true, districtId: true },
    });
    await voidAccessTokens(tx, user.id);
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.auditEvent.create({
      data: {
        districtId: user.districtId,
        actorId: user.id,
        action: usable.purpose === "invitation" ? "staff.invitation_accepted" : "account.password_reset",
        subjectId: user.id,
      },
    });
    return { ok: true, userId: user.id, purpose: usable.purpose } as const;
  });
}

/** The language of an email: the person's own choice when they made one, else the district's. */
export function emailLocale(preferred: string | null | undefined, districtDefault: string | null | undefined): Locale {
  if (isLocale(preferred)) return preferred;
  return isLocale(districtDefault) ? districtDefault : "en";
}

/** Emails a link to the person it was issued for, in `locale`. */
export async function emailAccessLink(input: {
  purpose: TokenPurpose;
  locale: Locale;
  to: string;
  name: string;
  role: Role;
  link: string;
  expiresAt: Date;
  districtName: string;
  inviterName: string | null;
}): Promise<void> {
  const t = createTranslator(input.locale);
  const expires = new Intl.DateTimeFormat(input.locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(input.expiresAt);
  const values = {
    name: input.name,
    email: input.to,
    district: input.districtName,
    inviter: input.inviterName ?? t("auth.invitation.unknownInviter"),
    role: t(`auth.invitation.roleInText.${input.role}`),
    link: input.link,
    expires,
  };
  if (input.purpose === "invitation") {
    await sendMail({ to: input.to, subject: t("auth.email.invitationSubject", values), text: t("auth.email.invitationBody", values) });
  } else {
    await sendMail({ to: input.to, subject: t("auth.email.resetSubject", values), text: t("auth.email.resetBody", values) });
  }
}

/**
 * The forgot-password request: when the email belongs to an active account,
 * a reset link goes to it; otherwise nothing happens. The caller answers the
 * same either way, so the page does not reveal who has an account.
 */
export async function sendPasswordResetLink(email: string, request: Request): Promise<boolean> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      districtId: true,
      passwordHash: true,
      disabledAt: true,
      preferredLanguage: true,
      district: { select: { name: true, defaultLanguage: true } },
    },
  });
  if (!user || !user.passwordHash || user.disabledAt) return false;
  const issued = await prisma.$transaction(async (tx) => {
    const token = await issueAccessToken(tx, { districtId: user.districtId, userId: user.id, purpose: "password_reset", issuedById: null });
    await tx.auditEvent.create({
      data: { districtId: user.districtId, actorId: null, action: "account.password_reset_requested", subjectId: user.id },
    });
    return token;
  });
  await emailAccessLink({
    purpose: "password_reset",
    locale: emailLocale(user.preferredLanguage, user.district.defaultLanguage),
    to: user.email,
    name: user.name,
    role: user.role,
    link: accessTokenUrl(request, issued.token),
    expiresAt: issued.expiresAt,
    districtName: user.district.name,
    inviterName: null,
  });
  return true;
}
