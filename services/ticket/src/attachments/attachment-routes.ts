import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Hono } from "hono";
import { AppError } from "@signpost/contracts";
import type { ServiceEnv } from "@signpost/service-kit";
import { z } from "zod";
import type { TicketDeps } from "../deps.ts";
import { deleteAttachment } from "./delete-attachment.ts";
import { openAttachment } from "./open-attachment.ts";
import { uploadAttachment } from "./upload-attachment.ts";

const ZUploadQuery = z.object({
  ticketId: z.uuid({ error: "ticketId must be a ticket id" }),
  filename: z.string().trim().min(1, "filename is required").max(255),
});

const identityOf = (c: { get(k: "identity"): ServiceEnv["Variables"]["identity"] }) => {
  const who = c.get("identity");
  if (!who) throw new AppError("UNAUTHORIZED", "Sign in first");
  return who;
};

/**
 * Attachments travel outside tRPC so bytes stream to storage instead of being buffered as JSON:
 * `POST /attachments?ticketId=...&filename=...` with the raw file as the body, then
 * `GET /attachments/:id`; `DELETE /attachments/:id` removes it (uploader or admin).
 */
export const attachmentRoutes = (deps: TicketDeps) =>
  new Hono<ServiceEnv>()
    .post("/", async (c) => {
      const who = identityOf(c);
      const query = ZUploadQuery.safeParse(c.req.query());
      if (!query.success) {
        throw new AppError("BAD_REQUEST", query.error.issues.map((i) => i.message).join("; "));
      }
      const declared = Number(c.req.header("content-length") ?? "0");
      if (declared > deps.attachmentLimits.maxBytes) {
        throw new AppError(
          "PAYLOAD_TOO_LARGE",
          `Attachments may be at most ${deps.attachmentLimits.maxBytes} bytes`,
        );
      }
      const raw = c.req.raw.body;
      if (!raw) throw new AppError("BAD_REQUEST", "The request has no file in its body");
      const attachment = await uploadAttachment(
        deps,
        who,
        { ...query.data, contentType: c.req.header("content-type") ?? "" },
        Readable.fromWeb(raw as WebReadableStream<Uint8Array>),
      );
      return c.json(attachment, 201);
    })
    .get("/:id", async (c) => {
      const who = identityOf(c);
      const id = z.uuid().safeParse(c.req.param("id"));
      if (!id.success) throw new AppError("NOT_FOUND", "Not found");
      const { meta, stream } = await openAttachment(deps, who, id.data);
      const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
      return new Response(body, {
        headers: {
          "content-type": meta.contentType,
          "content-length": String(meta.size),
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
          "x-content-type-options": "nosniff",
          "cache-control": "private, no-store",
        },
      });
    })
    .delete("/:id", async (c) => {
      const who = identityOf(c);
      const id = z.uuid().safeParse(c.req.param("id"));
      if (!id.success) throw new AppError("NOT_FOUND", "Not found");
      await deleteAttachment(deps, who, id.data);
      return c.json({ deleted: true as const });
    });
