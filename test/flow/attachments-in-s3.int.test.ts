import { afterAll, beforeAll, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import type { TAttachment } from "@signpost/contracts";
import { describeWithInfra, startS3Server, type S3Server } from "@signpost/testkit";
import { uploadAttachment } from "../support/attachments.ts";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";
import { postgresMode, testGatewayEnv, type RunMode } from "../support/run-modes.ts";

/** The gateway's ATTACHMENTS_S3_* settings reach the ticket service it runs in-process. */
describeWithInfra("attachments in an S3-compatible store, configured on the gateway", (infra) => {
  let s3: S3Server;
  let gw: RunningGateway;
  let mode: RunMode;
  let signed: Awaited<ReturnType<typeof signedInWorkspace>>;

  beforeAll(async () => {
    s3 = await startS3Server({ buckets: ["support-files"] });
    mode = await postgresMode(infra);
    gw = await startGateway(
      testGatewayEnv({
        ...mode.env,
        ATTACHMENTS_S3_BUCKET: "support-files",
        ATTACHMENTS_S3_ENDPOINT: s3.url,
        ATTACHMENTS_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        ATTACHMENTS_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
        ATTACHMENTS_S3_FORCE_PATH_STYLE: "true",
      }),
    );
    signed = await signedInWorkspace(gw);
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    await mode?.cleanup();
    await s3?.close();
  });

  it("stores an upload in the bucket and serves it back through the gateway", async () => {
    const customer = signed.sessions.customerA;
    const ticket = await clientsFor(gw.url, customer).ticket.tickets.create.mutate({
      subject: "Log file attached",
      description: "See the log.",
    });
    const file = Buffer.from("line one\nline two\n".repeat(5000));
    const res = await uploadAttachment(gw.url, customer, {
      ticketId: ticket.id,
      filename: "app.log",
      type: "text/plain",
      body: file,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const attachment = (await res.json()) as TAttachment;
    expect(s3.objects("support-files").get(`${signed.ws.workspaceId}/${attachment.id}`)).toEqual(
      file,
    );
    const back = await fetch(`${gw.url}${attachment.url}`, {
      headers: { cookie: customer.cookie },
    });
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(file)).toBe(true);
  });
});
