import { type z } from "zod";
import { ZEventEnvelope, type EventDefinition, type TEventEnvelope } from "./envelope.ts";
import {
  csatSubmittedV1,
  slaBreachedV1,
  slaWarningV1,
  ticketAssignedV1,
  ticketClosedV1,
  ticketCommentedV1,
  ticketCreatedV1,
  ticketCreatedV2,
  ticketEscalatedV1,
  ticketMergedV1,
  ticketReopenedV1,
  ticketResolvedV1,
  ticketResolvedV2,
  ticketStatusChangedV1,
  ticketUpdatedV1,
} from "./ticket-events.ts";
import { articleFeedbackV1, articlePublishedV1, articleUnpublishedV1 } from "./kb-events.ts";
import {
  directoryGroupChangedV1,
  directoryUserChangedV1,
  invitationCreatedV1,
  passwordResetRequestedV1,
} from "./directory-events.ts";
import { mailReceivedV1 } from "./mail-events.ts";

/** The version of each event type that producers emit now. */
const latestEvents = [
  ticketCreatedV2,
  ticketUpdatedV1,
  ticketStatusChangedV1,
  ticketAssignedV1,
  ticketCommentedV1,
  ticketResolvedV2,
  ticketReopenedV1,
  ticketClosedV1,
  ticketMergedV1,
  ticketEscalatedV1,
  slaWarningV1,
  slaBreachedV1,
  csatSubmittedV1,
  articlePublishedV1,
  articleUnpublishedV1,
  articleFeedbackV1,
  directoryUserChangedV1,
  directoryGroupChangedV1,
  invitationCreatedV1,
  passwordResetRequestedV1,
  mailReceivedV1,
] as const;

/** Every event version the system knows: the latest, plus older ones consumers still accept. */
export const eventCatalog = [...latestEvents, ticketCreatedV1, ticketResolvedV1] as const;

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

type Latest = (typeof latestEvents)[number];

export const latestVersion = Object.fromEntries(latestEvents.map((d) => [d.type, d.version])) as {
  [K in EventType]: Extract<Latest, { type: K }>["version"];
};

/** The payload of the version `buildEvent` emits for each type. */
export type LatestPayloadOf<T extends EventType> = z.infer<Extract<Latest, { type: T }>["payload"]>;

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
