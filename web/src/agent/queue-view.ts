import type {
  TListTicketsInput,
  TSavedView,
  TSlaState,
  TTicketFilters,
  TTicketPriority,
  TTicketSort,
} from "@signpost/contracts";

export type SortKey = TTicketSort["field"];

/** What the queue shows, as kept in the URL so a view can be bookmarked and shared. */
export interface QueueView {
  /** "active" (not resolved), "all", or a status key (built-in or the workspace's own). */
  status: string;
  priority: "all" | TTicketPriority;
  category: string;
  /** "me", "none" (unassigned), "all", or a person's id. */
  assignee: string;
  /** "none" (no group), "all", or a group's id. */
  group: string;
  /** One tag, or "" for any. */
  tag: string;
  sla: "all" | TSlaState;
  text: string;
  sort: SortKey;
  dir: "asc" | "desc";
  /** The saved view this came from; any change to the filters leaves it. */
  view: string;
}

export const defaultView: QueueView = {
  status: "active",
  priority: "all",
  category: "all",
  assignee: "all",
  group: "all",
  tag: "",
  sla: "all",
  text: "",
  // Urgent first: the server ranks urgent highest.
  sort: "priority",
  dir: "desc",
  view: "",
};

const activeKinds = ["open", "in_progress", "waiting_on_customer"];

export function viewFrom(search: URLSearchParams): QueueView {
  const get = <K extends keyof QueueView>(k: K) =>
    (search.get(k) ?? defaultView[k]) as QueueView[K];
  return {
    status: get("status"),
    priority: get("priority"),
    category: get("category"),
    assignee: get("assignee"),
    group: get("group"),
    tag: get("tag"),
    sla: get("sla"),
    text: get("text"),
    sort: get("sort"),
    dir: get("dir") === "asc" ? "asc" : "desc",
    view: get("view"),
  };
}

export function searchFor(view: QueueView): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(view)) {
    if (v !== defaultView[k as keyof QueueView]) params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The server filters for a view; `me` stands in for "me" so a saved view keeps meaning its owner. */
export function filtersOf(view: QueueView, me: string): TTicketFilters {
  const f: TTicketFilters = {};
  if (view.status === "active") f.status = activeKinds;
  else if (view.status !== "all") f.status = [view.status];
  if (view.priority !== "all") f.priority = [view.priority];
  if (view.category !== "all") f.category = [view.category];
  if (view.assignee !== "all")
    f.assigneeId = [view.assignee === "none" ? null : view.assignee === "me" ? me : view.assignee];
  if (view.group !== "all") f.groupId = [view.group === "none" ? null : view.group];
  const tag = view.tag.trim().toLowerCase();
  if (tag) f.tag = [tag];
  if (view.sla !== "all") f.slaState = [view.sla];
  const text = view.text.trim();
  if (text) f.text = text;
  return f;
}

export const searchInput = (view: QueueView, me: string, limit: number): TListTicketsInput => ({
  filters: filtersOf(view, me),
  sort: { field: view.sort, direction: view.dir },
  limit,
});

/** A saved view back into the queue's controls (it was saved from them, so one value each). */
export function viewOfSaved(saved: TSavedView, me: string): QueueView {
  const f = saved.filters;
  const status = f.status?.join(",") === activeKinds.join(",") ? "active" : f.status?.[0];
  const assignee = f.assigneeId?.[0];
  const group = f.groupId?.[0];
  return {
    ...defaultView,
    status: status ?? "all",
    priority: f.priority?.[0] ?? "all",
    category: f.category?.[0] ?? "all",
    assignee:
      assignee === undefined
        ? "all"
        : assignee === null
          ? "none"
          : assignee === me
            ? "me"
            : assignee,
    group: group === undefined ? "all" : (group ?? "none"),
    tag: f.tag?.[0] ?? "",
    sla: f.slaState?.[0] ?? "all",
    text: f.text ?? "",
    sort: saved.sort.field,
    dir: saved.sort.direction,
    view: saved.id,
  };
}
