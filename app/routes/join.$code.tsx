import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Field } from "~/components/Field";
import { PublicPage } from "~/components/PublicPage";
import { isLocale, type Locale } from "~/i18n/i18n";
import { getLocale, localeCookie } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { normalizeJoinCode } from "~/workshops/join-code";
import { waitMessage } from "~/workshops/join-wait";
import {
  countJoin,
  countUnknownCode,
  deviceTokenFromRequest,
  ensureDeviceToken,
  hasJoinedWithCode,
  isGuessingCodes,
  joinWorkshop,
  participantForDevice,
  workshopForJoining,
} from "~/workshops/participant.server";
import { DISPLAY_NAME_MAX, joinFormSchema } from "~/workshops/workshop-form";

export const meta = pageTitle("titles.join");

type GroupChoice = { id: string; labels: Record<Locale, string> };

type LoaderResult =
  | { state: "unknown" }
  | { state: "ended"; title: string }
  | { state: "throttled"; by: "device" | "address"; retrySeconds: number }
  | {
      state: "open";
      code: string;
      title: string;
      languages: Locale[];
      groups: GroupChoice[];
      defaultLanguage: Locale;
      joined: { language: string; stakeholderGroupId: string; displayName: string | null; groupLocked: boolean } | null;
    };

function pickDefaultLanguage(offered: readonly Locale[], ...preferences: (string | null | undefined)[]): Locale {
  for (const preference of preferences) {
    if (isLocale(preference) && offered.includes(preference)) return preference;
  }
  return offered[0] ?? "en";
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const typed = params.code ?? "";
  const code = normalizeJoinCode(typed);
  // The QR code and links carry the canonical code; a typed variant ("kd7-fq3") is sent there.
  if (code && code !== typed) throw redirect(`/join/${code}`);
  if (!code) return data<LoaderResult>({ state: "unknown" }, { status: 404 });

  const address = clientAddress(context);
  const deviceToken = await deviceTokenFromRequest(request);
  const guessing = await isGuessingCodes({ address, deviceToken });
  if (!guessing.allowed && !(await hasJoinedWithCode(code, deviceToken))) {
    return data<LoaderResult>(
      { state: "throttled", by: guessing.by, retrySeconds: guessing.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(guessing.retryAfterSeconds) } },
    );
  }
  const workshop = await workshopForJoining(code);
  if (!workshop) {
    await countUnknownCode({ address, deviceToken });
    return data<LoaderResult>({ state: "unknown" }, { status: 404 });
  }
  if (workshop.status === "ended") return data<LoaderResult>({ state: "ended", title: workshop.title }, { status: 410 });

  const participant = await participantForDevice(workshop.id, deviceToken);
  const browserLanguage = await getLocale(request);
  return data<LoaderResult>({
    state: "open",
    code: workshop.joinCode,
    title: workshop.title,
    languages: workshop.languages,
    groups: workshop.groups.map((group) => ({
      id: group.id,
      labels: { en: stakeholderGroupLabel(group, "en"), es: stakeholderGroupLabel(group, "es") },
    })),
    defaultLanguage: pickDefaultLanguage(workshop.languages, participant?.language, browserLanguage, workshop.districtDefaultLanguage),
    joined: participant
      ? {
          language: participant.language,
          stakeholderGroupId: participant.stakeholderGroupId,
          displayName: participant.displayName,
          groupLocked: participant.hasContributed,
        }
      : null,
  });
}

type ActionResult = { formError: string | null; retrySeconds: number; errors: FieldErrors };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const code = normalizeJoinCode(params.code);
  if (!code) return data<ActionResult>({ formError: "unknownCode", retrySeconds: 0, errors: {} }, { status: 404 });

  const limit = await countJoin(clientAddress(context));
  if (!limit.allowed) {
    return data<ActionResult>(
      { formError: "tooManyJoins", retrySeconds: limit.retryAfterSeconds, errors: {} },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const parsed = parseForm(joinFormSchema, await request.formData());
  if (!parsed.ok) return data<ActionResult>({ formError: "fixBelow", retrySeconds: 0, errors: parsed.errors }, { status: 400 });

  const { deviceToken, setCookie } = await ensureDeviceToken(request);
  const result = await joinWorkshop({ code, deviceToken, ...parsed.data });
  if (!result.ok) {
    if (result.error === "unknownCode" || result.error === "ended") {
      return data<ActionResult>({ formError: result.error, retrySeconds: 0, errors: {} }, { status: result.error === "ended" ? 410 : 404 });
    }
    return data<ActionResult>(
      { formError: "fixBelow", retrySeconds: 0, errors: { [result.field ?? "form"]: result.error } },
      { status: 400 },
    );
  }
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  // The participant's page, and every page after it, speaks the language they chose.
  headers.append("Set-Cookie", await localeCookie.serialize(result.participant.language));
  return redirect(`/w/${result.participant.joinCode}`, { headers });
}

export default function JoinWorkshop() {
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useLocale();

  switch (loaderData.state) {
    case "unknown":
      return (
        <PublicPage title={t("workshops.join.unknownTitle")}>
          <p>{t("workshops.errors.unknownCode")}</p>
          <p>
            <Link className="button" to="/join">
              {t("workshops.join.otherCode")}
            </Link>
          </p>
        </PublicPage>
      );
    case "ended":
      return (
        <PublicPage title={t("workshops.join.endedTitle")}>
          <p>
            <strong>{loaderData.title}</strong>
          </p>
          <p>{t("workshops.errors.ended")}</p>
          <p>
            <Link to="/join">{t("workshops.join.otherCode")}</Link>
          </p>
        </PublicPage>
      );
    case "throttled":
      return (
        <PublicPage title={t("workshops.join.title")}>
          <div className="alert alert--error" role="alert">
            {t(loaderData.by === "device" ? "workshops.errors.tooManyGuesses" : "workshops.errors.tooManyAttempts")}{" "}
            {waitMessage(t, loaderData.retrySeconds)}
          </div>
        </PublicPage>
      );
    case "open":
      return <JoinForm workshop={loaderData} />;
  }
}

function JoinForm({ workshop }: { workshop: Extract<LoaderResult, { state: "open" }> }) {
  const { t, locale } = useLocale();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useRef<HTMLFormElement>(null);
  const [language, setLanguage] = useState<Locale>(workshop.defaultLanguage);
  const errors = actionData?.errors ?? {};
  const fieldError = (name: string) =>
    errors[name] ? t(`workshops.errors.${errors[name]}` as "workshops.errors.required", { max: DISPLAY_NAME_MAX }) : undefined;

  // A language picked before the page finished loading is already checked: the group names follow it.
  useEffect(() => {
    const checked = form.current?.querySelector<HTMLInputElement>('input[name="language"]:checked')?.value;
    if (isLocale(checked)) setLanguage(checked);
  }, []);

  const joined = workshop.joined;
  // Answers already given are counted for the group they were given in, so that group stays: said before anyone tries to change it.
  const lockedGroup = joined?.groupLocked ? workshop.groups.find((group) => group.id === joined.stakeholderGroupId) : undefined;
  const formError = actionData?.formError;
  const groupError = fieldError("stakeholderGroupId");
  const languageError = fieldError("language");

  return (
    <PublicPage title={t("workshops.join.joinTitle", { title: workshop.title })}>
      <p>{joined ? t("workshops.join.alreadyJoined") : t("workshops.join.intro")}</p>
      {formError ? (
        <div className="alert alert--error" role="alert">
          {t(`workshops.errors.${formError}` as "workshops.errors.fixBelow")}
          {actionData?.retrySeconds ? ` ${waitMessage(t, actionData.retrySeconds)}` : null}
        </div>
      ) : null}
      <Form method="post" noValidate ref={form} className="join-form">
        <fieldset aria-describedby={languageError ? "language-error" : undefined}>
          <legend>{t("workshops.join.language")}</legend>
          {workshop.languages.map((code) => (
            <label key={code} className="choice">
              <input
                type="radio"
                name="language"
                value={code}
                defaultChecked={code === workshop.defaultLanguage}
                onChange={() => setLanguage(code)}
              />
              <span lang={code}>{t(`common.languageNames.${code}`)}</span>
            </label>
          ))}
          {languageError ? (
            <p className="field-error" id="language-error">
              {languageError}
            </p>
          ) : null}
        </fieldset>

        {lockedGroup ? (
          <fieldset aria-describedby="group-locked">
            <legend>{t("workshops.join.group")}</legend>
            <input type="hidden" name="stakeholderGroupId" value={lockedGroup.id} />
            <p className="join-locked-group">
              <strong lang={language === locale ? undefined : language}>{lockedGroup.labels[language]}</strong>
            </p>
            <p className="hint" id="group-locked">
              {t("workshops.join.groupLocked")}
            </p>
          </fieldset>
        ) : (
          <fieldset aria-describedby={["group-hint", groupError ? "group-error" : null].filter(Boolean).join(" ")}>
            <legend>{t("workshops.join.group")}</legend>
            <p className="hint" id="group-hint">
              {t("workshops.join.groupHint")}
            </p>
            {workshop.groups.map((group) => (
              <label key={group.id} className="choice">
                <input
                  type="radio"
                  name="stakeholderGroupId"
                  value={group.id}
                  defaultChecked={joined?.stakeholderGroupId === group.id}
                />
                <span lang={language === locale ? undefined : language}>{group.labels[language]}</span>
              </label>
            ))}
            {groupError ? (
              <p className="field-error" id="group-error">
                {groupError}
              </p>
            ) : null}
          </fieldset>
        )}

        <Field
          label={t("workshops.join.displayName")}
          hint={t("workshops.join.displayNameHint")}
          name="displayName"
          type="text"
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX}
          defaultValue={joined?.displayName ?? ""}
          error={fieldError("displayName")}
        />
        <button type="submit" className="button join-submit" disabled={navigation.state === "submitting"}>
          {joined ? t("workshops.join.continue") : t("workshops.join.join")}
        </button>
      </Form>
    </PublicPage>
  );
}
