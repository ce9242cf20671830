import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ErrorBody } from "@signpost/contracts";

/**
 * Refuses bodies over `maxBytes` with a 413 in the one error shape.
 *
 * A request without a body, or with a Content-Length (and no Transfer-Encoding), is judged by its
 * headers alone, before Hono's `bodyLimit` would touch `c.req.raw.body`: on the Node server that
 * turns the lightweight request into a full web Request (a web stream over the socket, an abort
 * controller), a cost every API call paid whether or not it had a body.
 */
export const payloadLimit = (maxBytes: number): MiddlewareHandler => {
  const streamed = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => tooLarge(c, maxBytes),
  });
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(length) > maxBytes ? tooLarge(c, maxBytes) : next();
    }
    return streamed(c, next);
  };
};

// The unread rest of the body is still on the socket: close it rather than reuse it.
const tooLarge = (c: Context, maxBytes: number) =>
  c.json<ErrorBody>(
    {
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: `Request body exceeds ${maxBytes} bytes`,
        requestId: c.res.headers.get("x-request-id") ?? c.req.header("x-request-id"),
      },
    },
    413,
    { connection: "close" },
  );
