import { randomUUID } from "node:crypto";
import { type ZCreateTicketInput, type TIdentity, type TTicket } from "@signpost/contracts";
import type { z } from "zod";
import { authorize } from "@signpost/policy";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import type { TicketDeps } from "../deps.ts";
import { schema } from "../schema.ts";
import { ticketRepository } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/** Opens a ticket and, in the same transaction, records `ticket.created` in the outbox. */
export async function createTicket(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZCreateTicketInput>,
  requestId?: string,
): Promise<TTicket> {
  authorize(who, "ticket.create");
  const ticket = await deps.db.transaction(async (tx) => {
    const number = await ticketRepository.nextNumber(tx, who.workspaceId);
    const created = await ticketRepository.insert(tx, {
      id: randomUUID(),
      workspaceId: who.workspaceId,
      number,
      subject: input.subject,
      description: input.description,
      priority: input.priority,
      category: input.category,
      requesterId: who.userId,
      orgId: who.orgId,
    });
    await appendToOutbox(
      tx,
      schema,
      buildEvent("ticket.created", {
        workspaceId: created.workspaceId,
        orgId: created.orgId,
        ...(requestId ? { requestId } : {}),
        payload: {
          ticketId: created.id,
          number: created.number,
          subject: created.subject,
          requesterId: created.requesterId,
          assigneeId: null,
          groupId: null,
          priority: created.priority,
          category: created.category,
          source: "portal",
          inboundMessageId: null,
        },
      }),
    );
    return created;
  });
  deps.kickRelay();
  return toTicketDto(ticket);
}
