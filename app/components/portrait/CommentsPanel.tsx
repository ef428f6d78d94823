import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { COMMENT_BODY_MAX, type CommentThread } from "~/portrait/comments";
import type { FieldErrors } from "~/utils/forms";
import { useLatest } from "~/portrait/use-latest";
import type { CommentRequest } from "./RichField";

export type CommentActionResult = { ok: true; intent: string; id: string } | { ok: false; intent: string; errors: FieldErrors };

const ACTION = "/portrait?index";

type CommentsPanelProps = {
  threads: readonly CommentThread[];
  pending: CommentRequest | null;
  activeId: string | null;
  fieldLabel: (field: string) => string;
  onCancelPending: () => void;
  onShowPassage: (thread: CommentThread) => void;
  /** Called after this browser changed a comment: tell the others, and let the page reload its comments. */
  onChanged: (message: MessageKey) => void;
};

function useCommentFetcher(onDone: (result: CommentActionResult) => void) {
  const fetcher = useFetcher<CommentActionResult>();
  const seen = useRef<unknown>(null);
  const done = useLatest(onDone);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && fetcher.data !== seen.current) {
      seen.current = fetcher.data;
      done.current(fetcher.data);
    }
  }, [fetcher.state, fetcher.data, done]);
  return fetcher;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useLocale();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      {t(error as MessageKey, { max: COMMENT_BODY_MAX })}
    </p>
  );
}

function NewComment({ pending, fieldLabel, onCancel, onChanged }: { pending: CommentRequest; fieldLabel: (field: string) => string; onCancel: () => void; onChanged: CommentsPanelProps["onChanged"] }) {
  const { t } = useLocale();
  const bodyId = useId();
  const errorId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fetcher = useCommentFetcher((result) => {
    if (result.ok) {
      onChanged("portrait.comments.added");
      onCancel();
    } else textareaRef.current?.focus();
  });
  useEffect(() => textareaRef.current?.focus(), [pending]);
  const error = fetcher.data && !fetcher.data.ok ? (fetcher.data.errors.body ?? fetcher.data.errors.quote ?? fetcher.data.errors.anchorFrom ?? fetcher.data.errors.field) : undefined;
  return (
    <fetcher.Form method="post" action={ACTION} className="comment-new card" aria-label={t("portrait.comments.newLabel")}>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="field" value={pending.field} />
      <input type="hidden" name="anchorFrom" value={pending.anchor.from} />
      <input type="hidden" name="anchorTo" value={pending.anchor.to} />
      <input type="hidden" name="quote" value={pending.quote} />
      <p className="comment__where">{fieldLabel(pending.field)}</p>
      <blockquote className="comment__quote">{pending.quote}</blockquote>
      <label htmlFor={bodyId} className="label">
        {t("portrait.comments.yourComment")}
      </label>
      <textarea
        ref={textareaRef}
        id={bodyId}
        name="body"
        rows={3}
        maxLength={COMMENT_BODY_MAX}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onKeyDown={(event) => event.key === "Escape" && onCancel()}
      />
      <ErrorText id={errorId} error={error} />
      <div className="row">
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {t("portrait.comments.post")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </fetcher.Form>
  );
}

function ReplyForm({ thread, onChanged }: { thread: CommentThread; onChanged: CommentsPanelProps["onChanged"] }) {
  const { t } = useLocale();
  const bodyId = useId();
  const errorId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useCommentFetcher((result) => {
    if (result.ok) {
      formRef.current?.reset();
      onChanged("portrait.comments.replied");
    }
  });
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.errors.body : undefined;
  return (
    <fetcher.Form ref={formRef} method="post" action={ACTION} className="comment-reply">
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="commentId" value={thread.id} />
      <label htmlFor={bodyId} className="label">
        {t("portrait.comments.reply")}
      </label>
      <textarea id={bodyId} name="body" rows={2} maxLength={COMMENT_BODY_MAX} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      <ErrorText id={errorId} error={error} />
      <button type="submit" className="button button--secondary" disabled={fetcher.state !== "idle"}>
        {t("portrait.comments.sendReply")}
      </button>
    </fetcher.Form>
  );
}

function ResolveButton({ thread, onChanged }: { thread: CommentThread; onChanged: CommentsPanelProps["onChanged"] }) {
  const { t } = useLocale();
  const resolving = thread.resolved === null;
  const fetcher = useCommentFetcher((result) => {
    if (result.ok) onChanged(resolving ? "portrait.comments.resolvedNotice" : "portrait.comments.reopenedNotice");
  });
  return (
    <fetcher.Form method="post" action={ACTION}>
      <input type="hidden" name="intent" value={resolving ? "resolve" : "reopen"} />
      <input type="hidden" name="commentId" value={thread.id} />
      <button type="submit" className="button button--secondary" disabled={fetcher.state !== "idle"}>
        {resolving ? t("portrait.comments.resolve") : t("portrait.comments.reopen")}
      </button>
    </fetcher.Form>
  );
}

function Thread({ thread, active, fieldLabel, onShowPassage, onChanged }: { thread: CommentThread; active: boolean; fieldLabel: (field: string) => string; onShowPassage: (thread: CommentThread) => void; onChanged: CommentsPanelProps["onChanged"] }) {
  const { t, formatDateTime } = useLocale();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // Clicking a highlighted passage brings its thread into view, leaving the keyboard in the text.
    if (active) ref.current?.scrollIntoView({ block: "nearest" });
  }, [active]);
  const headingId = `comment-${thread.id}-heading`;
  return (
    <article ref={ref} id={`comment-${thread.id}`} className={active ? "comment card comment--active" : "comment card"} aria-labelledby={headingId}>
      <h3 id={headingId} className="comment__where">
        {fieldLabel(thread.field)}
      </h3>
      <button type="button" className="comment__quote comment__quote--button" onClick={() => onShowPassage(thread)}>
        <span className="visually-hidden">{t("portrait.comments.showPassage")}: </span>
        {thread.quote}
      </button>
      <p className="comment__meta">
        <strong>{thread.author ?? t("portrait.comments.formerMember")}</strong> · <time dateTime={thread.createdAt}>{formatDateTime(thread.createdAt)}</time>
      </p>
      <p className="prewrap comment__body">{thread.body}</p>
      {thread.replies.length > 0 ? (
        <ol className="comment__replies" aria-label={t("portrait.comments.repliesLabel", { count: thread.replies.length })}>
          {thread.replies.map((reply) => (
            <li key={reply.id} className="comment__reply">
              <p className="comment__meta">
                <strong>{reply.author ?? t("portrait.comments.formerMember")}</strong> · <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt)}</time>
              </p>
              <p className="prewrap">{reply.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {thread.resolved ? (
        <p className="comment__meta">
          {t("portrait.comments.resolvedBy", { name: thread.resolved.by ?? t("portrait.comments.formerMember"), when: formatDateTime(thread.resolved.at) })}
        </p>
      ) : (
        <ReplyForm thread={thread} onChanged={onChanged} />
      )}
      <ResolveButton thread={thread} onChanged={onChanged} />
    </article>
  );
}

/** Comments beside the draft: a new comment on the chosen passage, open threads, and resolved ones folded away. */
export function CommentsPanel({ threads, pending, activeId, fieldLabel, onCancelPending, onShowPassage, onChanged }: CommentsPanelProps) {
  const { t } = useLocale();
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);
  return (
    <aside className="comments-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("portrait.comments.heading", { count: open.length })}</h2>
      {pending ? <NewComment pending={pending} fieldLabel={fieldLabel} onCancel={onCancelPending} onChanged={onChanged} /> : <p className="hint">{t("portrait.comments.howTo")}</p>}
      {open.length === 0 ? <p className="muted">{t("portrait.comments.none")}</p> : null}
      <ul className="plain-list comments-panel__list">
        {open.map((thread) => (
          <li key={thread.id}>
            <Thread thread={thread} active={thread.id === activeId} fieldLabel={fieldLabel} onShowPassage={onShowPassage} onChanged={onChanged} />
          </li>
        ))}
      </ul>
      {resolved.length > 0 ? (
        <details className="comments-panel__resolved">
          <summary>{t("portrait.comments.resolvedHeading", { count: resolved.length })}</summary>
          <ul className="plain-list comments-panel__list">
            {resolved.map((thread) => (
              <li key={thread.id}>
                <Thread thread={thread} active={thread.id === activeId} fieldLabel={fieldLabel} onShowPassage={onShowPassage} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}
