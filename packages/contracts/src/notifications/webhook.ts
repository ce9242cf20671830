import { z } from "zod";

export const ZWebhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

export const ZCreateWebhookInput = z.object({
  url: z.url().max(2000),
  eventTypes: z.array(z.string().min(1).max(64)).min(1).max(30),
});

/** The endpoint and its signing secret, which is shown this once. */
export const ZCreatedWebhook = z.object({ endpoint: ZWebhookEndpoint, secret: z.string() });

export const ZWebhookRef = z.object({ endpointId: z.uuid() });

export const ZWebhookDelivery = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(["queued", "delivered", "dead"]),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      statusCode: z.number().int().nullable(),
      latencyMs: z.number().int(),
      error: z.string().nullable(),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;
