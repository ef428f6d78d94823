import { useEffect, useState, type MouseEvent } from "react";

type Problem = { id: string; label: string; error: string };

function labelOf(control: HTMLElement): string {
  const label = "labels" in control ? (control as HTMLInputElement).labels?.[0] : null;
  const text = label?.textContent ?? control.closest("fieldset")?.querySelector("legend")?.textContent ?? control.getAttribute("aria-label") ?? "";
  return text.trim();
}

function errorOf(control: HTMLElement): string {
  const ids = control.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((element) => element?.classList.contains("field-error"));
  return error?.textContent?.trim() ?? "";
}

/**
 * The message above a long form that failed its checks, with a link to each field that needs
 * attention (its label and its message), so that nobody has to hunt for them down the page.
 *
 * The fields are read from the form as rendered, because their ids and labels belong to the
 * field components; without JavaScript the summary is the message alone, and the messages
 * beside the fields remain. `result` is the action's answer: a new one reads the form again.
 */
export function ErrorSummary({ formId, message, result }: { formId: string; message: string; result: unknown }) {
  const [problems, setProblems] = useState<Problem[]>([]);

  useEffect(() => {
    // Read in the next frame: the form's fields are the field components' DOM, outside this component's state.
    const frame = requestAnimationFrame(() => {
      const form = document.getElementById(formId);
      const controls = form ? Array.from(form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) : [];
      setProblems(
        controls.map((control, index) => {
          // A control the summary links to needs an id; a checkbox inside its label may have none.
          if (!control.id) control.id = `${formId}-problem-${index}`;
          return { id: control.id, label: labelOf(control), error: errorOf(control) };
        }),
      );
    });
    return () => cancelAnimationFrame(frame);
  }, [formId, result]);

  function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const control = document.getElementById(id);
    if (!control) return;
    event.preventDefault();
    control.scrollIntoView({ block: "center" });
    control.focus({ preventScroll: true });
  }

  return (
    <div className="alert alert--error error-summary">
      <p role="alert">{message}</p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((problem) => (
            <li key={problem.id}>
              <a href={`#${problem.id}`} onClick={(event) => focusField(event, problem.id)}>
                {problem.label}
              </a>
              {problem.error ? <span>: {problem.error}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
