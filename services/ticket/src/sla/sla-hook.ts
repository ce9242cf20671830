import type { TicketHooks } from "../deps.ts";
import { onTicketChanged } from "./on-ticket-changed.ts";

/**
 * The SLA engine's place in every ticket change (see `onTicketChanged` for why a hook rather than
 * an event consumer). `afterCommit` asks the timer relay to enqueue what the change set.
 */
export const slaHook = (afterCommit: () => void): TicketHooks => ({
  async onTicketChanged(tx, change) {
    await onTicketChanged(tx, {
      after: change.after,
      ...(change.publicStaffReply ? { publicStaffReply: true } : {}),
      ...(change.writes ? { writes: change.writes } : {}),
      ...(change.knownSla ? { knownSla: change.knownSla } : {}),
    });
    setImmediate(afterCommit);
  },
});
