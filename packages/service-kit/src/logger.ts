import { pino, type Logger } from "pino";

export type { Logger } from "pino";

/** JSON logs on stdout, one logger per deployable, children per request or job. */
export function createLogger(name: string, level = "info"): Logger {
  return pino({ name, level, base: undefined });
}
