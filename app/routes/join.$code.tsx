import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Field } from "~/components/Field";
import { PublicPage } from "~/components/PublicPage";
import { isLocale, type Locale } from "~/i18n/i18n";
import { getLocale, localeCookie } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { normalizeJoinCode } from "~/workshops/join-code";
import {
  countJoin,
  countUnknownCode,
  deviceTokenFromRequest,
  ensureDeviceToken,
  isGuessingCodes,
  joinWorkshop,
  participantForDevice,
  workshopForJoining,
} from "~/workshops/participant.server";
import { DISPLAY_NAME_MAX, joinFormSchema } from "~/workshops/workshop-form";

export const meta: MetaFunction = () => [{ title: "Join a workshop · Groundwork" }];

type GroupChoice = { id: string; labels: Record<Locale, string> };

type LoaderResult =
  | { state: "unknown" }
  | { state: "ended"; title: string }
  | { state: "throttled"; retrySeconds: number }
  | {
      state: "open";
      code: string;
      title: string;
      languages: Locale[];
      groups: GroupChoice[];
      defaultLanguage: Locale;
      joined: { language: string; stakeholderGroupId: string; displayName: string | null } | null;
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
  const guessing = await isGuessingCodes(address);
  if (!guessing.allowed) {
    return data<LoaderResult>(
      { state: "throttled", retrySeconds: guessing.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(guessing.retryAfterSeconds) } },
    );
  }
  const workshop = await workshopForJoining(code);
  if (!workshop) {
    await countUnknownCode(address);
    return data<LoaderResult>({ state: "unknown" }, { status: 404 });
  }
  if (workshop.status === "ended") return data<LoaderResult>({ state: "ended", title: workshop.title }, { status: 410 });

  const participant = await participantForDevice(workshop.id, await deviceTokenFromRequest(request));
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
      ? { language: participant.language, stakeholderGroupId: participant.stakeholderGroupId, displayName: participant.displayName }
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
      { formError: "tooManyAttempts", retrySeconds: limit.retryAfterSeconds, errors: {} },
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
            {t("workshops.errors.tooManyAttempts", { seconds: loaderData.retrySeconds })}
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
  const formError = actionData?.formError;
  const groupError = fieldError("stakeholderGroupId");
  const languageError = fieldError("language");

  return (
    <PublicPage title={t("workshops.join.joinTitle", { title: workshop.title })}>
      <p>{joined ? t("workshops.join.alreadyJoined") : t("workshops.join.intro")}</p>
      {formError ? (
        <div className="alert alert--error" role="alert">
          {t(`workshops.errors.${formError}` as "workshops.errors.fixBelow", { seconds: actionData?.retrySeconds ?? 0 })}
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
