import type { ReactNode } from "react";
import type { TTicket } from "@signpost/contracts";
import { PriorityBadge, StatusBadge } from "../ui/badges.tsx";
import { categoryLabel, formatDate } from "../ui/format.ts";

/**
 * A ticket's header facts, as both sides show them: status, priority, category, who asked (staff
 * only, passed in), when it was opened and resolved.
 */
export function TicketFacts({ ticket, requester }: { ticket: TTicket; requester?: ReactNode }) {
  return (
    <dl className="row facts">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={ticket.status} />
        </dd>
      </div>
      <div>
        <dt>Priority</dt>
        <dd>
          <PriorityBadge priority={ticket.priority} />
        </dd>
      </div>
      <div>
        <dt>Category</dt>
        <dd>{categoryLabel(ticket.category)}</dd>
      </div>
      {requester !== undefined && (
        <div>
          <dt>Requester</dt>
          <dd>{requester}</dd>
        </div>
      )}
      <div>
        <dt>Opened</dt>
        <dd>{formatDate(ticket.createdAt)}</dd>
      </div>
      {ticket.resolvedAt && (
        <div>
          <dt>Resolved</dt>
          <dd>{formatDate(ticket.resolvedAt)}</dd>
        </div>
      )}
    </dl>
  );
}
