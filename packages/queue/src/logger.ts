/** The slice of pino's API the messaging code logs through. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** A logger whose every line carries `bindings` (the event's request id, say). */
  child(bindings: Record<string, unknown>): Logger;
}
