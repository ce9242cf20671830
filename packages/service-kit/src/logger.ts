import { pino, type DestinationStream, type Logger } from "pino";
import { currentRequestId } from "@signpost/queue";

export type { Logger } from "pino";

/**
 * JSON logs on stdout, one logger per deployable, children per request or job. A line written
 * while a request or an event is handled names its request id (see `withRequestId`).
 */
export function createLogger(
  name: string,
  level = "info",
  destination?: DestinationStream,
): Logger {
  const options = {
    name,
    level,
    base: undefined,
    mixin: (_context, _level, logger) => {
      const requestId = currentRequestId();
      // A child already bound to an id (an event's) keeps its own.
      return requestId && !logger.bindings().requestId ? { requestId } : {};
    },
  } satisfies pino.LoggerOptions;
  return destination ? pino(options, destination) : pino(options);
}
