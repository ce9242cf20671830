import { afterAll, beforeAll } from "vitest";
import { testWorkspace, type Infra } from "@signpost/testkit";
import { startTicketHarness, type TicketHarness } from "./harness.ts";

/**
 * The usual setup of a ticket service suite, registered on the enclosing `describe`: a harness
 * started before the suite with one test workspace's people published to it, stopped after.
 * `h` is read inside tests and hooks only (it exists once `beforeAll` has run).
 */
export function ticketSuite(infra: Infra) {
  const ws = testWorkspace();
  let harness: TicketHarness | undefined;
  beforeAll(async () => {
    harness = await startTicketHarness(infra);
    await harness.publishPeople(ws);
  });
  afterAll(async () => harness?.stop());
  return {
    ws,
    get h(): TicketHarness {
      if (!harness)
        throw new Error("the ticket harness is started in beforeAll; read it in a test");
      return harness;
    },
  };
}
