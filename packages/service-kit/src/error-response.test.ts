import { Hono } from "hono";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { errorResponse } from "./create-service-app.ts";

const app = (error: unknown) => {
  const a = new Hono();
  a.get("/", () => {
    throw error;
  });
  a.onError((e) => errorResponse(e, "req-1", pino({ level: "silent" })));
  return a;
};

describe("errorResponse outside tRPC", () => {
  // The gateway looks sessions up in plain Hono middleware: a cut connection there answered 500.
  it("answers 503 when the database connection was lost, so the client may retry", async () => {
    const terminated = Object.assign(
      new Error("terminating connection due to administrator command"),
      { code: "57P01" },
    );
    const res = await app(terminated).request("/");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: "UNAVAILABLE",
        message: "The database connection was lost; try again",
        requestId: "req-1",
      },
    });
  });

  it("still answers 500 for anything else, without its message", async () => {
    const res = await app(new Error("secret detail")).request("/");
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret detail");
  });
});
