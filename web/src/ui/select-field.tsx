import { useId, type ReactNode } from "react";

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

/**
 * A labelled `<select>`. The label points at it rather than wrapping it, so its name is the label
 * alone (a wrapping label's text would include every option).
 *
 * @example
 * <SelectField label="Priority" value={p} options={[{ value: "low", label: "Low" }]} onChange={setP} />
 */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  children,
}: {
  label: ReactNode;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  /** Options that come before `options` (e.g. "All"), as `<option>` elements. */
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {children}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
