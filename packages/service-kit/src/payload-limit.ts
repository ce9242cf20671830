import { bodyLimit } from "hono/body-limit";
import type { ErrorBody } from "@signpost/contracts";

/** Refuses bodies over `maxBytes` with a 413 in the one error shape. */
export const payloadLimit = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    // The unread rest of the body is still on the socket: close it rather than reuse it.
    onError: (c) =>
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
      ),
  });
