import type { TTicketPriority, TTicketStatus } from "@signpost/contracts";

// Labels live here rather than coming from the contracts package at run time: importing its
// values would ship zod to the browser. `satisfies` keeps them in step with the contract types.
export const statusLabels = {
  open: "Open",
  in_progress: "In progress",
  waiting_on_customer: "Waiting on customer",
  resolved: "Resolved",
  closed: "Closed",
} as const satisfies Record<TTicketStatus, string>;

export const priorityLabels = {
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
} as const satisfies Record<TTicketPriority, string>;

export const statuses = Object.keys(statusLabels) as TTicketStatus[];
export const priorities = Object.keys(priorityLabels) as TTicketPriority[];

export const categories = [
  "general",
  "billing",
  "technical",
  "account",
  "feature_request",
  "bug",
] as const;

export const categoryLabel = (c: string) => {
  const spaced = c.replaceAll("_", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
export const formatDate = (iso: string) => dateTime.format(new Date(iso));

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
/** "5 minutes ago", "in 2 hours". */
export function formatRelative(iso: string, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, "second");
  if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
  return relative.format(Math.round(seconds / 86_400), "day");
}
