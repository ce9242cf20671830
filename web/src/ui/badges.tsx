import type { TTicketPriority, TTicketStatus } from "@signpost/contracts";
import { priorityLabels, statusLabels } from "./format.ts";

export function StatusBadge({ status }: { status: TTicketStatus }) {
  return <span className={`badge status-${status}`}>{statusLabels[status]}</span>;
}

export function PriorityBadge({ priority }: { priority: TTicketPriority }) {
  return <span className={`badge priority-${priority}`}>{priorityLabels[priority]}</span>;
}
