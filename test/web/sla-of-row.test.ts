import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TTicket } from "@signpost/contracts";
import { rowSla } from "../../web/src/agent/sla-of-row.ts";

const now = new Date().toISOString();
const row: TTicket = {
  id: randomUUID(),
  number: 1,
  subject: "Row",
  description: "A row of the queue",
  status: "open",
  statusKey: "open",
  priority: "medium",
  category: "general",
  tags: [],
  source: "portal",
  requesterId: randomUUID(),
  orgId: null,
  assigneeId: null,
  groupId: null,
  collaboratorIds: [],
  customFields: {},
  mergedIntoId: null,
  createdAt: now,
  updatedAt: now,
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
};
const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const withSla = (extra: Record<string, unknown>): TTicket => ({ ...row, ...extra });

// Pins the column to whichever shape the search rows' SLA fields take once the contract has them.
describe("the SLA a queue row carries", () => {
  it("is unknown for a row without SLA fields, so the cell asks the service", () => {
    expect(rowSla(row)).toBeUndefined();
  });

  it("takes the nearest of the due dates a nested sla gives", () => {
    const sla = { state: "warning", firstResponseDueAt: at(2), resolutionDueAt: at(1) };
    expect(rowSla(withSla({ sla }))).toEqual({ state: "warning", dueAt: sla.resolutionDueAt });
  });

  it("reads a breach flag, flat fields, and says so when nothing runs", () => {
    expect(rowSla(withSla({ sla: { breached: true, dueAt: null } }))?.state).toBe("breached");
    const due = at(3);
    expect(rowSla(withSla({ slaState: "ok", slaDueAt: due }))).toEqual({ state: "ok", dueAt: due });
    expect(rowSla(withSla({ sla: null }))).toBeNull();
    expect(rowSla(withSla({ sla: { state: "nonsense", dueAt: "not a date" } }))).toBeNull();
  });
});
