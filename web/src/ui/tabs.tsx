import { useId, useState, type KeyboardEvent, type ReactNode } from "react";

/** ARIA tabs: ←/→ move between tabs, only the chosen panel is rendered. */
export function Tabs({
  label,
  tabs,
}: {
  label: string;
  tabs: { name: string; panel: ReactNode }[];
}) {
  const [at, setAt] = useState(0);
  const id = useId();
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (at + step + tabs.length) % tabs.length;
    setAt(next);
    e.currentTarget.querySelectorAll<HTMLButtonElement>("[role=tab]")[next]?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKey}>
        {tabs.map((t, i) => (
          <button
            key={t.name}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === at}
            aria-controls={`${id}-panel`}
            tabIndex={i === at ? 0 : -1}
            onClick={() => setAt(i)}
          >
            {t.name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${at}`}>
        {tabs[at]?.panel}
      </div>
    </div>
  );
}
