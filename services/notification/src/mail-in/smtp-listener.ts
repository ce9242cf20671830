import { SMTPServer } from "smtp-server";
import type { Logger } from "@signpost/queue";
import type { NotificationDeps } from "../deps.ts";
import { mailRepository } from "../mail-out/mail-repository.ts";
import { acceptInboundMail } from "./accept-inbound.ts";

const maxMailBytes = 25 * 1024 * 1024;

/**
 * An optional SMTP listener for inbound mail: it accepts mail only for addresses that are some
 * workspace's support address (everything else is refused at RCPT TO, so it relays nothing), and
 * hands each mail to the same use-case as the HTTP endpoint.
 */
export async function startSmtpListener(
  deps: NotificationDeps,
  at: { port: number; host: string },
  logger: Logger,
): Promise<{ port: number; stop(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH"],
    size: maxMailBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      mailRepository.workspaceOfAddress(deps.db, address.address).then(
        (ws) =>
          callback(
            ws
              ? undefined
              : Object.assign(new Error("No such mailbox here"), { responseCode: 550 }),
          ),
        () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        void (async () => {
          for (const rcpt of session.envelope.rcptTo) {
            const ws = await mailRepository.workspaceOfAddress(deps.db, rcpt.address);
            if (ws) await acceptInboundMail(deps, ws, raw);
          }
        })().then(
          () => callback(),
          (error: unknown) => {
            logger.warn({ err: error }, "inbound SMTP mail failed");
            callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(at.port, at.host, () => resolve());
  });
  server.on("error", (error) => logger.warn({ err: error }, "SMTP listener error"));
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : at.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
