import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { AppError, ZDraftReplyInput } from "@signpost/contracts";
import type { Logger, ServiceEnv } from "@signpost/service-kit";
import { streamDraft, type DraftDeps } from "./stream-draft.ts";

/**
 * `POST /drafts/stream` (through the gateway: `/api/kb/drafts/stream`): the draft as server-sent
 * events — `sources`, then `delta` and `citation` as the model writes, then `done` — so an agent
 * reads the reply while it is written. Same input, checks and result as `drafts.draft`.
 */
export function mountDraftStream(app: Hono<ServiceEnv>, deps: () => DraftDeps, logger: Logger) {
  app.post("/drafts/stream", async (c) => {
    const who = c.get("identity");
    if (!who) throw new AppError("UNAUTHORIZED", "Sign in first");
    const parsed = ZDraftReplyInput.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success)
      throw new AppError("BAD_REQUEST", "Invalid draft request", parsed.error.issues);
    const events = streamDraft(deps(), who, parsed.data);
    // The first step authorizes and retrieves: its errors still get a normal error response.
    const first = await events.next();
    return streamSSE(c, async (stream) => {
      try {
        if (!first.done)
          await stream.writeSSE({ event: first.value.type, data: JSON.stringify(first.value) });
        for await (const event of events) {
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
        }
      } catch (error) {
        logger.warn({ err: error }, "draft stream failed");
        await stream.writeSSE({
          event: "error",
          data: JSON.stringify({ type: "error", message: "The draft could not be finished" }),
        });
      }
    });
  });
}
