import { fileURLToPath } from "node:url";
import { leaveForTheEnd } from "@signpost/queue";
import { createService, type Service, type ServiceRuntime } from "@signpost/service-kit";
import {
  defaultNotificationOptions,
  type NotificationDeps,
  type NotificationOptions,
} from "./deps.ts";
import { eventHandlers } from "./dispatch/handlers.ts";
import { queues } from "./jobs/queues.ts";
import { startPendingRelay, type PendingRelay } from "./jobs/pending-relay.ts";
import { createLiveHub } from "./live/live-hub.ts";
import { mountLiveRoute } from "./live/live-route.ts";
import { createRedisActivityFeed } from "./live/redis-activity-feed.ts";
import {
  activityOf,
  createMemoryActivityFeed,
  type WorkspaceActivity,
} from "./live/ticket-activity.ts";
import { createMemoryPresenceStore } from "./presence/presence-store.ts";
import { createRedisPresenceStore } from "./presence/redis-presence-store.ts";
import { mountInboundRoute } from "./mail-in/inbound-route.ts";
import { startSmtpListener } from "./mail-in/smtp-listener.ts";
import { digestSource, sendDigestJob } from "./mail-out/digest.ts";
import { mailRepository } from "./mail-out/mail-repository.ts";
import { createMailer } from "./mail-out/mailer.ts";
import { mailJobsOf } from "./mail-out/mail-jobs.ts";
import { sendMailJob } from "./mail-out/send-mail.ts";
import { mailDomainOf } from "./mail-out/threading.ts";
import { notificationRouter } from "./router.ts";
import { schema } from "./schema.ts";
import { deliverWebhookJob } from "./webhooks/deliver-webhook.ts";
import { queueWebhookDeliveries } from "./webhooks/queue-deliveries.ts";
import { webhookRepository } from "./webhooks/webhook-repository.ts";

export interface NotificationService extends Service {
  /** Queues committed mails and webhook deliveries now (tests). */
  flushPending(): Promise<void>;
  /** The inbound SMTP listener's port, once started (when configured). */
  inboundSmtpPort(): number | null;
}

/** The notification service, wired to whatever database and transport the deployment provides. */
export function createNotificationService(
  rt: ServiceRuntime,
  options: NotificationOptions = defaultNotificationOptions,
): NotificationService {
  const logger = rt.logger.child({ service: "notification" });
  const mailAttempts = options.mailAttempts ?? 8;
  const mailBackoffMs = options.mailBackoffMs ?? 2_000;
  const webhookAttempts = options.webhookAttempts ?? 8;
  let pending: PendingRelay | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>> | undefined;
  let kickRelay = () => {};
  const mailer = createMailer(options.smtpUrl);
  const hub = createLiveHub({ db: rt.db, pollMs: options.livePollMs ?? 150, logger });
  const presence = options.redisUrl
    ? createRedisPresenceStore({ redisUrl: options.redisUrl, prefix: "signpost" })
    : createMemoryPresenceStore();
  const activity = options.redisUrl
    ? createRedisActivityFeed({ redisUrl: options.redisUrl, prefix: "signpost" })
    : createMemoryActivityFeed();
  /** Announces without holding up or failing the consumer's transaction; a failure is logged. */
  const announce = async (_tx: unknown, items: WorkspaceActivity[]) => {
    activity.publish(items).catch((error: unknown) => {
      logger.warn({ err: error }, "ticket activity not announced");
    });
  };
  const deps: NotificationDeps = {
    db: rt.db,
    transport: rt.transport,
    logger,
    options,
    mail: {
      domain: mailDomainOf(options.mailFrom),
      publicUrl: options.publicUrl.replace(/\/$/, ""),
    },
    kickRelay: () => kickRelay(),
    kickPending: () => pending?.kick(),
    presence,
  };

  const service = createService(rt, {
    name: "notification",
    schema,
    migrationsDir: fileURLToPath(new URL("../migrations", import.meta.url)),
    router: (kick) => {
      kickRelay = kick;
      return notificationRouter(deps);
    },
    // Mails not yet sent: the queue's depth counts jobs, and one job carries up to sixteen.
    metrics: (m) => m.backlog("mail", "notification.mail_queue", "created_at"),
    // Handling an event is a short transaction of small queries, mostly waiting on the
    // database's round trips and the commit's flush. Events in flight together share a
    // transaction (32 at most): 64 in flight make two transactions at once, which leaves most of
    // the pool's ten connections to HTTP requests and the relays. Against 16 and 32, a burst of
    // created tickets cost a quarter fewer statements each, and a backlog drained as fast or faster.
    concurrency: options.consumerConcurrency ?? 64,
    batch: options.consumerBatch ?? 32,
    handlers: eventHandlers({ mail: deps.mail, kick: deps.kickPending }, async (tx, event) => {
      if ((await queueWebhookDeliveries(tx, event)) > 0) setTimeout(deps.kickPending, 5);
      // Announced before this service commits its receipt: the ticket service committed the
      // change itself before publishing the event, so a stream that refetches now sees it. A
      // rolled-back batch that is retried only announces twice, which costs one more refetch.
      // The events sharing a transaction announce together, at its end.
      const signal = activityOf(event);
      if (signal) {
        const item = { workspaceId: event.workspaceId, activity: signal };
        await leaveForTheEnd(tx, "notification.activity", [item], announce);
      }
    }),
    background: () => {
      rt.transport.consume(
        queues.mail,
        sendMailJob({
          db: rt.db,
          transport: rt.transport,
          queue: queues.mail,
          mailer,
          defaultFrom: options.mailFrom,
          maxAttempts: mailAttempts,
          backoffMs: mailBackoffMs,
          logger,
        }),
      );
      rt.transport.consume(
        queues.webhook,
        deliverWebhookJob({ db: rt.db, maxAttempts: webhookAttempts, logger }),
      );
      rt.transport.consume(queues.digest, sendDigestJob({ db: rt.db, mail: deps.mail }));
      pending = startPendingRelay({
        db: rt.db,
        transport: rt.transport,
        logger,
        pollMs: options.relayPollMs ?? 250,
        sources: [
          {
            queue: queues.mail,
            attempts: mailAttempts,
            backoffMs: mailBackoffMs,
            pending: (db, n) => mailRepository.pendingToEnqueue(db, n),
            markEnqueued: (db, ids) => mailRepository.markEnqueued(db, ids),
            jobsOf: mailJobsOf,
          },
          {
            queue: queues.webhook,
            attempts: webhookAttempts,
            backoffMs: options.webhookBackoffMs ?? 5_000,
            pending: (db, n) => webhookRepository.pendingToEnqueue(db, n),
            markEnqueued: (db, ids) => webhookRepository.markEnqueued(db, ids),
          },
          { queue: queues.digest, attempts: 5, backoffMs: 10_000, ...digestSource },
        ],
      });
      if (options.inboundSmtp) {
        void startSmtpListener(deps, options.inboundSmtp, logger).then(
          (s) => (smtp = s),
          (error: unknown) => logger.error({ err: error }, "inbound SMTP listener did not start"),
        );
      }
      return {
        async stop() {
          await pending?.stop();
          await smtp?.stop();
        },
      };
    },
    dispose: async () => {
      hub.stop();
      mailer.close();
      await presence.close();
      await activity.close();
    },
  });
  mountLiveRoute(service.app, rt.db, hub, presence, activity);
  mountInboundRoute(service.app, deps);
  return {
    ...service,
    flushPending: async () => void (await pending?.flush()),
    inboundSmtpPort: () => smtp?.port ?? null,
  };
}
