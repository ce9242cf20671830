import { describe, expect, it } from "vitest";
import { e2eApp } from "./support/app.ts";

describe("presence on the agent's ticket page", () => {
  const app = e2eApp();

  it("shows a second agent who else is viewing, then replying to, the same ticket, until the tab closes", async () => {
    const ticket = await app().api("customerA").ticket.tickets.create.mutate({
      subject: "Invoice address is wrong",
      description: "The invoice shows our old street.",
    });
    const { agent, admin } = app().ws.ws;
    const first = await app().pageAs("admin", `/agent/tickets/${ticket.id}`);
    await first.getByRole("heading", { name: /Invoice address is wrong/ }).waitFor();
    const second = await app().pageAs("agent", `/agent/tickets/${ticket.id}`);
    await second.getByRole("heading", { name: /Invoice address is wrong/ }).waitFor();

    const seenBySecond = second.locator(".presence-bar");
    await seenBySecond.getByText(`${admin.name} is viewing`).waitFor();
    await first.locator(".presence-bar").getByText(`${agent.name} is viewing`).waitFor();

    await first
      .getByLabel("Reply (the customer will see this)")
      .fill("We have corrected the address");
    await seenBySecond.getByText(`${admin.name} is replying`).waitFor();
    // Nobody sees themself.
    expect(await seenBySecond.getByText(`${agent.name} is`).count()).toBe(0);

    // Closing the tab says so: the others see it well inside the server's 15 s lapse.
    await first.close({ runBeforeUnload: true });
    await expect.poll(() => seenBySecond.textContent(), { timeout: 5_000 }).toBe("");
  });
});
