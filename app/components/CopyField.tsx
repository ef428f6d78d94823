import { useId, useRef, useState } from "react";
import { useLocale } from "~/i18n/useLocale";

/**
 * A read-only link with a Copy button. Where the clipboard is out of reach
 * (a page served over plain http), the link is selected instead so that the
 * keyboard shortcut copies it, and the status says so.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useLocale();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome("copied");
    } catch {
      input.current?.focus();
      input.current?.select();
      setOutcome("failed");
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input ref={input} id={id} type="text" readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button button--secondary" onClick={copy}>
          {t("staff.link.copy")}
        </button>
      </div>
      <p className="hint" role="status">
        {outcome === "copied" ? t("staff.link.copied") : outcome === "failed" ? t("staff.link.copyFailed") : ""}
      </p>
    </div>
  );
}
