import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { Field } from "~/components/Field";
import { PublicPage } from "~/components/PublicPage";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { clientAddress } from "~/utils/http.server";
import { excludedCharactersList, joinCodeSchema } from "~/workshops/join-code";
import { waitMessage } from "~/workshops/join-wait";
import {
  countUnknownCode,
  deviceTokenFromRequest,
  ensureDeviceToken,
  hasJoinedWithCode,
  isGuessingCodes,
  workshopForJoining,
} from "~/workshops/participant.server";

export const meta = pageTitle("titles.join");

const CODE_FIELD_ID = "join-code";

type JoinCodeError = "codeRequired" | "invalidCode" | "unknownCode" | "ended" | "tooManyAttempts" | "tooManyGuesses";
type ActionResult = { error: JoinCodeError; retrySeconds: number };

function refuse(error: JoinCodeError, status: number, retrySeconds = 0, setCookie: string | null = null) {
  const headers = new Headers();
  if (retrySeconds > 0) headers.set("Retry-After", String(retrySeconds));
  if (setCookie) headers.append("Set-Cookie", setCookie);
  return data<ActionResult>({ error, retrySeconds }, { status, headers });
}

/** The phone gets its device token as it opens the page, so each of its mistyped codes counts against it, not only against the network. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { setCookie } = await ensureDeviceToken(request);
  return data(null, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const typed = formData.get("code");
  if (typeof typed !== "string" || typed.trim() === "") return refuse("codeRequired", 400);
  const code = joinCodeSchema.safeParse(typed);
  if (!code.success) return refuse("invalidCode", 400);

  const address = clientAddress(context);
  const deviceToken = await deviceTokenFromRequest(request);
  const guessing = await isGuessingCodes({ address, deviceToken });
  if (!guessing.allowed && !(await hasJoinedWithCode(code.data, deviceToken))) {
    return refuse(guessing.by === "device" ? "tooManyGuesses" : "tooManyAttempts", 429, guessing.retryAfterSeconds);
  }
  const workshop = await workshopForJoining(code.data);
  if (!workshop) {
    await countUnknownCode({ address, deviceToken });
    // A phone that mistypes is given its device token now, so its next mistakes count against it as well as the network.
    const { setCookie } = await ensureDeviceToken(request);
    return refuse("unknownCode", 404, 0, setCookie);
  }
  if (workshop.status === "ended") return refuse("ended", 410);
  return redirect(`/join/${workshop.joinCode}`);
}

export default function JoinWithCode() {
  const { t, locale } = useLocale();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = actionData?.error;

  // After a refusal the alert reads the message out; the field is ready for the corrected code.
  useEffect(() => {
    if (error) document.getElementById(CODE_FIELD_ID)?.focus();
  }, [actionData, error]);

  const message = error
    ? [t(`workshops.errors.${error}`, { excluded: excludedCharactersList(locale) }), actionData?.retrySeconds ? waitMessage(t, actionData.retrySeconds) : null].filter(Boolean).join(" ")
    : undefined;

  return (
    <PublicPage title={t("workshops.join.title")}>
      <p>{t("workshops.join.lead")}</p>
      {message ? (
        <div className="alert alert--error" role="alert" id={`${CODE_FIELD_ID}-error`}>
          {message}
        </div>
      ) : null}
      <Form method="post" noValidate className="join-code-form">
        <Field
          id={CODE_FIELD_ID}
          label={t("workshops.join.code")}
          hint={t("workshops.join.codeHint")}
          name="code"
          type="text"
          className="join-code-input"
          inputMode="text"
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={20}
          required
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${CODE_FIELD_ID}-hint ${CODE_FIELD_ID}-error` : `${CODE_FIELD_ID}-hint`}
        />
        <button type="submit" className="button join-submit" disabled={navigation.state === "submitting"}>
          {t("workshops.join.submit")}
        </button>
      </Form>
    </PublicPage>
  );
}
