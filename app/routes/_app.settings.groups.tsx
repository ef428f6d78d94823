import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { TableRegion } from "~/components/TableRegion";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import {
  addStakeholderGroup,
  listStakeholderGroups,
  moveStakeholderGroup,
  parseTargetShares,
  renameStakeholderGroup,
  saveTargetShares,
  setStakeholderGroupArchived,
  type StakeholderGroupRow,
} from "~/models/district-settings.server";
import {
  GROUP_NAME_MAX,
  groupNameSchema,
  stakeholderGroupLabel,
  TARGET_FIELD_PREFIX,
  targetShareSchema,
  totalTargetShare,
} from "~/models/stakeholder-groups";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta = pageTitle("titles.settings.groups");

const TARGETS_FORM_ID = "group-targets";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  return { groups: await listStakeholderGroups(user.districtId) };
}

const groupId = z.string({ error: "invalid" }).min(1, "invalid").max(100, "invalid");

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("targets") }),
  z.object({ intent: z.literal("add"), name: groupNameSchema, targetShare: targetShareSchema }),
  z.object({ intent: z.literal("rename"), groupId, name: groupNameSchema }),
  z.object({ intent: z.literal("move"), groupId, direction: z.enum(["up", "down"], { error: "invalid" }) }),
  z.object({ intent: z.literal("archive"), groupId }),
  z.object({ intent: z.literal("restore"), groupId }),
]);

type GroupRef = { key: string | null; name: string };

type ActionResult =
  | { intent: "targets" | "add" | "rename" | "form"; ok: false; errors: FieldErrors; groupId?: string }
  | { intent: "targets"; ok: true }
  | { intent: "add" | "rename" | "archive" | "restore"; ok: true; group: GroupRef }
  | { intent: "move"; ok: true; group: GroupRef; groupId: string; direction: "up" | "down"; moved: boolean };

function invalid(result: Extract<ActionResult, { ok: false }>) {
  return data<ActionResult>(result, { status: 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const formData = await request.formData();
  const parsed = parseForm(intentSchema, formData);
  if (!parsed.ok) {
    const intent = formData.get("intent");
    const groupIdField = formData.get("groupId");
    return invalid({
      intent: intent === "add" || intent === "rename" ? intent : "form",
      ok: false,
      errors: parsed.errors,
      groupId: typeof groupIdField === "string" ? groupIdField : undefined,
    });
  }
  const input = parsed.data;
  switch (input.intent) {
    case "targets": {
      const targets = await parseTargetShares(user.districtId, formData);
      if (!targets.ok) return invalid({ intent: "targets", ok: false, errors: targets.errors });
      await saveTargetShares(user, targets.targets);
      return data<ActionResult>({ intent: "targets", ok: true });
    }
    case "add": {
      const result = await addStakeholderGroup(user, { name: input.name, targetShare: input.targetShare });
      if (!result.ok) return invalid({ intent: "add", ok: false, errors: result.errors });
      return data<ActionResult>({ intent: "add", ok: true, group: result.group });
    }
    case "rename": {
      const result = await renameStakeholderGroup(user, input.groupId, input.name);
      if (!result.ok) return invalid({ intent: "rename", ok: false, errors: result.errors, groupId: input.groupId });
      return data<ActionResult>({ intent: "rename", ok: true, group: result.group });
    }
    case "move": {
      const { group, moved } = await moveStakeholderGroup(user, input.groupId, input.direction);
      return data<ActionResult>({ intent: "move", ok: true, group, groupId: group.id, direction: input.direction, moved });
    }
    case "archive":
    case "restore": {
      const group = await setStakeholderGroupArchived(user, input.groupId, input.intent === "archive");
      return data<ActionResult>({ intent: input.intent, ok: true, group });
    }
  }
}

function parsedShare(text: string): number {
  const result = targetShareSchema.safeParse(text);
  return result.success ? result.data : 0;
}

export default function StakeholderGroups() {
  const { groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useLocale();
  const busy = navigation.state === "submitting";
  const active = groups.filter((group) => !group.archivedAt);
  const archived = groups.filter((group) => group.archivedAt);
  const label = (group: GroupRef) => stakeholderGroupLabel(group, locale);

  // Targets being typed, by group id; the running total follows them before anything is saved.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const targetText = (group: StakeholderGroupRow) => drafts[group.id] ?? String(group.targetShare);
  const total = totalTargetShare(active.map((group) => ({ targetShare: parsedShare(targetText(group)) })));

  const errors: FieldErrors = actionData && !actionData.ok ? actionData.errors : {};
  const errorFor = (intent: string, field: string, rowId?: string) => {
    if (!actionData || actionData.ok || actionData.intent !== intent) return undefined;
    if (rowId !== undefined && actionData.groupId !== rowId) return undefined;
    const key = errors[field];
    return key ? t(`settings.errors.${key}` as MessageKey, { max: GROUP_NAME_MAX }) : undefined;
  };

  // A moved row changes place in the page; keep the keyboard on the button that moved it.
  useEffect(() => {
    if (!actionData?.ok || actionData.intent !== "move") return;
    const same = document.getElementById(`move-${actionData.direction}-${actionData.groupId}`);
    const other = document.getElementById(`move-${actionData.direction === "up" ? "down" : "up"}-${actionData.groupId}`);
    const target = same instanceof HTMLButtonElement && !same.disabled ? same : other;
    target?.focus();
  }, [actionData]);

  return (
    <>
      <section className="card" aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("settings.groups.heading")}</h2>
        <p className="muted">{t("settings.groups.lead")}</p>
        <StatusMessage actionData={actionData} label={label} />
        {actionData && !actionData.ok ? (
          <div className="alert alert--error" role="alert">
            {actionData.intent === "form" ? t("settings.errors.invalid") : t("settings.errors.fixBelow")}
          </div>
        ) : null}
        <TableRegion label={t("settings.groups.heading")} inSection>
          <table className="groups-table">
            <thead>
              <tr>
                <th scope="col">{t("settings.groups.group")}</th>
                <th scope="col">{t("settings.groups.target")}</th>
                <th scope="col">{t("settings.groups.order")}</th>
                <th scope="col">{t("settings.groups.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {active.map((group, index) => {
                const targetField = `${TARGET_FIELD_PREFIX}${group.id}`;
                const targetError = errorFor("targets", targetField);
                const renameError = errorFor("rename", "name", group.id);
                return (
                  <tr key={group.id}>
                    <th scope="row">
                      {label(group)} {group.key ? null : <span className="badge badge--muted">{t("settings.groups.custom")}</span>}
                    </th>
                    <td>
                      <span className="target-input">
                        <input
                          type="text"
                          inputMode="numeric"
                          form={TARGETS_FORM_ID}
                          id={targetField}
                          name={targetField}
                          value={targetText(group)}
                          onChange={(event) => setDrafts((current) => ({ ...current, [group.id]: event.target.value }))}
                          aria-label={t("settings.groups.targetFor", { group: label(group) })}
                          aria-invalid={targetError ? true : undefined}
                          aria-describedby={targetError ? `${targetField}-error` : undefined}
                          size={4}
                        />
                        <span aria-hidden="true">%</span>
                      </span>
                      {targetError ? (
                        <p className="field-error" id={`${targetField}-error`}>
                          {targetError}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <div className="row move-buttons">
                        <Form method="post">
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="groupId" value={group.id} />
                          <input type="hidden" name="direction" value="up" />
                          <button type="submit" id={`move-up-${group.id}`} className="button button--secondary button--icon" disabled={index === 0 || busy}>
                            <span aria-hidden="true">↑</span>
                            <span className="visually-hidden">{t("settings.groups.moveUp", { group: label(group) })}</span>
                          </button>
                        </Form>
                        <Form method="post">
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="groupId" value={group.id} />
                          <input type="hidden" name="direction" value="down" />
                          <button
                            type="submit"
                            id={`move-down-${group.id}`}
                            className="button button--secondary button--icon"
                            disabled={index === active.length - 1 || busy}
                          >
                            <span aria-hidden="true">↓</span>
                            <span className="visually-hidden">{t("settings.groups.moveDown", { group: label(group) })}</span>
                          </button>
                        </Form>
                      </div>
                    </td>
                    <td>
                      <div className="stack group-actions">
                        <details open={renameError ? true : undefined}>
                          <summary>
                            {t("settings.groups.rename")}
                            <span className="visually-hidden"> {label(group)}</span>
                          </summary>
                          <Form method="post" className="stack" noValidate>
                            <input type="hidden" name="intent" value="rename" />
                            <input type="hidden" name="groupId" value={group.id} />
                            <Field
                              type="text"
                              label={t("settings.groups.renameLabel", { group: label(group) })}
                              name="name"
                              defaultValue={label(group)}
                              maxLength={GROUP_NAME_MAX}
                              required
                              error={renameError}
                            />
                            <button type="submit" className="button button--secondary" disabled={busy}>
                              {t("settings.groups.renameSubmit")}
                            </button>
                          </Form>
                        </details>
                        <Form method="post">
                          <input type="hidden" name="intent" value="archive" />
                          <input type="hidden" name="groupId" value={group.id} />
                          <button type="submit" className="link-button" disabled={busy}>
                            {t("settings.groups.archive")}
                            <span className="visually-hidden"> {label(group)}</span>
                          </button>
                        </Form>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        <Form method="post" id={TARGETS_FORM_ID} className="stack targets-footer">
          <input type="hidden" name="intent" value="targets" />
          <div aria-live="polite">
            <p>
              <strong>{t("settings.groups.total", { total })}</strong>
            </p>
            {total !== 100 ? <p className="alert alert--info">{t("settings.groups.totalWarning", { total })}</p> : null}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("settings.groups.saveTargets")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="add-group-heading">
        <h2 id="add-group-heading">{t("settings.groups.add.heading")}</h2>
        <Form method="post" noValidate key={actionData?.ok && actionData.intent === "add" ? `added-${actionData.group.name}` : "add"}>
          <input type="hidden" name="intent" value="add" />
          <Field
            type="text"
            label={t("settings.groups.add.name")}
            hint={t("settings.groups.add.nameHint")}
            name="name"
            maxLength={GROUP_NAME_MAX}
            required
            error={errorFor("add", "name")}
          />
          <Field
            type="text"
            label={t("settings.groups.add.target")}
            hint={t("settings.groups.add.targetHint")}
            name="targetShare"
            inputMode="numeric"
            defaultValue="0"
            required
            error={errorFor("add", "targetShare")}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("settings.groups.add.submit")}
          </button>
        </Form>
      </section>

      {archived.length > 0 ? (
        <section className="card" aria-labelledby="archived-groups-heading">
          <h2 id="archived-groups-heading">{t("settings.groups.archivedHeading")}</h2>
          <p className="muted">{t("settings.groups.archivedLead")}</p>
          <ul className="stack plain-list">
            {archived.map((group) => (
              <li key={group.id} className="row">
                <span>{label(group)}</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="groupId" value={group.id} />
                  <button type="submit" className="button button--secondary" disabled={busy}>
                    {t("settings.groups.restore")}
                    <span className="visually-hidden"> {label(group)}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function StatusMessage({ actionData, label }: { actionData: ActionResult | undefined; label: (group: GroupRef) => string }) {
  const { t } = useLocale();
  if (!actionData?.ok) return null;
  let message: string;
  switch (actionData.intent) {
    case "targets":
      message = t("settings.groups.targetsSaved");
      break;
    case "add":
      message = t("settings.groups.add.added", { name: label(actionData.group) });
      break;
    case "rename":
      message = t("settings.groups.renamed", { name: label(actionData.group) });
      break;
    case "move":
      if (!actionData.moved) return null;
      message = t("settings.groups.moved", { group: label(actionData.group) });
      break;
    case "archive":
      message = t("settings.groups.archived", { group: label(actionData.group) });
      break;
    case "restore":
      message = t("settings.groups.restored", { group: label(actionData.group) });
      break;
  }
  return (
    <div className="alert alert--success" role="status">
      {message}
    </div>
  );
}
