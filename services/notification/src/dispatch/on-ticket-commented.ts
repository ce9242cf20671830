import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { isStaffPerson } from "../directory/person.ts";
import { people, person, ticketWorkers } from "../directory/recipients.ts";
import { templates } from "../mail-out/templates.ts";
import { deliver, type DispatchDeps } from "./deliver.ts";
import { refOf, scopeOf } from "./ticket-scope.ts";

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 277)}...` : text);

/**
 * A comment: mentioned staff are told (a note is linked, never quoted); a public staff reply goes
 * to the requester by mail; a customer's reply goes to whoever works the ticket. An internal note
 * addresses no customer: `internal` makes the gate in `deliver` drop every one of them.
 */
export async function onTicketCommented(
  tx: Sql,
  deps: DispatchDeps,
  event: EventOf<"ticket.commented">,
): Promise<void> {
  const p = event.payload;
  const internal = p.visibility === "internal";
  const body = internal ? null : p.body;
  const ticket = scopeOf(p);
  const ref = refOf(deps, p);
  const author = await person(tx, event.workspaceId, p.authorId);
  const authorName = author?.name ?? (p.authorIsStaff ? "Support" : "The customer");

  const mentioned = (await people(tx, event.workspaceId, p.mentionedIds)).filter(isStaffPerson);
  await deliver(tx, deps, event, {
    recipients: mentioned,
    ticket,
    internal: true, // a mention is a staff matter, whichever the comment's visibility
    actorId: p.authorId,
    notice: {
      kind: "mention",
      title: `${authorName} mentioned you on #${p.number}: ${p.subject}`,
      mail: () => ({
        template: "mention",
        rendered: templates.mention({ ticket: ref, authorName, internal }),
      }),
      digestible: true,
    },
  });
  if (internal || body === null) return;

  if (p.authorIsStaff) {
    await deliver(tx, deps, event, {
      recipients: [await person(tx, event.workspaceId, p.requesterId)],
      ticket,
      actorId: p.authorId,
      notice: {
        kind: "ticket.replied",
        title: `${authorName} replied to #${p.number}: ${p.subject}`,
        body: excerpt(body),
        mail: () => ({
          template: "agentReply",
          rendered: templates.agentReply({ ticket: ref, authorName, body }),
        }),
      },
    });
    return;
  }
  await deliver(tx, deps, event, {
    recipients: await ticketWorkers(tx, event.workspaceId, p),
    ticket,
    actorId: p.authorId,
    notice: {
      kind: "ticket.customer_replied",
      title: `${authorName} replied to #${p.number}: ${p.subject}`,
      body: excerpt(body),
      mail: () => ({
        template: "customerReplied",
        rendered: templates.customerReplied({ ticket: ref, name: authorName, body }),
      }),
      digestible: true,
    },
  });
}
