import type { TNotificationKind } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { isStaffPerson, type Person } from "../directory/person.ts";
import { notificationRepository } from "../inbox/notification-repository.ts";
import type { RenderedMail } from "../mail-out/layout.ts";
import { queueMail, type MailSetup } from "../mail-out/queue-mail.ts";
import type { TemplateName } from "../mail-out/templates.ts";
import { scheduleDigest } from "../mail-out/digest.ts";
import { preferenceRepository } from "../preferences/preference-repository.ts";
import { cachedLookup } from "./projection-cache.ts";

export interface DispatchDeps {
  mail: MailSetup;
  /** Wakes the relay that queues committed mails and webhook deliveries. */
  kick: () => void;
}

/** The ticket a notice is about, as far as addressing needs it. */
export interface TicketScope {
  id: string;
  number: number;
  subject: string;
  requesterId: string;
  originMessageId?: string | null;
}

export interface Notice {
  kind: TNotificationKind;
  title: string;
  /** A public excerpt; never internal-note text. */
  body?: string | null;
  /** The mail for one recipient; absent: in the app only. */
  mail?: (p: Person) => { template: TemplateName; rendered: RenderedMail };
  /** Staff may have this mail gathered into their digest. */
  digestible?: boolean;
}

/**
 * Delivers one notice to people, each by the channels they chose. The one gate for who may be
 * told: staff of the workspace, and a customer only about their own ticket (the requester, of the
 * event's organization) and never about an internal note. The actor is not told of their own act.
 */
export async function deliver(
  tx: Sql,
  deps: DispatchDeps,
  event: { id: string; workspaceId: string; orgId: string | null },
  o: {
    recipients: readonly (Person | null)[];
    notice: Notice;
    ticket: TicketScope | null;
    internal?: boolean;
    actorId?: string | null;
  },
): Promise<Person[]> {
  const seen = new Set<string>();
  const told = o.recipients.filter((p): p is Person => {
    if (!p || seen.has(p.userId)) return false;
    seen.add(p.userId);
    if (!p.active || p.workspaceId !== event.workspaceId || p.userId === o.actorId) return false;
    if (isStaffPerson(p)) return true;
    return (
      !o.internal &&
      o.ticket !== null &&
      p.userId === o.ticket.requesterId &&
      p.orgId !== null &&
      p.orgId === event.orgId
    );
  });
  const ids = told.map((p) => p.userId);
  const choices = await cachedLookup(tx, "preferences", `${o.notice.kind}:${ids.join(",")}`, () =>
    preferenceRepository.choicesFor(tx, ids, o.notice.kind),
  );
  await notificationRepository.insertForUsers(
    tx,
    told.filter((p) => choices.get(p.userId)?.inApp).map((p) => p.userId),
    {
      workspaceId: event.workspaceId,
      kind: o.notice.kind,
      ticketId: o.ticket?.id ?? null,
      ticketNumber: o.ticket?.number ?? null,
      title: o.notice.title,
      body: o.internal ? null : (o.notice.body ?? null),
      eventId: event.id,
    },
  );
  let mailed = false;
  for (const p of told) {
    const choice = choices.get(p.userId);
    if (choice?.email && o.notice.mail) {
      const { template, rendered } = o.notice.mail(p);
      const digestKey =
        choice.digest !== "off" && o.notice.digestible && isStaffPerson(p)
          ? await scheduleDigest(tx, p, choice.digest)
          : null;
      const queued = await queueMail(tx, deps.mail, {
        workspaceId: event.workspaceId,
        eventId: event.id,
        to: { email: p.email, userId: p.userId },
        template,
        rendered,
        ticket: o.ticket,
        digestKey,
      });
      if (queued) mailed = true;
    }
  }
  // Only a mail needs the relay now; waking it for in-app items alone costs a busy consumer three
  // queries per event. (In a consumer, a mail the ledger will refuse at the transaction's end
  // counts too: one pass for nothing, on a redelivery.)
  if (mailed) setTimeout(deps.kick, 5);
  return told;
}
