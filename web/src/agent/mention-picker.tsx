import { useState, type KeyboardEvent } from "react";
import type { TUser } from "@signpost/contracts";

/** The handle the ticket service resolves: the part of the address before the @. */
export const handleOf = (u: TUser) => u.email.split("@")[0] ?? u.email;

/** The `@word` being typed just before the caret, if any. */
function typedMention(text: string, caret: number): { start: number; query: string } | null {
  const m = /(?:^|\s)@([\w.+-]*)$/.exec(text.slice(0, caret));
  if (!m) return null;
  const query = m[1] ?? "";
  return { start: caret - query.length - 1, query: query.toLowerCase() };
}

/**
 * @mention autocomplete for a textarea: typing `@an` lists matching staff, ↑/↓ choose, Enter or
 * Tab inserts `@handle `, Escape closes. Returns props for the textarea and the list to render.
 */
export function useMentions({
  id,
  text,
  staff,
  setText,
  onPick,
}: {
  id: string;
  text: string;
  staff: TUser[];
  setText: (text: string, caret: number) => void;
  onPick: (user: TUser) => void;
}) {
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const typed = typedMention(text, caret);
  const matches =
    typed && closedAt !== typed.start
      ? staff
          .filter(
            (u) =>
              u.name.toLowerCase().includes(typed.query) ||
              handleOf(u).toLowerCase().startsWith(typed.query),
          )
          .slice(0, 6)
      : [];
  const open = matches.length > 0;
  const at = Math.min(active, matches.length - 1);
  const pick = (u: TUser) => {
    if (!typed) return;
    const inserted = `@${handleOf(u)} `;
    const next = text.slice(0, typed.start) + inserted + text.slice(caret);
    setText(next, typed.start + inserted.length);
    setCaret(typed.start + inserted.length);
    setActive(0);
    onPick(u);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return false;
    const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
    if (step) setActive((at + step + matches.length) % matches.length);
    else if (e.key === "Enter" || e.key === "Tab") {
      const u = matches[at];
      if (u) pick(u);
    } else if (e.key === "Escape") setClosedAt(typed?.start ?? null);
    else return false;
    e.preventDefault();
    return true;
  };
  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart);
  const optionId = (i: number) => `${id}-mention-${i}`;
  return {
    onKeyDown,
    track,
    inputProps: {
      "aria-autocomplete": "list" as const,
      "aria-controls": open ? `${id}-mentions` : undefined,
      "aria-activedescendant": open ? optionId(at) : undefined,
    },
    list: open ? (
      <ul
        id={`${id}-mentions`}
        role="listbox"
        aria-label="Mention someone"
        className="mention-list"
      >
        {matches.map((u, i) => (
          <li
            key={u.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(u);
            }}
          >
            {u.name} <span className="muted small">@{handleOf(u)}</span>
          </li>
        ))}
      </ul>
    ) : null,
  };
}
