import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { AppError, type ErrorBody } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { ServiceEnv } from "@signpost/service-kit";
import { formatCursor, parseCursor } from "../inbox/cursor.ts";
import { notificationRepository } from "../inbox/notification-repository.ts";
import { readerOf } from "../inbox/reader.ts";
import { toNotification } from "../inbox/to-dto.ts";
import type { PresenceStore } from "../presence/presence-store.ts";
import type { LiveHub } from "./live-hub.ts";
import { feedPresence } from "./presence-feed.ts";
import type { TicketActivityFeed } from "./ticket-activity.ts";

const keepAliveMs = 15_000;

/**
 * `GET /live/stream`: the caller's notifications as Server-Sent Events, each with its stream
 * position as `id`. A reconnecting EventSource sends the last one back as `Last-Event-ID` (or a
 * client passes `?after=` from a listed item) and gets exactly what came after it.
 *
 * `?presence=<ticketId>` (staff only) adds `presence` events: who else is on that ticket's page,
 * sent at once and whenever it changes. Presence is not resumed; each event is the whole list.
 *
 * Staff streams also get `ticket` events (`{ticketId, number, kind, at}`) whenever a ticket of the
 * workspace changes, so queues refresh at once. Customers never get them: the ids would tell them
 * of other organizations' tickets. Not resumed either: a reconnecting client refetches.
 */
export function mountLiveRoute(
  app: Hono<ServiceEnv>,
  db: Db,
  hub: LiveHub,
  presence: PresenceStore,
  activity: TicketActivityFeed,
) {
  app.get("/live/stream", async (c) => {
    const who = c.get("identity");
    if (!who) {
      return c.json<ErrorBody>(
        {
          error: { code: "UNAUTHORIZED", message: "Sign in first", requestId: c.get("requestId") },
        },
        401,
      );
    }
    authorize(who, "notification.read");
    const presenceTicket = c.req.query("presence");
    if (presenceTicket !== undefined) {
      authorize(who, "notification.presence");
      if (!z.uuid().safeParse(presenceTicket).success) {
        throw new AppError("BAD_REQUEST", "presence must be a ticket id");
      }
    }
    const reader = readerOf(who);
    let cursor =
      parseCursor(c.req.header("last-event-id")) ??
      parseCursor(c.req.query("after")) ??
      (await notificationRepository.head(db));
    c.header("cache-control", "no-cache, no-transform");
    c.header("x-accel-buffering", "no");

    return streamSSE(c, async (stream) => {
      let busy = false;
      let again = false;
      const pump = async () => {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            for (;;) {
              const rows = await notificationRepository.streamAfter(db, reader, cursor, 100);
              for (const r of rows) {
                if (stream.aborted) return;
                await stream.writeSSE({
                  id: formatCursor(r),
                  event: "notification",
                  data: JSON.stringify(toNotification(r)),
                });
                cursor = { xid: r.xid, seq: r.seq };
              }
              if (rows.length < 100) break;
            }
          } while (again && !stream.aborted);
        } finally {
          busy = false;
        }
      };
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      const unsubscribe = await hub.subscribe({
        reader,
        wake: () => void pump().catch(() => undefined),
      });
      try {
        await stream.writeSSE({
          event: "ready",
          data: JSON.stringify({ cursor: formatCursor(cursor) }),
          retry: 2000,
        });
        await pump();
        if (reader.agent) {
          const stop = await activity.subscribe(who.workspaceId, (a) => {
            if (stream.aborted) return;
            stream.writeSSE({ event: "ticket", data: JSON.stringify(a) }).catch(() => undefined);
          });
          void closed.then(stop);
        }
        if (presenceTicket !== undefined) {
          const stop = await feedPresence(
            presence,
            { workspaceId: who.workspaceId, ticketId: presenceTicket },
            (p) => stream.writeSSE({ event: "presence", data: JSON.stringify(p) }),
          );
          void closed.then(stop);
        }
        while (!stream.aborted) {
          await Promise.race([closed, stream.sleep(keepAliveMs)]);
          if (!stream.aborted) await stream.write(": keep-alive\n\n");
        }
      } finally {
        unsubscribe();
      }
    });
  });
}
