import type { TTicket, TTicketPriority, TTicketStatus } from "@signpost/contracts";

/** What the queue shows, as kept in the URL so a view can be bookmarked and shared. */
export interface QueueView {
  status: "active" | "all" | TTicketStatus;
  priority: "all" | TTicketPriority;
  category: string;
  /** "me", "none" (unassigned), "all", or a person's id. */
  assignee: string;
  text: string;
  sort: SortKey;
  dir: "asc" | "desc";
}

export type SortKey = "number" | "subject" | "status" | "priority" | "createdAt";

const priorityRank: Record<TTicketPriority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };
const statusRank: Record<TTicketStatus, number> = {
  open: 0,
  in_progress: 1,
  waiting_on_customer: 2,
  resolved: 3,
  closed: 4,
};

export const defaultView: QueueView = {
  status: "active",
  priority: "all",
  category: "all",
  assignee: "all",
  text: "",
  sort: "priority",
  dir: "asc",
};

export function viewFrom(search: URLSearchParams): QueueView {
  const get = <K extends keyof QueueView>(k: K) =>
    (search.get(k) ?? defaultView[k]) as QueueView[K];
  return {
    status: get("status"),
    priority: get("priority"),
    category: get("category"),
    assignee: get("assignee"),
    text: get("text"),
    sort: get("sort"),
    dir: get("dir") === "desc" ? "desc" : "asc",
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

const compare = (a: TTicket, b: TTicket, key: SortKey) => {
  switch (key) {
    case "number":
      return a.number - b.number;
    case "subject":
      return a.subject.localeCompare(b.subject);
    case "status":
      return statusRank[a.status] - statusRank[b.status];
    case "priority":
      return priorityRank[a.priority] - priorityRank[b.priority];
    case "createdAt":
      return a.createdAt.localeCompare(b.createdAt);
  }
};

/** Filters and sorts; ties fall back to the oldest ticket first, as a queue should. */
export function applyView(tickets: TTicket[], view: QueueView, me: string): TTicket[] {
  const assignee = view.assignee === "me" ? me : view.assignee;
  const text = view.text.trim().toLowerCase();
  const sign = view.dir === "asc" ? 1 : -1;
  return tickets
    .filter((t) =>
      view.status === "active"
        ? t.status !== "resolved" && t.status !== "closed"
        : view.status === "all" || t.status === view.status,
    )
    .filter((t) => view.priority === "all" || t.priority === view.priority)
    .filter((t) => view.category === "all" || t.category === view.category)
    .filter(
      (t) =>
        assignee === "all" ||
        (assignee === "none" ? t.assigneeId === null : t.assigneeId === assignee),
    )
    .filter(
      (t) =>
        !text ||
        t.subject.toLowerCase().includes(text) ||
        String(t.number) === text.replace("#", ""),
    )
    .sort((a, b) => sign * compare(a, b, view.sort) || a.createdAt.localeCompare(b.createdAt));
}
