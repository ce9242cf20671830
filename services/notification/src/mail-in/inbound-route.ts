import type { Hono } from "hono";
import { AppError, type ErrorBody } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import { payloadLimit, type ServiceEnv } from "@signpost/service-kit";
import type { NotificationDeps } from "../deps.ts";
import { acceptInboundMail } from "./accept-inbound.ts";

// Providers cap mails near 25 MB; the gateway in front applies its own (smaller) request cap.
const maxMailBytes = 25 * 1024 * 1024;

/**
 * `POST /inbound/mail` with a raw MIME body: for mail providers' inbound webhooks. Reached through
 * the gateway (`/api/notification/inbound/mail`) with an admin API token, whose workspace the mail
 * is for.
 */
export function mountInboundRoute(app: Hono<ServiceEnv>, deps: NotificationDeps) {
  app.post("/inbound/mail", payloadLimit(maxMailBytes), async (c) => {
    const who = c.get("identity");
    if (!who) {
      return c.json<ErrorBody>(
        {
          error: { code: "UNAUTHORIZED", message: "Sign in first", requestId: c.get("requestId") },
        },
        401,
      );
    }
    authorize(who, "notification.mail.inbound");
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (raw.length === 0) throw new AppError("BAD_REQUEST", "The body must be a raw MIME mail");
    const result = await acceptInboundMail(deps, who.workspaceId, raw);
    return c.json(result, result.accepted ? 202 : 200);
  });
}
