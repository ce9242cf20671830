import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { groupLead, ticketWorkers } from "../directory/recipients.ts";
import { templates } from "../mail-out/templates.ts";
import { deliver, type DispatchDeps } from "./deliver.ts";
import { refOf, scopeOf } from "./ticket-scope.ts";

const metricLabel = { first_response: "first response", resolution: "resolution" } as const;

/**
 * SLA alarms go to the assignee, the ticket's whole group (every agent when it has none) and the
 * group's lead, who need not be a member; `deliver` tells each person once.
 */
export async function onSla(
  tx: Sql,
  deps: DispatchDeps,
  event: EventOf<"sla.warning"> | EventOf<"sla.breached">,
) {
  const p = event.payload;
  const breached = event.type === "sla.breached";
  const ref = refOf(deps, p);
  const title = `#${p.number}: ${metricLabel[p.metric]} target ${breached ? "missed" : "due soon"} — ${p.subject}`;
  await deliver(tx, deps, event, {
    recipients: [
      ...(await ticketWorkers(tx, event.workspaceId, p, true)),
      await groupLead(tx, event.workspaceId, p.groupId),
    ],
    ticket: scopeOf(p),
    internal: true, // staff-only, whatever the recipients
    notice: {
      kind: breached ? "sla.breached" : "sla.warning",
      title,
      mail: () => ({
        template: "sla",
        rendered: templates.sla({ ticket: ref, breached, metric: p.metric, dueAt: p.dueAt }),
      }),
      // A breach must not wait for a digest.
      digestible: !breached,
    },
  });
}

export async function onEscalated(tx: Sql, deps: DispatchDeps, event: EventOf<"ticket.escalated">) {
  const p = event.payload;
  const ref = refOf(deps, p);
  const title = `#${p.number} escalated to ${p.priority}: ${p.subject} (${p.reason})`;
  await deliver(tx, deps, event, {
    recipients: await ticketWorkers(tx, event.workspaceId, p, true),
    ticket: scopeOf(p),
    internal: true,
    notice: {
      kind: "ticket.escalated",
      title,
      mail: () => ({
        template: "notice",
        rendered: templates.notice({ title, ticket: ref, url: ref.url }),
      }),
    },
  });
}
