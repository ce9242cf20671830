import type { Db } from "@signpost/db";
import type { Logger } from "@signpost/service-kit";
import type { RateLimitPolicy } from "./rate-limiter.ts";

/** What the identity use-cases need from the deployment. */
export interface IdentityDeps {
  db: Db;
  logger: Logger;
  /** Where people reach the web app; links in invitations and resets point here. */
  publicUrl: string;
  sessionTtlSeconds: number;
  /** The workspace people sign in to when they name none. */
  defaultWorkspace: string;
  /** Log invitation and reset links (development only, until mail is wired). */
  logLinks: boolean;
  loginLimits: RateLimitPolicy;
}

export const invitationTtlSeconds = 7 * 24 * 3600;
export const resetTtlSeconds = 3600;
