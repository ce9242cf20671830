import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One mail as the sink received it. */
export interface SunkMail {
  messageId: string;
  to: string[];
  subject: string;
}

/** How the sink answers: normally, refusing every connection, or failing every delivery. */
export type SinkMode = "accept" | "refuse-connections" | "fail-deliveries";

/**
 * A real SMTP server on a free local port that keeps every mail it accepted, by Message-ID, so a
 * test can count deliveries exactly. It can be made to fail as a struggling server does: refuse
 * connections (421 at the greeting) or take the mail and refuse it (451), both temporary errors.
 */
export async function startSmtpSink() {
  const received: SunkMail[] = [];
  let mode: SinkMode = "accept";
  let refused = 0;
  const temporary = (message: string, responseCode: number) =>
    Object.assign(new Error(message), { responseCode });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      if (mode !== "refuse-connections") return callback();
      refused++;
      callback(temporary("service not available, try later", 421));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (mode === "fail-deliveries") {
          refused++;
          callback(temporary("try later", 451));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (m) => {
            const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
              a.value.map((v) => v.address?.toLowerCase() ?? ""),
            );
            received.push({ messageId: m.messageId ?? "", to, subject: m.subject ?? "" });
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  // A sender killed mid-conversation resets its connection; smtp-server reports that as an
  // 'error' event, which would otherwise be an uncaught exception in the test process.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    setMode: (m: SinkMode) => void (mode = m),
    /** Connections and deliveries turned away so far. */
    refused: () => refused,
    /** How many times each Message-ID arrived. */
    countsByMessageId() {
      const counts = new Map<string, number>();
      for (const m of received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
