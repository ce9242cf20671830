import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { keys, peopleQuery } from "../queries.ts";
import { navigate, useLocation } from "../router.tsx";
import { useSignedIn } from "../session.ts";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { useDebounced } from "../ui/use-debounced.ts";
import { useNow } from "../ui/use-now.ts";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { BulkBar } from "./bulk-bar.tsx";
import { useArrivals } from "./queue-arrivals.ts";
import { QueueFilters } from "./queue-filters.tsx";
import { useQueueKeys } from "./queue-keys.ts";
import { QueueTable } from "./queue-table.tsx";
import { searchFor, searchInput, viewFrom, type QueueView } from "./queue-view.ts";
import { SavedViews } from "./saved-views.tsx";

const pageSize = 25;

/**
 * The queue, paged by the service (`tickets.search`): filters, sort and the saved view are kept in
 * the URL; rows can be selected for bulk actions. The live stream refreshes it when any ticket of
 * the workspace arrives or changes (`ticket` events); the poll is a fallback while it reconnects.
 */
export function Queue() {
  useTitle("Queue");
  const me = useSignedIn();
  const { search } = useLocation();
  const view = viewFrom(search);
  const text = useDebounced(view.text, 250);
  const tag = useDebounced(view.tag, 250);
  const input = searchInput({ ...view, text, tag }, me.userId, pageSize);
  const tickets = useInfiniteQuery({
    queryKey: [...keys.tickets, "search", input] as const,
    queryFn: ({ pageParam, signal }) =>
      api.ticket.tickets.search.query(pageParam ? { ...input, cursor: pageParam } : input, {
        signal,
      }),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const people = useQuery(peopleQuery());
  const rows = useRef<HTMLTableSectionElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const now = useNow();
  const shown = tickets.data?.pages.flatMap((p) => p.tickets) ?? [];
  const arrivals = useArrivals(
    JSON.stringify(input),
    tickets.isPlaceholderData ? undefined : tickets.data?.pages,
  );

  const show = (next: QueueView) => {
    setSelected(new Set());
    navigate(`/agent${searchFor(next)}`, { replace: true });
  };
  // Changing a filter leaves the saved view it came from.
  const set = (change: Partial<QueueView>) => show({ ...view, ...change, view: "" });
  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const { hasNextPage, isFetching, fetchNextPage } = tickets;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  useQueueKeys(rows, searchBox, toggle, loadMore);

  return (
    <section className="stack">
      <h1>Queue</h1>
      <SavedViews view={view} me={me.userId} show={show} />
      <QueueFilters view={view} set={set} searchBox={searchBox} />
      <p role="status" className="muted small">
        {arrivals.size > 0
          ? `${arrivals.size} new ${arrivals.size === 1 ? "ticket" : "tickets"} arrived`
          : ""}
      </p>
      {selected.size > 0 && (
        <BulkBar selected={[...selected]} me={me.userId} onDone={() => setSelected(new Set())} />
      )}
      {tickets.isPending ? (
        <Loading />
      ) : tickets.isError && !tickets.data ? (
        <ErrorNotice error={tickets.error} retry={() => void tickets.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>No tickets match this view.</Empty>
      ) : (
        <>
          <QueueTable
            tickets={shown}
            people={people.data}
            view={view}
            set={set}
            selected={selected}
            toggle={toggle}
            toggleAll={(on) => setSelected(new Set(on ? shown.map((t) => t.id) : []))}
            body={rows}
            now={now}
            fresh={arrivals}
            busy={tickets.isPlaceholderData}
          />
          <div className="row">
            <span className="muted small">
              {shown.length} {shown.length === 1 ? "ticket" : "tickets"} shown
            </span>
            {tickets.hasNextPage && (
              <button
                type="button"
                disabled={tickets.isFetchingNextPage}
                onClick={() => void tickets.fetchNextPage()}
              >
                {tickets.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            )}
          </div>
        </>
      )}
      {tickets.isError && tickets.data && <ErrorNotice error={tickets.error} />}
    </section>
  );
}
