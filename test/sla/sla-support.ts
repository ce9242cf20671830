import type { RunningGateway } from "@signpost/gateway";
import type { Db } from "@signpost/db";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";

/** A fresh workspace with typed clients for its admin, agent and customer. */
export async function slaWorkspace(gw: RunningGateway) {
  const home = await signedInWorkspace(gw);
  return {
    home,
    admin: clientsFor(gw.url, home.sessions.admin).ticket,
    agent: clientsFor(gw.url, home.sessions.agent).ticket,
    customer: clientsFor(gw.url, home.sessions.customerA).ticket,
  };
}

export interface OutboxEvent {
  type: string;
  payload: Record<string, unknown>;
}

/** The events the ticket service recorded about one ticket, oldest first. */
export async function eventsOf(db: Db, ticketId: string): Promise<OutboxEvent[]> {
  const { rows } = await db.query<{ type: string; envelope: { payload: Record<string, unknown> } }>(
    `select type, envelope from ticket.outbox
      where envelope -> 'payload' ->> 'ticketId' = $1 order by seq`,
    [ticketId],
  );
  return rows.map((r) => ({
    type: r.type,
    payload: (typeof r.envelope === "string" ? JSON.parse(r.envelope) : r.envelope).payload,
  }));
}

/** How many events of `type` (and, when given, `metric`) a ticket has. */
export const countOf = (events: OutboxEvent[], type: string, metric?: string) =>
  events.filter((e) => e.type === type && (!metric || e.payload.metric === metric)).length;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Minutes as a policy target for a few seconds of test time. */
export const seconds = (s: number) => s / 60;
