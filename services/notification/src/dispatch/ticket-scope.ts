import type { TicketRef } from "../mail-out/templates.ts";
import type { DispatchDeps, TicketScope } from "./deliver.ts";

interface TicketHeader {
  ticketId: string;
  number: number;
  subject: string;
  requesterId: string;
}

export const scopeOf = (p: TicketHeader, originMessageId?: string | null): TicketScope => ({
  id: p.ticketId,
  number: p.number,
  subject: p.subject,
  requesterId: p.requesterId,
  originMessageId: originMessageId ?? null,
});

export const refOf = (deps: DispatchDeps, p: TicketHeader): TicketRef => ({
  number: p.number,
  subject: p.subject,
  url: `${deps.mail.publicUrl}/tickets/${p.ticketId}`,
});
