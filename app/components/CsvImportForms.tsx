import { Form, Link } from "@remix-run/react";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
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

/** "N rows imported" with a link to where they now are. */
export function CsvImported({ message, linkTo, linkLabel }: { message: string; linkTo: string; linkLabel: string }) {
  return (
    <div className="alert alert--success" role="status">
      <p>{message}</p>
      <Link to={linkTo}>{linkLabel}</Link>
    </div>
  );
}

export type CsvProblemLine = {
  /** Already translated, e.g. "Line 4"; null for a problem of the whole file. */
  where: string | null;
  /** Already translated. */
  message: string;
};

/** Why the file cannot be imported, every problem at once, announced as an alert. */
export function CsvImportErrors({ title, problems }: { title: string; problems: readonly CsvProblemLine[] }) {
  return (
    <section className="card" aria-labelledby="import-errors-heading">
      <div className="alert alert--error" role="alert">
        <h3 id="import-errors-heading">{title}</h3>
      </div>
      <ul className="csv-errors">
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.where === null ? null : <strong>{problem.where}: </strong>}
            {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The preview step: what would be imported (the caller's table, and anything
 * to check first), how many rows the preview leaves out, and the confirmation.
 */
export function CsvPreview({
  title,
  lead,
  moreMessage,
  children,
  ...confirm
}: {
  title: string;
  lead: string;
  /** Already translated "and N more rows", when the preview shows fewer rows than the file has. */
  moreMessage: string | null;
  children: ReactNode;
} & Parameters<typeof CsvConfirmForm>[0]) {
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{title}</h3>
      <p>{lead}</p>
      {children}
      {moreMessage ? <p className="muted">{moreMessage}</p> : null}
      <CsvConfirmForm {...confirm} />
    </section>
  );
}
