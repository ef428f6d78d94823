/** A fieldset of checkboxes sharing one name (channels, languages, messengers, stakeholder groups), with its hint and error announced with it. */
export function CheckboxGroup({
  legend,
  hint,
  name,
  error,
  options,
}: {
  legend: string;
  hint?: string;
  name: string;
  /** Already translated. */
  error?: string;
  options: { value: string; label: string; checked: boolean }[];
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset className="checkbox-group" aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="checkbox" name={name} value={option.value} defaultChecked={option.checked} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
