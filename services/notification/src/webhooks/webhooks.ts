import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  AppError,
  eventSubscriptions,
  type TIdentity,
  type TWebhookDelivery,
  type TWebhookEndpoint,
  type ZCreateWebhookInput,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { checkEndpointUrl } from "./endpoint-url.ts";
import { webhookRepository, type EndpointRow } from "./webhook-repository.ts";

/** What webhooks may subscribe to: the events this service receives, less the directory's. */
export const webhookEventTypes: readonly string[] = eventSubscriptions.notification.filter(
  (t) => !t.startsWith("directory."),
);

/** The event types an admin may pick from. */
export function subscribableTypes(who: TIdentity): string[] {
  authorize(who, "notification.webhooks.manage");
  return [...webhookEventTypes];
}

const toDto = (e: EndpointRow): TWebhookEndpoint => ({
  id: e.id,
  url: e.url,
  eventTypes: e.event_types,
  active: e.active,
  createdAt: new Date(e.created_at).toISOString(),
});

/** Registers an endpoint; its signing secret is returned this once and never shown again. */
export async function createWebhook(
  db: Db,
  who: TIdentity,
  input: z.infer<typeof ZCreateWebhookInput>,
  allowLoopback: boolean,
) {
  authorize(who, "notification.webhooks.manage");
  const url = checkEndpointUrl(input.url, allowLoopback);
  const unknown = input.eventTypes.filter((t) => !webhookEventTypes.includes(t));
  if (unknown.length) {
    throw new AppError("BAD_REQUEST", `Unknown event types: ${unknown.join(", ")}`);
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await webhookRepository.create(db, {
    id: randomUUID(),
    workspace_id: who.workspaceId,
    url,
    event_types: [...new Set(input.eventTypes)],
    secret,
  });
  return { endpoint: toDto(row), secret };
}

export async function listWebhooks(db: Db, who: TIdentity): Promise<TWebhookEndpoint[]> {
  authorize(who, "notification.webhooks.manage");
  return (await webhookRepository.list(db, who.workspaceId)).map(toDto);
}

export async function deleteWebhook(db: Db, who: TIdentity, endpointId: string) {
  authorize(who, "notification.webhooks.manage");
  if (!(await webhookRepository.remove(db, who.workspaceId, endpointId))) {
    throw new AppError("NOT_FOUND", "No such webhook");
  }
  return { deleted: true };
}

/** The endpoint's recent deliveries with every attempt's answer and latency. */
export async function listDeliveries(
  db: Db,
  who: TIdentity,
  endpointId: string,
): Promise<TWebhookDelivery[]> {
  authorize(who, "notification.webhooks.manage");
  if (!(await webhookRepository.get(db, who.workspaceId, endpointId))) {
    throw new AppError("NOT_FOUND", "No such webhook");
  }
  const rows = await webhookRepository.deliveries(db, who.workspaceId, endpointId, 50);
  return rows.map((d) => ({
    id: d.id,
    eventId: d.event_id,
    eventType: d.event_type,
    status: d.status,
    attempts: d.log.map((a) => ({
      attempt: a.attempt,
      statusCode: a.status_code,
      latencyMs: a.latency_ms,
      error: a.error,
      at: new Date(a.at).toISOString(),
    })),
    createdAt: new Date(d.created_at).toISOString(),
  }));
}
