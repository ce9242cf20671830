import type { TTicketStatus } from "@signpost/contracts";

/**
 * Which kind may follow which. `closed` is final (a follow-up is a new ticket); `resolved` may only
 * reopen or close, so a resolution is never silently turned into work in progress.
 */
const allowed: Record<TTicketStatus, readonly TTicketStatus[]> = {
  open: ["open", "in_progress", "waiting_on_customer", "resolved", "closed"],
  in_progress: ["open", "in_progress", "waiting_on_customer", "resolved", "closed"],
  waiting_on_customer: ["open", "in_progress", "waiting_on_customer", "resolved", "closed"],
  resolved: ["open", "closed"],
  closed: [],
};

/** Whether a ticket whose status is of kind `from` may move to a status of kind `to`. */
export const canTransition = (from: TTicketStatus, to: TTicketStatus) => allowed[from].includes(to);
