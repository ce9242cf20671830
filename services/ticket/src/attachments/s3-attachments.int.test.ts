import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AppError, type TAttachment, type TIdentity } from "@signpost/contracts";
import { describeWithInfra, startS3Server, testWorkspace, type S3Server } from "@signpost/testkit";
import { startTicketHarness, type TicketHarness } from "../testing/harness.ts";
import { s3Storage, type S3StorageConfig } from "./s3-storage.ts";

const bucket = "signpost-attachments";
const maxBytes = 12 * 1024 * 1024;

/** A PNG-looking file of `size` bytes whose content varies, so a misplaced chunk would show. */
const png = (size: number) => {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32LE(i, Math.min(i, size - 4));
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

/** `bytes` as a request body that arrives in 64 KiB chunks, so nothing knows its size up front. */
const chunked = (bytes: Buffer) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 64 * 1024) {
        controller.enqueue(bytes.subarray(at, at + 64 * 1024));
      }
      controller.close();
    },
  });

describeWithInfra("attachments in an S3-compatible bucket", (infra) => {
  let s3: S3Server;
  let h: TicketHarness;
  let config: S3StorageConfig;
  const ws = testWorkspace();
  let ticketId: string;

  beforeAll(async () => {
    s3 = await startS3Server({ buckets: [bucket] });
    config = {
      bucket,
      endpoint: s3.url,
      region: "us-east-1",
      ...s3.credentials,
      forcePathStyle: true,
    };
    h = await startTicketHarness(infra, { maxBytes, maxPerComment: 3 }, { s3: config });
    await h.publishPeople(ws);
    ticketId = (
      await h.as(ws.customerA).tickets.create.mutate({
        subject: "Screen recording of the crash",
        description: "Attached below.",
      })
    ).id;
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    await s3?.close();
  });

  const upload = (who: TIdentity, body: Buffer | ReadableStream<Uint8Array>) =>
    h.http(who, `/attachments?ticketId=${ticketId}&filename=crash.png`, {
      method: "POST",
      headers: { "content-type": "image/png" },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    });
  const uploaded = async (who: TIdentity, bytes: Buffer) => {
    const res = await upload(who, bytes);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as TAttachment;
  };
  const objectOf = (who: TIdentity, file: TAttachment) =>
    s3.objects(bucket).get(`${who.workspaceId}/${file.id}`);
  const download = async (who: TIdentity, file: TAttachment) => {
    const res = await h.http(who, `/attachments/${file.id}`);
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const comment = (who: TIdentity, file: TAttachment, visibility: "public" | "internal") =>
    h.as(who).comments.add.mutate({
      ticketId,
      body: `With ${file.filename}`,
      visibility,
      attachmentIds: [file.id],
    });

  it("stores an upload through the attachment route in the bucket and streams it back", async () => {
    const bytes = png(300_000);
    const file = await uploaded(ws.customerA, bytes);
    expect(objectOf(ws.customerA, file)?.equals(bytes)).toBe(true);
    expect(s3.log).toContain(`PUT ${bucket}/${ws.workspaceId}/${file.id}`);
    await comment(ws.customerA, file, "public");
    const back = await download(ws.agent, file);
    expect(back.status).toBe(200);
    expect(back.bytes.equals(bytes)).toBe(true);
    expect((await download(ws.customerB, file)).status).toBe(404);
    expect((await download(testWorkspace().admin, file)).status).toBe(404);
  });

  it("sends a large streamed upload as a multipart upload and returns it byte-exact", async () => {
    const bytes = png(11 * 1024 * 1024 + 12_345);
    const res = await upload(ws.customerA, chunked(bytes));
    expect(res.status).toBe(201);
    const file = (await res.json()) as TAttachment;
    const key = `${bucket}/${ws.workspaceId}/${file.id}`;
    expect(s3.log).toEqual(
      expect.arrayContaining([`POST ?uploads ${key}`, `POST ?uploadId ${key}`]),
    );
    expect(s3.log.filter((l) => l === `PUT ?uploadId ${key}`)).toHaveLength(3);
    expect(s3.openUploads()).toBe(0);
    await comment(ws.customerA, file, "public");
    const back = await download(ws.admin, file);
    expect(back.bytes.length).toBe(bytes.length);
    expect(back.bytes.equals(bytes)).toBe(true);
  });

  it("refuses an internal note's attachment to the customer", async () => {
    const bytes = png(4096);
    const file = await uploaded(ws.agent, bytes);
    await comment(ws.agent, file, "internal");
    expect((await download(ws.customerA, file)).status).toBe(404);
    const staff = await download(ws.admin, file);
    expect(staff.bytes.equals(bytes)).toBe(true);
  });

  it("stops an oversized stream, aborting its multipart upload and leaving nothing behind", async () => {
    const before = s3.objects(bucket).size;
    const res = await upload(ws.customerA, chunked(png(maxBytes + 1)));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /at most 12582912 bytes/,
    );
    expect(s3.objects(bucket).size).toBe(before);
    expect(s3.openUploads()).toBe(0);
  });

  it("deletes an attachment from the bucket for its uploader or an admin, nobody else", async () => {
    const file = await uploaded(ws.customerA, png(2048));
    await comment(ws.customerA, file, "public");
    const del = (who: TIdentity) => h.http(who, `/attachments/${file.id}`, { method: "DELETE" });
    expect((await del(ws.customerB)).status).toBe(404);
    expect((await del(ws.agent)).status).toBe(403);
    expect(objectOf(ws.customerA, file)).toBeDefined();
    const ok = await del(ws.customerA);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ deleted: true });
    expect(objectOf(ws.customerA, file)).toBeUndefined();
    expect(s3.log).toContain(`DELETE ${bucket}/${ws.workspaceId}/${file.id}`);
    expect((await download(ws.agent, file)).status).toBe(404);
    const audit = await h.as(ws.agent).audit.forTicket.query({ ticketId });
    expect(audit.map((a) => a.action)).toContain("attachment_deleted");
  });

  it("answers a missing object with 404 and a broken store with a clear 503, never a 500", async () => {
    const file = await uploaded(ws.customerA, png(1024));
    s3.objects(bucket).delete(`${ws.workspaceId}/${file.id}`);
    const gone = await h.http(ws.customerA, `/attachments/${file.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({
      error: { code: "NOT_FOUND", message: "The attachment's file is missing from storage" },
    });

    const real = h.service.deps.storage;
    try {
      h.service.deps.storage = s3Storage({ ...config, bucket: "no-such-bucket" });
      const res = await upload(ws.customerA, png(1024));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        error: {
          code: "UNAVAILABLE",
          message: "Attachment storage could not store the file (NoSuchBucket)",
        },
      });
    } finally {
      h.service.deps.storage = real;
    }
  });

  it("names the reason when the store refuses the credentials or cannot be reached", async () => {
    const failure = async (storage: ReturnType<typeof s3Storage>) => {
      try {
        await storage.write(`${ws.workspaceId}/${crypto.randomUUID()}`, Readable.from(["x"]), 10);
        return null;
      } catch (error) {
        return error;
      }
    };
    const denied = await failure(s3Storage({ ...config, accessKeyId: "someone-else" }));
    expect(denied).toBeInstanceOf(AppError);
    expect((denied as AppError).code).toBe("UNAVAILABLE");
    expect((denied as AppError).message).toMatch(/could not store the file \(InvalidAccessKeyId\)/);
    const down = await startS3Server({ buckets: [bucket] });
    await down.close();
    const unreachable = await failure(s3Storage({ ...config, endpoint: down.url }));
    expect((unreachable as AppError).code).toBe("UNAVAILABLE");
    expect((unreachable as AppError).message).toMatch(/could not store the file \(ECONNREFUSED\)/);
  });
});
