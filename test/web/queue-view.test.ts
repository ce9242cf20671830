import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  defaultView,
  filtersOf,
  searchFor,
  viewFrom,
  viewOfSaved,
  type QueueView,
} from "../../web/src/agent/queue-view.ts";

const me = randomUUID();
const colleague = randomUUID();
const group = randomUUID();

/** What saving a view and picking it again does: filters to the service and back. */
const roundTrip = (view: QueueView) =>
  viewOfSaved(
    {
      id: "saved",
      name: "x",
      filters: filtersOf(view, me),
      sort: { field: view.sort, direction: view.dir },
    },
    me,
  );

describe("the queue's view", () => {
  it("asks the service for what is not resolved by default, urgent first", () => {
    expect(filtersOf(defaultView, me)).toEqual({
      status: ["open", "in_progress", "waiting_on_customer"],
    });
    expect(searchFor(defaultView)).toBe("");
  });

  it("turns me, unassigned and no group into the ids and nulls the service filters by", () => {
    const view = { ...defaultView, assignee: "me", group: "none" };
    expect(filtersOf(view, me)).toMatchObject({ assigneeId: [me], groupId: [null] });
    expect(filtersOf({ ...view, assignee: "none" }, me).assigneeId).toEqual([null]);
    expect(filtersOf({ ...view, assignee: colleague }, me).assigneeId).toEqual([colleague]);
  });

  it("drops blank text and tags, and lower-cases a tag as the service stores it", () => {
    const f = filtersOf({ ...defaultView, text: "  ", tag: " VIP " }, me);
    expect(f.text).toBeUndefined();
    expect(f.tag).toEqual(["vip"]);
  });

  it("comes back unchanged from a saved view, whatever its filters", () => {
    const views: QueueView[] = [
      defaultView,
      { ...defaultView, status: "all", assignee: "me", sort: "sla_due_at", dir: "asc" },
      {
        ...defaultView,
        status: "waiting_on_customer",
        priority: "urgent",
        category: "billing",
        assignee: "none",
        group,
        tag: "vip",
        sla: "breached",
        text: "refund",
      },
      { ...defaultView, assignee: colleague, group: "none", sort: "number" },
    ];
    for (const view of views) expect(roundTrip(view)).toEqual({ ...view, view: "saved" });
  });

  it("reads from the URL what it writes there", () => {
    const view: QueueView = { ...defaultView, priority: "high", tag: "vip", dir: "asc" };
    expect(viewFrom(new URLSearchParams(searchFor(view)))).toEqual(view);
  });
});
