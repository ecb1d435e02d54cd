// A labelled form control and a form-level failure: every input has a visible label.
import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { errorMessage } from "../errors.js";
import { useFormat, useI18n } from "../i18n/index.js";

export function Field({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

export function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** A typed failure of a mutation (or a thrown error), as a sentence; validation issues listed under it. */
export function FormFailure({ failure }: { failure: unknown }) {
  const { t } = useI18n();
  const format = useFormat();
  if (!failure) return null;
  const issues = (failure as { issues?: { path: string; message: string }[] }).issues;
  return (
    <div className="error" role="alert">
      <p>{errorMessage(t, failure, format.dateTime)}</p>
      {issues && issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={issue.path}>{issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
