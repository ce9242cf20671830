import { z } from "zod";

/**
 * The wire shape of every event. `payload` is validated per `type`+`version` by the catalog, so a
 * consumer can reject an event it does not understand instead of guessing.
 */
export const ZEventEnvelope = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The tenant (support team) the event belongs to; nothing crosses between workspaces. */
  workspaceId: z.uuid(),
  /** The customer organization concerned, when there is one: consumers scope visibility by it. */
  orgId: z.uuid().nullable(),
  /** Follows a request through events into other services' logs. */
  requestId: z.string().max(128).optional(),
  payload: z.unknown(),
});
export type TEventEnvelope = z.infer<typeof ZEventEnvelope>;

export interface EventDefinition<T extends string, V extends number, P extends z.ZodType> {
  type: T;
  version: V;
  payload: P;
}

/** Declares one version of one event type. Bump `version` (and keep the old one) on breaking changes. */
export function defineEvent<T extends string, V extends number, P extends z.ZodType>(
  type: T,
  version: V,
  payload: P,
): EventDefinition<T, V, P> {
  return { type, version, payload };
}
