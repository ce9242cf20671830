import { useEffect, useRef, useState } from "react";
import type { TTicketPage } from "@signpost/contracts";

/**
 * Tickets that appeared at the top of the queue while it was open (pushed by the live stream or a
 * poll), so they can be marked and announced. Loading more pages or changing the filters (a new
 * `scope`) is not an arrival.
 */
export function useArrivals(scope: string, pages: TTicketPage[] | undefined): ReadonlySet<string> {
  const seen = useRef<{ scope: string; ids: Set<string> } | null>(null);
  const [fresh, setFresh] = useState<{ scope: string; ids: ReadonlySet<string> }>({
    scope,
    ids: new Set(),
  });
  useEffect(() => {
    if (!pages) return;
    const all = pages.flatMap((p) => p.tickets.map((t) => t.id));
    const before = seen.current;
    if (!before || before.scope !== scope) {
      seen.current = { scope, ids: new Set(all) };
      return;
    }
    const arrived = (pages[0]?.tickets ?? []).filter((t) => !before.ids.has(t.id));
    all.forEach((id) => before.ids.add(id));
    if (arrived.length > 0)
      setFresh((f) => ({
        scope,
        ids: new Set([...(f.scope === scope ? f.ids : []), ...arrived.map((t) => t.id)]),
      }));
  }, [scope, pages]);
  return fresh.scope === scope ? fresh.ids : new Set();
}
