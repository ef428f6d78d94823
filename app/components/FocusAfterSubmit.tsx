import { useFetchers, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** A form submission in flight: what was submitted, and the messages on the page before it. */
type Submission = {
  form: HTMLFormElement;
  submitter: HTMLElement | null;
  messages: Map<Element, string>;
};

const MESSAGES = '[role="alert"], [role="status"]';
const CONTROLS = "input:not([type=hidden]), select, textarea, button";

function messageTexts(): Map<Element, string> {
  return new Map(Array.from(document.querySelectorAll(MESSAGES), (element) => [element, element.textContent?.trim() ?? ""]));
}

/** The element itself if it takes focus, else the first control inside it (a fieldset or radio group marked invalid). */
function focusable(element: Element): HTMLElement | null {
  if (element.matches(`${CONTROLS}, [tabindex]`)) return element as HTMLElement;
  return element.querySelector<HTMLElement>(CONTROLS);
}

/**
 * Where focus goes after a submission: the submitted form's first invalid field; else the first
 * alert or status message that is new or says something new; else the submit button; else <main>.
 */
function focusTarget({ form, submitter, messages }: Submission): HTMLElement | null {
  // A form rendered again under a new key is a new element: look for its invalid fields in the page's main content.
  const scope: ParentNode = form.isConnected ? form : (document.querySelector("main") ?? document);
  const invalid = scope.querySelector('[aria-invalid="true"]');
  if (invalid) return focusable(invalid);
  const message = Array.from(document.querySelectorAll<HTMLElement>(MESSAGES)).find((element) => {
    const text = element.textContent?.trim() ?? "";
    return text !== "" && messages.get(element) !== text;
  });
  if (message) {
    if (!message.hasAttribute("tabindex")) message.setAttribute("tabindex", "-1");
    return message;
  }
  if (submitter?.isConnected && !submitter.matches(":disabled")) return submitter;
  return document.querySelector<HTMLElement>("main[tabindex]");
}

/**
 * Puts focus back where a keyboard or screen-reader user can go on after a form submission.
 *
 * Submit buttons are disabled while they submit, and a disabled button loses focus to <body>; when
 * the answer arrives, the user would start again from the top of the page. This watches every
 * form submitted in the page (Remix forms and fetcher forms) and, once the submission and its
 * page load have settled, moves focus only if it is on <body>: pages that place focus themselves
 * (the workshop agenda, say) keep their choice. Mounted once, in the root route.
 */
export function useFocusAfterSubmit() {
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const submitting = (navigation.state !== "idle" && navigation.formMethod !== undefined) || fetchers.some((fetcher) => fetcher.state !== "idle" && fetcher.formMethod !== undefined);
  const submitted = useRef<Submission | null>(null);
  const inFlight = useRef<Submission | null>(null);

  useEffect(() => {
    function record(event: SubmitEvent) {
      if (!(event.target instanceof HTMLFormElement)) return;
      submitted.current = { form: event.target, submitter: event.submitter, messages: messageTexts() };
    }
    document.addEventListener("submit", record, true);
    return () => document.removeEventListener("submit", record, true);
  }, []);

  useEffect(() => {
    if (submitting) {
      // A submit event whose form did not submit (stopped by a check in the page) is not this submission's.
      inFlight.current = submitted.current;
      submitted.current = null;
      return;
    }
    const submission = inFlight.current;
    inFlight.current = null;
    if (!submission) return;
    // One frame later, so that effects of the new page that place focus have run.
    const frame = requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      focusTarget(submission)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [submitting]);
}
