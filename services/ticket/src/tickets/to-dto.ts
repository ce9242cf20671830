import type { TTicket } from "@signpost/contracts";
import type { StoredTicket } from "./ticket-repository.ts";

/** Drops storage-only fields so a raw row never reaches a client. */
export const toTicketDto = ({
  workspaceId: _w,
  resolutionCount: _r,
  closeReason: _c,
  ...ticket
}: StoredTicket): TTicket => ticket;
