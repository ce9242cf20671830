import { describe, expect, it } from "vitest";
import { z } from "zod";
import { flag, port, postgresUrl } from "./fields.ts";
import { ConfigError, loadConfig } from "./load-config.ts";
import { standaloneServiceEnv } from "./service-env.ts";

describe("loadConfig", () => {
  const schema = z.object({
    PORT: port(3000),
    DATABASE_URL: postgresUrl().optional(),
    SEED: flag(true),
  });

  it("applies defaults and treats empty strings as unset", () => {
    expect(loadConfig(schema, { PORT: "", DATABASE_URL: "" })).toEqual({ PORT: 3000, SEED: true });
  });

  it("stops with a message naming each bad variable", () => {
    const error = (() => {
      try {
        loadConfig(schema, { PORT: "eighty", DATABASE_URL: "mysql://x", SEED: "maybe" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT: must be a number/);
    expect(message).toMatch(/DATABASE_URL: must be a URL starting with postgres:\/\//);
    expect(message).toMatch(/SEED: must be true or false/);
  });

  it("requires what a standalone service cannot run without", () => {
    expect(() => loadConfig(standaloneServiceEnv(4001), {})).toThrow(
      /DATABASE_URL[\s\S]*REDIS_URL[\s\S]*IDENTITY_PUBLIC_KEY/,
    );
    expect(() =>
      loadConfig(standaloneServiceEnv(4001), {
        DATABASE_URL: "postgres://h/db",
        REDIS_URL: "redis://h",
        IDENTITY_PUBLIC_KEY: "not json",
        SIGNPOST_ROLES: "http,teleport",
      }),
    ).toThrow(/IDENTITY_PUBLIC_KEY: must be a JWK[\s\S]*SIGNPOST_ROLES/);
  });
});
