import type { PresenceStore } from "./presence/presence-store.ts";
import type { Db } from "@signpost/db";
import type { Logger, Transport } from "@signpost/queue";
import type { MailSetup } from "./mail-out/queue-mail.ts";

/** How the notification service is set up beyond what every service gets. */
export interface NotificationOptions {
  /** smtp(s)://user:pass@host:port; unset keeps mails for the development mailbox. */
  smtpUrl?: string;
  /** Sender when a workspace has no support address; its domain names our Message-IDs. */
  mailFrom: string;
  /** Where people reach the web app (links in mail). */
  publicUrl: string;
  /** Listen for inbound mail over SMTP here (unset: HTTP only). */
  inboundSmtp?: { port: number; host: string } | null;
  /** Accept http://127.0.0.1 webhook URLs (development and tests). */
  allowLoopbackWebhooks?: boolean;
  /** Events handled at once per replica. */
  consumerConcurrency?: number;
  /** At most this many of them share one transaction. */
  consumerBatch?: number;
  mailAttempts?: number;
  mailBackoffMs?: number;
  webhookAttempts?: number;
  webhookBackoffMs?: number;
  /** How often committed mails/deliveries are looked for when nothing kicked (ms). */
  relayPollMs?: number;
  /** How often each replica looks for new notifications for its live streams (ms). */
  livePollMs?: number;
  /** Shares ticket presence between replicas through Redis; in this process only when unset. */
  redisUrl?: string | null;
}

export const defaultNotificationOptions: NotificationOptions = {
  mailFrom: "support@signpost.localhost",
  publicUrl: "http://localhost:3000",
};

/** What the use-cases and routers of this service share. */
export interface NotificationDeps {
  db: Db;
  transport: Transport;
  logger: Logger;
  options: NotificationOptions;
  mail: MailSetup;
  /** Publishes this service's outbox now (after committing `mail.received`). */
  kickRelay: () => void;
  /** Queues committed mails and webhook deliveries now. */
  kickPending: () => void;
  /** Who is on which ticket's page. */
  presence: PresenceStore;
}
