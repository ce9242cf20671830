import { afterAll, beforeAll, expect, it } from "vitest";
import type { TAttachment, TIdentity } from "@signpost/contracts";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf, startTicketHarness, type TicketHarness } from "../testing/harness.ts";

const png = (size: number) => {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

describeWithInfra("attachments on Postgres and Redis", (infra) => {
  let h: TicketHarness;
  const ws = testWorkspace();
  let ticketId: string;

  beforeAll(async () => {
    // 64 KiB and 3 files per comment, so the limits are cheap to reach.
    h = await startTicketHarness(infra, { maxBytes: 64 * 1024, maxPerComment: 3 });
    await h.publishPeople(ws);
    ticketId = (
      await h.as(ws.customerA).tickets.create.mutate({
        subject: "Screenshot of the error",
        description: "See the attached image.",
      })
    ).id;
  });
  afterAll(async () => h?.stop());

  const upload = (
    who: TIdentity | null,
    body: Buffer | ReadableStream<Uint8Array>,
    type = "image/png",
    id = ticketId,
    filename = "screen.png",
  ) =>
    h.http(who, `/attachments?ticketId=${id}&filename=${encodeURIComponent(filename)}`, {
      method: "POST",
      headers: { "content-type": type },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    });

  const uploaded = async (who: TIdentity, size = 2048) => {
    const res = await upload(who, png(size));
    expect(res.status).toBe(201);
    return (await res.json()) as TAttachment;
  };

  it("streams an upload to disk and serves it to whoever may see its comment", async () => {
    const file = await uploaded(ws.customerA, 5000);
    expect(file).toMatchObject({ filename: "screen.png", contentType: "image/png", size: 5000 });
    // Pending: only its uploader can fetch it.
    expect((await h.http(ws.agent, `/attachments/${file.id}`)).status).toBe(404);
    const c = await h.as(ws.customerA).comments.add.mutate({
      ticketId,
      body: "Here it is",
      attachmentIds: [file.id],
    });
    expect(c.attachments).toEqual([file]);
    const res = await h.http(ws.agent, `/attachments/${file.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(png(5000))).toBe(true);
    const [event] = (await h.events("ticket.commented", ticketId)).filter(
      (e) => e.payload.commentId === c.id,
    );
    expect(event?.payload.attachmentCount).toBe(1);
  });

  it("never serves an internal note's attachment to a customer, nor any to another org", async () => {
    const file = await uploaded(ws.agent);
    await h.as(ws.agent).comments.add.mutate({
      ticketId,
      body: "Internal log",
      visibility: "internal",
      attachmentIds: [file.id],
    });
    expect((await h.http(ws.customerA, `/attachments/${file.id}`)).status).toBe(404);
    expect((await h.http(ws.admin, `/attachments/${file.id}`)).status).toBe(200);
    const thread = await h.as(ws.customerA).comments.list.query({ ticketId });
    expect(JSON.stringify(thread)).not.toContain(file.id);

    const pub = await uploaded(ws.customerA);
    await h.as(ws.customerA).comments.add.mutate({ ticketId, body: "x", attachmentIds: [pub.id] });
    expect((await h.http(ws.customerB, `/attachments/${pub.id}`)).status).toBe(404);
    expect((await h.http(testWorkspace().admin, `/attachments/${pub.id}`)).status).toBe(404);
    expect((await h.http(null, `/attachments/${pub.id}`)).status).toBe(401);
  });

  it("refuses files over the size limit, streamed or declared", async () => {
    const big = png(64 * 1024 + 1);
    expect((await upload(ws.customerA, big)).status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++)
          controller.enqueue(i === 0 ? png(10_000) : Buffer.alloc(10_000));
        controller.close();
      },
    });
    const res = await upload(ws.customerA, chunks);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/at most/);
  });

  it("checks the content type against the allowed list and the file's first bytes", async () => {
    const exe = await upload(ws.customerA, Buffer.from("MZ\x90\x00 not an image"));
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { error: { message: string } }).error.message).toMatch(
      /not a valid image\/png/,
    );
    expect((await upload(ws.customerA, png(100), "application/x-msdownload")).status).toBe(400);
    expect((await upload(ws.customerA, Buffer.from("plain words"), "text/plain")).status).toBe(201);
  });

  it("limits attachments per comment and refuses someone else's upload", async () => {
    const files = await Promise.all([1, 2, 3, 4].map(() => uploaded(ws.customerA)));
    expect(
      await codeOf(
        h.as(ws.customerA).comments.add.mutate({
          ticketId,
          body: "four files",
          attachmentIds: files.map((f) => f.id),
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        h.as(ws.agent).comments.add.mutate({
          ticketId,
          body: "stealing",
          attachmentIds: [files[0]!.id],
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("answers 404 for another organization's ticket and 400 for a bad query", async () => {
    expect((await upload(ws.customerB, png(100))).status).toBe(404);
    const bad = await h.http(ws.customerA, `/attachments?ticketId=nope`, {
      method: "POST",
      headers: { "content-type": "image/png" },
      body: png(10),
    });
    expect(bad.status).toBe(400);
  });
});
