import { describe, expect, it } from "vitest";
import { testPassword } from "../support/clients.ts";
import { axeViolations } from "./support/browser.ts";
import { e2eApp } from "./support/app.ts";

describe("signing in and out", () => {
  const app = e2eApp();

  it("sends a signed-out visitor to sign-in, then back where they were going", async () => {
    const { ws } = app();
    const page = await app().anonymousPage("/portal");
    await page.getByRole("heading", { name: "Sign in to Signpost" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/signin");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Email").fill(ws.emailOf("customerA"));
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in to another workspace" }).click();
    await page.getByLabel("Workspace").fill(ws.slug);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    expect(await page.getByRole("alert").textContent()).toMatch(/incorrect|invalid|wrong/i);

    await page.getByLabel("Password").fill(testPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "My tickets", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/portal");
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Support", "Help center"]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Signpost" }).waitFor();
    await page.goto("/portal");
    await page.getByRole("heading", { name: "Sign in to Signpost" }).waitFor();
  });

  it("shows each role only the areas it may use, and refuses the others", async () => {
    const admin = await app().pageAs("admin", "/");
    const nav = admin.getByRole("navigation", { name: "Main" });
    await nav.waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Agent console",
      "Knowledge base",
      "Reports",
      "Admin",
      "Help center",
    ]);
    const editor = await app().pageAs("editor", "/reports");
    await editor.getByRole("heading", { name: "No access" }).waitFor();
    expect(
      await editor.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents(),
    ).toEqual(["Knowledge base", "Help center"]);
  });
});
