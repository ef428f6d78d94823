import { Form, Link } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { FieldFrame } from "./FieldFrame";

/**
 * The two steps every CSV import shares: choose a file (checked for size in
 * the browser too, so a large file is refused before it is sent), then confirm
 * the previewed rows. The action tells the steps apart by `intent`:
 * "check" with the file, "confirm" with the text that was previewed.
 */
export function CsvFileForm({
  label,
  hint,
  submitLabel,
  maxBytes,
  tooLargeMessage,
  serverError,
  busy,
}: {
  label: string;
  hint: string;
  submitLabel: string;
  maxBytes: number;
  tooLargeMessage: string;
  /** Already translated: why the server refused the last file, if it did. */
  serverError?: string;
  busy: boolean;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [tooLargeHere, setTooLargeHere] = useState(false);

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = fileInput.current?.files?.[0];
    const tooLarge = Boolean(file && file.size > maxBytes);
    setTooLargeHere(tooLarge);
    if (tooLarge) {
      event.preventDefault();
      fileInput.current?.focus();
    }
  }

  return (
    <Form method="post" encType="multipart/form-data" onSubmit={checkSize} noValidate>
      <input type="hidden" name="intent" value="check" />
      <FieldFrame label={label} name="file" hint={hint} error={tooLargeHere ? tooLargeMessage : serverError} alert>
        {(control) => <input {...control} ref={fileInput} type="file" accept=".csv,text/csv" required onChange={() => setTooLargeHere(false)} />}
      </FieldFrame>
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}

export function CsvConfirmForm({
  csvText,
  confirmLabel,
  startOverLabel,
  startOverTo,
  busy,
}: {
  csvText: string;
  confirmLabel: string;
  startOverLabel: string;
  startOverTo: string;
  busy: boolean;
}) {
  return (
    <Form method="post" encType="multipart/form-data" className="row">
      <input type="hidden" name="intent" value="confirm" />
      <input type="hidden" name="csvText" value={csvText} />
      <button type="submit" className="button" disabled={busy}>
        {confirmLabel}
      </button>
      <Link to={startOverTo} className="button button--secondary">
        {startOverLabel}
      </Link>
    </Form>
  );
}
