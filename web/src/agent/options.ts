import type { TSlaState, TUser } from "@signpost/contracts";
import { priorities, priorityLabels } from "../ui/format.ts";

export const priorityOptions = priorities.map((p) => ({ value: p, label: priorityLabels[p] }));

export const slaStateLabels = {
  ok: "On track",
  warning: "Due soon",
  breached: "Breached",
  paused: "Paused",
  met: "Met",
} as const satisfies Record<TSlaState, string>;

export const slaStateOptions = (Object.keys(slaStateLabels) as TSlaState[]).map((s) => ({
  value: s,
  label: slaStateLabels[s],
}));

/** People who can hold a ticket or be mentioned: active agents and admins. */
export const activeStaff = (people: ReadonlyMap<string, TUser> | undefined): TUser[] =>
  [...(people?.values() ?? [])].filter(
    (u) => u.status === "active" && u.roles.some((r) => r === "agent" || r === "admin"),
  );
