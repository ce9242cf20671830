import type { TSlaState, TTicket } from "@signpost/contracts";

/** What a search row may carry about its SLA; every field optional (see `rowSla`). */
export interface RowSla {
  state?: TSlaState | undefined;
  dueAt?: string | null | undefined;
}

const states: readonly string[] = ["ok", "warning", "breached", "paused", "met"];
const isState = (v: unknown): v is TSlaState => typeof v === "string" && states.includes(v);
const isDate = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(Date.parse(v));

/**
 * The SLA a search row carries, when the ticket service puts it there: `row.sla` with
 * `state`/`dueAt`, `firstResponseDueAt`/`resolutionDueAt` or `breached`, or flat `slaState` and
 * `slaDueAt`. Null when the row says nothing runs; undefined when the row does not say, and the
 * cell asks for the ticket's SLA itself. Read field by field, so the column keeps working
 * whichever shape the row contract settles on.
 *
 * @example
 * rowSla({ ...ticket, sla: { state: "ok", resolutionDueAt: iso } }) // { state: "ok", dueAt: iso }
 */
export function rowSla(row: TTicket): RowSla | null | undefined {
  const flat = row as unknown as Record<string, unknown>;
  if (flat.sla === null) return null;
  const nested = typeof flat.sla === "object" ? (flat.sla as Record<string, unknown>) : undefined;
  if (!nested && !("slaState" in flat) && !("slaDueAt" in flat)) return undefined;
  const s = nested ?? { state: flat.slaState, dueAt: flat.slaDueAt };
  const dues = [s.dueAt, s.firstResponseDueAt, s.resolutionDueAt]
    .filter(isDate)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const state = isState(s.state) ? s.state : s.breached === true ? "breached" : undefined;
  return state || dues.length > 0 ? { state, dueAt: dues[0] ?? null } : null;
}
