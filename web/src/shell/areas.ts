import { lazy } from "react";
import type { Area } from "../session.ts";

// Each area is its own chunk: a customer's first load never carries the agent console, the
// editor or the reports.
export const areaPages = {
  portal: lazy(() => import("../portal/portal-area.tsx")),
  help: lazy(() => import("../help/help-area.tsx")),
  agent: lazy(() => import("../agent/agent-area.tsx")),
  kb: lazy(() => import("../kb/kb-area.tsx")),
  reports: lazy(() => import("../reports/reports-area.tsx")),
  admin: lazy(() => import("../admin/admin-area.tsx")),
} satisfies Record<Area, unknown>;

export const areaLabels: Record<Area, string> = {
  portal: "Support",
  help: "Help center",
  agent: "Agent console",
  kb: "Knowledge base",
  reports: "Reports",
  admin: "Admin",
};

export const areaOf = (path: string): Area | null => {
  const first = path.split("/")[1] ?? "";
  return first in areaLabels ? (first as Area) : null;
};
