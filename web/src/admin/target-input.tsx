import { useState } from "react";

const units = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof units;

/** The largest unit a target divides into evenly, so 240 minutes shows as 4 hours. */
const bestUnit = (minutes: number): Unit =>
  minutes % 1440 === 0 ? "days" : minutes % 60 === 0 ? "hours" : "minutes";

/** A target in minutes, entered as a number and a unit. */
export function TargetInput({
  id,
  label,
  minutes,
  onChange,
}: {
  id: string;
  label: string;
  minutes: number;
  onChange: (minutes: number) => void;
}) {
  const [unit, setUnit] = useState<Unit>(bestUnit(minutes));
  const [text, setText] = useState(String(minutes / units[unit]));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          id={id}
          type="number"
          min={0}
          step="any"
          required
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(Number(e.target.value) * units[unit]);
          }}
        />
        <select
          aria-label={`${label} unit`}
          value={unit}
          onChange={(e) => {
            const next = e.target.value as Unit;
            setUnit(next);
            onChange(Number(text) * units[next]);
          }}
        >
          {Object.keys(units).map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** "4 h", "2 d", "30 min". */
export function targetText(minutes: number) {
  const unit = bestUnit(minutes);
  const n = minutes / units[unit];
  return unit === "days" ? `${n} d` : unit === "hours" ? `${n} h` : `${n} min`;
}
