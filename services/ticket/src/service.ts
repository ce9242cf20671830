import { fileURLToPath } from "node:url";
import { createService, type Service, type ServiceRuntime } from "@signpost/service-kit";
import { attachmentRoutes } from "./attachments/attachment-routes.ts";
import { localDiskStorage } from "./attachments/local-disk-storage.ts";
import { s3Storage, type S3StorageConfig } from "./attachments/s3-storage.ts";
import type { AttachmentLimits, TicketDeps, TicketHooks } from "./deps.ts";
import { onGroupChanged, onUserChanged } from "./directory/on-directory-events.ts";
import { onMailReceived } from "./mail/on-mail-received.ts";
import { restRoutes } from "./rest/rest-routes.ts";
import { ticketRouter } from "./router.ts";
import { schema } from "./schema.ts";
import { startSlaTimers, type SlaTimers } from "./automations/sla-timers.ts";
import { ticketActions } from "./automations/ticket-actions.ts";
import { slaHook } from "./sla/sla-hook.ts";
import { startSlaBackfill } from "./sla/backfill-slas.ts";

export interface TicketServiceOptions {
  /** Local directory for attachment files (the default storage). */
  attachmentsDir: string;
  /** Store attachments in an S3-compatible bucket instead. */
  s3?: S3StorageConfig | undefined;
  attachmentLimits?: Partial<AttachmentLimits>;
  /** Called in the transaction of every ticket change (the SLA engine plugs in here). */
  hooks?: TicketHooks[];
}

export interface TicketService extends Service {
  deps: TicketDeps;
}

/** The ticket service, wired to whatever database and transport the deployment provides. */
export function createTicketService(rt: ServiceRuntime, opts: TicketServiceOptions): TicketService {
  const deps: TicketDeps = {
    db: rt.db,
    kickRelay: () => undefined,
    storage: opts.s3 ? s3Storage(opts.s3) : localDiskStorage(opts.attachmentsDir),
    attachmentLimits: {
      maxBytes: opts.attachmentLimits?.maxBytes ?? 25 * 1024 * 1024,
      maxPerComment: opts.attachmentLimits?.maxPerComment ?? 10,
    },
    hooks: [],
  };
  let timers: SlaTimers | undefined;
  // The SLA engine runs in every ticket change's transaction; its timers start with the consumers.
  deps.hooks.push(
    slaHook(() => timers?.kick()),
    ...(opts.hooks ?? []),
  );
  const service = createService(rt, {
    name: "ticket",
    schema,
    migrationsDir: fileURLToPath(new URL("../migrations", import.meta.url)),
    router: (kickRelay) => {
      deps.kickRelay = kickRelay;
      return ticketRouter(deps);
    },
    // Timers written but not yet on the queue (the timer relay's backlog).
    metrics: (m) => m.backlog("sla_timers", "ticket.sla_timer_queue", "queued_at"),
    background: () => {
      const running = startSlaTimers({
        db: rt.db,
        transport: rt.transport,
        automation: ticketActions(deps),
        logger: rt.logger,
        kickRelay: () => deps.kickRelay(),
      });
      timers = running;
      // Tickets from before the SLA engine get their rows once; their timers follow each batch.
      const backfill = startSlaBackfill({
        db: rt.db,
        logger: rt.logger,
        afterBatch: () => running.kick(),
      });
      return {
        async stop() {
          await backfill.stop();
          await running.stop();
        },
      };
    },
    handlers: {
      "directory.user.changed": onUserChanged,
      "directory.group.changed": onGroupChanged,
      "mail.received": async (tx, event) => {
        await onMailReceived(deps, tx, event, rt.logger);
        // After this transaction commits, publish what the mail produced.
        setImmediate(() => deps.kickRelay());
      },
    },
  });
  service.app.route("/attachments", attachmentRoutes(deps));
  service.app.route("/rest/v1", restRoutes(deps));
  return { ...service, deps };
}
