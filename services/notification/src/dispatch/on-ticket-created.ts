import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { allAgents, groupMembers, person } from "../directory/recipients.ts";
import { notificationRepository } from "../inbox/notification-repository.ts";
import { templates } from "../mail-out/templates.ts";
import { deliver, type DispatchDeps } from "./deliver.ts";
import { refOf, scopeOf } from "./ticket-scope.ts";

/**
 * A new ticket: its group's members (every agent when it has none) are told, the assignee is told
 * it is theirs, and the requester gets the acknowledgement that roots the mail thread.
 */
export async function onTicketCreated(
  tx: Sql,
  deps: DispatchDeps,
  event: EventOf<"ticket.created">,
): Promise<void> {
  const p = event.payload;
  if (!("subject" in p)) return onTicketCreatedV1(tx, event.workspaceId, event.id, p);
  const ticket = scopeOf(p, p.inboundMessageId);
  const ref = refOf(deps, p);
  const title = `New ticket #${p.number}: ${p.subject} (${p.priority})`;

  const requester = await person(tx, event.workspaceId, p.requesterId);
  await deliver(tx, deps, event, {
    recipients: [requester],
    ticket,
    notice: {
      kind: "ticket.acknowledged",
      title: `We received your request #${p.number}`,
      mail: (to) => ({
        template: "acknowledged",
        rendered: templates.acknowledged({ ticket: ref, name: to.name }),
      }),
    },
  });

  if (p.assigneeId) {
    await deliver(tx, deps, event, {
      recipients: [await person(tx, event.workspaceId, p.assigneeId)],
      ticket,
      actorId: p.requesterId,
      notice: {
        kind: "ticket.assigned",
        title: `#${p.number} is assigned to you: ${p.subject}`,
        mail: () => ({
          template: "assignment",
          rendered: templates.assignment({ ticket: ref, actorName: null }),
        }),
        digestible: true,
      },
    });
  }
  const group = p.groupId
    ? await groupMembers(tx, event.workspaceId, p.groupId)
    : await allAgents(tx, event.workspaceId);
  if (group.length === 0) {
    // The directory has not reached us yet: the workspace's shared agents' feed keeps the news.
    await notificationRepository.insertForAgents(tx, {
      workspaceId: event.workspaceId,
      kind: "ticket.created",
      ticketId: p.ticketId,
      ticketNumber: p.number,
      title,
      body: null,
      eventId: event.id,
    });
    return;
  }
  await deliver(tx, deps, event, {
    recipients: group.filter((g) => g.userId !== p.assigneeId),
    ticket,
    actorId: p.requesterId,
    notice: {
      kind: "ticket.created",
      title,
      mail: () => ({
        template: "notice",
        rendered: templates.notice({ title, ticket: ref, url: ref.url }),
      }),
      digestible: true,
    },
  });
}

/** Version 1 carried no subject: the agents' feed gets a line, nothing is mailed. */
async function onTicketCreatedV1(
  tx: Sql,
  workspaceId: string,
  eventId: string,
  p: { ticketId: string; number: number; priority: string },
) {
  await notificationRepository.insertForAgents(tx, {
    workspaceId,
    kind: "ticket.created",
    ticketId: p.ticketId,
    ticketNumber: p.number,
    title: `New ticket #${p.number} (${p.priority})`,
    body: null,
    eventId,
  });
}
