import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { person, ticketWorkers } from "../directory/recipients.ts";
import { templates } from "../mail-out/templates.ts";
import { deliver, type DispatchDeps } from "./deliver.ts";
import { refOf, scopeOf } from "./ticket-scope.ts";

const statusLabel = (key: string) => key.replace(/_/g, " ");

/** The requester hears of status changes; a resolution asks them to rate the help (CSAT). */
export async function onStatusChanged(
  tx: Sql,
  deps: DispatchDeps,
  event: EventOf<"ticket.status_changed">,
) {
  const p = event.payload;
  const ref = refOf(deps, p);
  const resolved = p.to.kind === "resolved";
  const status = statusLabel(p.to.key);
  await deliver(tx, deps, event, {
    recipients: [await person(tx, event.workspaceId, p.requesterId)],
    ticket: scopeOf(p),
    actorId: p.actorId,
    notice: {
      kind: "ticket.status_changed",
      title: `#${p.number} is now ${status}: ${p.subject}`,
      mail: () =>
        resolved
          ? {
              template: "csatRequest",
              rendered: templates.csatRequest({ ticket: ref, rateUrl: `${ref.url}?rate=1` }),
            }
          : {
              template: "statusChanged",
              rendered: templates.statusChanged({ ticket: ref, status }),
            },
    },
  });
}

/** The new assignee hears it is theirs; a move to a group without assignee tells the group. */
export async function onAssigned(tx: Sql, deps: DispatchDeps, event: EventOf<"ticket.assigned">) {
  const p = event.payload;
  const ref = refOf(deps, p);
  const actor = await person(tx, event.workspaceId, p.actorId);
  if (p.assigneeId && p.assigneeId !== p.previousAssigneeId) {
    await deliver(tx, deps, event, {
      recipients: [await person(tx, event.workspaceId, p.assigneeId)],
      ticket: scopeOf(p),
      actorId: p.actorId,
      notice: {
        kind: "ticket.assigned",
        title: `#${p.number} is assigned to you: ${p.subject}`,
        mail: () => ({
          template: "assignment",
          rendered: templates.assignment({ ticket: ref, actorName: actor?.name ?? null }),
        }),
        digestible: true,
      },
    });
    return;
  }
  if (!p.assigneeId && p.groupId && p.groupId !== p.previousGroupId) {
    const title = `#${p.number} moved to your group: ${p.subject}`;
    await deliver(tx, deps, event, {
      recipients: await ticketWorkers(tx, event.workspaceId, p),
      ticket: scopeOf(p),
      actorId: p.actorId,
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
}

/** Whoever works a reopened ticket hears it is back. */
export async function onReopened(tx: Sql, deps: DispatchDeps, event: EventOf<"ticket.reopened">) {
  const p = event.payload;
  const ref = refOf(deps, p);
  const title = `#${p.number} was reopened: ${p.subject}`;
  await deliver(tx, deps, event, {
    recipients: await ticketWorkers(tx, event.workspaceId, p),
    ticket: scopeOf(p),
    actorId: p.actorId,
    notice: {
      kind: "ticket.reopened",
      title,
      mail: () => ({
        template: "notice",
        rendered: templates.notice({ title, ticket: ref, url: ref.url }),
      }),
      digestible: true,
    },
  });
}

/** The requester of a ticket merged into another learns where the conversation went on. */
export async function onMerged(tx: Sql, deps: DispatchDeps, event: EventOf<"ticket.merged">) {
  const p = event.payload;
  const ref = refOf(deps, p);
  const title = `Your request #${p.sourceNumber} continues in #${p.number}: ${p.subject}`;
  await deliver(tx, deps, event, {
    recipients: [await person(tx, event.workspaceId, p.sourceRequesterId)],
    // Addressed as the requester of the surviving ticket's conversation only if it is theirs.
    ticket: { ...scopeOf(p), requesterId: p.sourceRequesterId },
    actorId: p.actorId,
    notice: {
      kind: "ticket.merged",
      title,
      mail: () => ({
        template: "notice",
        rendered: templates.notice({ title, ticket: ref, url: ref.url }),
      }),
    },
  });
}

/**
 * A close is told through `ticket.status_changed`, which the ticket service emits with it; the
 * close event itself tells nobody a second time.
 */
export async function onClosed() {}
