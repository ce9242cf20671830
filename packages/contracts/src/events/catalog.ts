import { type z } from "zod";
import { ZEventEnvelope, type EventDefinition, type TEventEnvelope } from "./envelope.ts";
import { ticketCreatedV1, ticketResolvedV1 } from "./ticket-events.ts";

/** Every event version the system knows. Consumers reject anything not listed here. */
export const eventCatalog = [ticketCreatedV1, ticketResolvedV1] as const;

type Catalog = (typeof eventCatalog)[number];
export type EventType = Catalog["type"];

/** A parsed event: the envelope with its payload typed by `type`. */
export type DomainEvent = {
  [K in Catalog as K["type"]]: Omit<TEventEnvelope, "type" | "version" | "payload"> & {
    type: K["type"];
    version: K["version"];
    payload: z.infer<K["payload"]>;
  };
}[EventType];

export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type PayloadOf<T extends EventType> = EventOf<T>["payload"];

const byKey = new Map<string, EventDefinition<string, number, z.ZodType>>(
  eventCatalog.map((d) => [`${d.type}@${d.version}`, d]),
);

export const latestVersion = Object.fromEntries(eventCatalog.map((d) => [d.type, d.version])) as {
  [K in EventType]: Extract<Catalog, { type: K }>["version"];
};

export class UnknownEventError extends Error {
  override name = "UnknownEventError";
}

/** Validates an envelope and its payload; throws `UnknownEventError` or a `ZodError`. */
export function parseEvent(raw: unknown): DomainEvent {
  const envelope = ZEventEnvelope.parse(raw);
  const definition = byKey.get(`${envelope.type}@${envelope.version}`);
  if (!definition) {
    throw new UnknownEventError(`no contract for ${envelope.type} v${envelope.version}`);
  }
  return { ...envelope, payload: definition.payload.parse(envelope.payload) } as DomainEvent;
}
