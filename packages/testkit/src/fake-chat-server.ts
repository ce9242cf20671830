import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
}

/**
 * A local stand-in for a paid OpenAI-compatible chat API: answers POST /v1/chat/completions by
 * streaming `deltas` as server-sent events, and records what it was asked.
 */
export async function startFakeChatServer(
  deltas: string[],
  /** Wait this long before each delta, so a client can be seen reading mid-stream. */
  opts: { delayMs?: number } = {},
) {
  const requests: ChatRequest[] = [];
  const authorization: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as ChatRequest;
      requests.push(parsed);
      authorization.push(req.headers.authorization ?? "");
      res.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = (delta: Record<string, string>, finish: string | null) =>
        `data: ${JSON.stringify({
          id: "chatcmpl-test",
          object: "chat.completion.chunk",
          created: 0,
          model: parsed.model,
          choices: [{ index: 0, delta, finish_reason: finish }],
        })}\n\n`;
      res.write(chunk({ role: "assistant", content: "" }, null));
      const finish = () => {
        res.write(chunk({}, "stop"));
        res.end("data: [DONE]\n\n");
      };
      if (!opts.delayMs) {
        for (const d of deltas) res.write(chunk({ content: d }, null));
        finish();
        return;
      }
      const delay = opts.delayMs;
      // A client that went away (a cancelled draft) ends the stream early.
      const next = (i: number) => {
        if (res.destroyed) return;
        const d = deltas[i];
        if (d === undefined) return finish();
        res.write(chunk({ content: d }, null));
        setTimeout(() => next(i + 1), delay);
      };
      setTimeout(() => next(0), delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    authorization,
    // Kept-alive client connections would hold close() open; a closed API refuses them all.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
