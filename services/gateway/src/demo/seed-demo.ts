import { createTRPCClient, httpLink } from "@trpc/client";
import type { TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import type { KbRouter } from "@signpost/kb";
import type { TicketRouter } from "@signpost/ticket";
import type { Logger } from "@signpost/service-kit";
import { demoArticles, demoTickets } from "./demo-content.ts";
import { demoPeople } from "./demo-people.ts";

import type { ServiceName } from "@signpost/contracts";
import { provisionWorkspace } from "../identity/provision-workspace.ts";
import { demoWorkspace } from "./demo-people.ts";

type Upstreams = Record<ServiceName, (request: Request) => Promise<Response>>;

/**
 * Seeds the demo workspace once, through the services' own APIs (as its demo people), so the data
 * obeys every rule real input does and emits the same events.
 */
export async function seedDemo(opts: {
  db: Db;
  upstreams: Upstreams;
  signIdentity: (who: TIdentity) => Promise<string>;
  logger: Logger;
}): Promise<boolean> {
  const { rows } = await opts.db.query(`select 1 from gateway.meta where key = 'demo_seeded'`);
  if (rows.length > 0) return false;

  await provisionWorkspace(opts.db, demoWorkspace);
  // Straight to each service with a signed identity, as the gateway forwards a signed-in person.
  const signedAs = (service: ServiceName, who: TIdentity) => ({
    url: `http://upstream/trpc`,
    fetch: (url: URL | string, init?: RequestInit) =>
      opts.upstreams[service](new Request(url, init)),
    headers: async () => ({ authorization: `Bearer ${await opts.signIdentity(who)}` }),
  });
  const ticketAs = (who: TIdentity) =>
    createTRPCClient<TicketRouter>({ links: [httpLink(signedAs("ticket", who))] });
  const kbAs = (who: TIdentity) =>
    createTRPCClient<KbRouter>({ links: [httpLink(signedAs("kb", who))] });

  const editorKb = kbAs(demoPeople.editor.identity);
  for (const a of demoArticles) {
    await editorKb.articles.create.mutate({ ...a, visibility: "public", status: "published" });
  }
  const customerTickets = ticketAs(demoPeople.customer.identity);
  const agentTickets = ticketAs(demoPeople.agent.identity);
  for (const { resolve, ...t } of demoTickets) {
    const ticket = await customerTickets.tickets.create.mutate(t);
    if (resolve) await agentTickets.tickets.resolve.mutate({ ticketId: ticket.id });
  }
  await opts.db.query(
    `insert into gateway.meta (key, value) values ('demo_seeded', now()::text) on conflict do nothing`,
  );
  opts.logger.info(
    { articles: demoArticles.length, tickets: demoTickets.length },
    "demo data seeded",
  );
  return true;
}
