import { z } from "zod";
import { ZNotificationKind } from "./notification.ts";

export const ZDigest = z.enum(["off", "hourly", "daily"]);
export type TDigest = z.infer<typeof ZDigest>;

export const ZKindPreference = z.object({
  kind: ZNotificationKind,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type TKindPreference = z.infer<typeof ZKindPreference>;

/** A person's notification settings: per kind and channel, and whether staff mails are digested. */
export const ZPreferences = z.object({
  kinds: z.array(ZKindPreference),
  /** Quiet digest: staff mails (not SLA breaches) gathered into one mail per period. */
  digest: ZDigest,
});
export type TPreferences = z.infer<typeof ZPreferences>;

export const ZUpdatePreferencesInput = z.object({
  kinds: z.array(ZKindPreference).max(50).optional(),
  digest: ZDigest.optional(),
});
