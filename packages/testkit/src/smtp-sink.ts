import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** How the sink answers: normally, refusing every connection, or failing every delivery. */
export type SinkMode = "accept" | "refuse-connections" | "fail-deliveries";

const recipientsOf = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
    a.value.map((v) => v.address?.toLowerCase() ?? ""),
  );

/**
 * A real SMTP server on a free local port that keeps every mail it accepted, parsed, so a test
 * can read them and count deliveries exactly by Message-ID. It can be made to fail as a
 * struggling server does: refuse connections (421 at the greeting), or take mails and refuse them
 * (451), for the next n mails or until told otherwise. Both are temporary errors.
 */
export async function startSmtpSink() {
  const received: ParsedMail[] = [];
  let mode: SinkMode = "accept";
  let failures = 0;
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
        if (mode === "fail-deliveries" || failures > 0) {
          if (failures > 0) failures--;
          refused++;
          callback(temporary("try later", 451));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (m) => {
            received.push(m);
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
    /** Mails to `address`. */
    to: (address: string) =>
      received.filter((m) => recipientsOf(m).includes(address.toLowerCase())),
    setMode: (m: SinkMode) => void (mode = m),
    /** Refuses the next `n` mails with 451 (0 takes mail again). */
    failNext: (n: number) => void (failures = n),
    /** Connections and deliveries turned away so far. */
    refused: () => refused,
    /** How many times each Message-ID arrived. */
    countsByMessageId() {
      const counts = new Map<string, number>();
      for (const m of received)
        counts.set(m.messageId ?? "", (counts.get(m.messageId ?? "") ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
