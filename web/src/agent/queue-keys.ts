import { useEffect, type RefObject } from "react";

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) &&
  !(el instanceof HTMLInputElement && el.type === "checkbox");

/**
 * The queue's keys: `j`/`k` (or ↓/↑ inside the rows) move between tickets (past the last one
 * loads the next page), Enter opens the one in focus (it is a link), `x` selects it for bulk
 * actions, `/` jumps to the search box. Letters do nothing while the agent types in a field.
 */
export function useQueueKeys(
  rows: RefObject<HTMLTableSectionElement | null>,
  searchBox: RefObject<HTMLInputElement | null>,
  toggle: (ticketId: string) => void,
  /** Called on `j` at the last row, to load the next page. */
  atEnd: () => void,
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (typing(e.target)) return;
      if (e.key === "/") {
        e.preventDefault();
        searchBox.current?.focus();
        return;
      }
      const body = rows.current;
      if (!body) return;
      const current = document.activeElement?.closest<HTMLTableRowElement>("tr[data-ticket]");
      const inRows = current ? body.contains(current) : false;
      if (e.key === "x") {
        if (!inRows || !current?.dataset.ticket) return;
        e.preventDefault();
        toggle(current.dataset.ticket);
        return;
      }
      const down = e.key === "j" || (inRows && e.key === "ArrowDown");
      const up = e.key === "k" || (inRows && e.key === "ArrowUp");
      if (!down && !up) return;
      const all = [...body.querySelectorAll<HTMLTableRowElement>("tr[data-ticket]")];
      const at = current && inRows ? all.indexOf(current) : -1;
      if (down && at === all.length - 1) atEnd();
      const next = down ? Math.min(at + 1, all.length - 1) : Math.max(at - 1, 0);
      e.preventDefault();
      all[next]?.querySelector<HTMLAnchorElement>("a")?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, searchBox, toggle, atEnd]);
}
