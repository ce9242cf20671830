import { type z } from "zod";

/** Raised at start-up when the environment does not satisfy a deployable's config schema. */
export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/**
 * Parses environment variables with a zod object schema whose keys are the variable names, so a bad
 * value stops start-up with a message that names the variable.
 *
 * @example
 * const env = loadConfig(z.object({ PORT: port(3000) }), process.env);
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  // Empty strings are how shells and compose files spell "unset".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join(".") || "(root)",
      message: issue.message,
    })),
  );
}
