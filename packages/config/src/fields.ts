import { z } from "zod";

/** A TCP port given as a string variable. */
export const port = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(0, "must be between 0 (any free port) and 65535")
    .max(65535, "must be between 0 (any free port) and 65535")
    .default(fallback);

/** A URL whose scheme must be one of `protocols` (without the colon). */
export const urlWith = (...protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
      } catch {
        return false;
      }
    },
    { error: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}` },
  );

export const postgresUrl = () => urlWith("postgres", "postgresql");
export const redisUrl = () => urlWith("redis", "rediss");
export const httpUrl = () => urlWith("http", "https");

/** "true"/"false"/"1"/"0" as a boolean; anything else is an error naming the variable. */
export const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .transform((v) => v === "true" || v === "1")
    .default(fallback);

export const logLevel = () =>
  z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");
