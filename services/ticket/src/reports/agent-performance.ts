import type { TAgentPerformance, TIdentity, TReportRange } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { ticketReportRepository as repo } from "./report-repository.ts";

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Per agent in the range: tickets solved, average first response and resolution, CSAT. */
export async function agentPerformance(
  deps: TicketDeps,
  who: TIdentity,
  range: TReportRange,
): Promise<TAgentPerformance> {
  authorize(who, "ticket.report");
  const args = [deps.db, who.workspaceId, range.from, range.to] as const;
  const [solved, responses, ratings] = await Promise.all([
    repo.solvedByAgent(...args),
    repo.firstResponsesByAgent(...args),
    repo.ratingsByAgent(...args),
  ]);
  const ids = [...new Set([...solved, ...responses, ...ratings].map((r) => r.agent_id))];
  const names = await repo.names(deps.db, who.workspaceId, ids);
  const agents = ids.map((agentId) => {
    const s = solved.find((r) => r.agent_id === agentId);
    const f = responses.find((r) => r.agent_id === agentId);
    const c = ratings.find((r) => r.agent_id === agentId);
    return {
      agentId,
      name: names.get(agentId) ?? "Former agent",
      solved: s?.n ?? 0,
      avgFirstResponseMinutes: round1(f?.avg_minutes ?? null),
      avgResolutionMinutes: round1(s?.avg_minutes ?? null),
      csatCount: c?.n ?? 0,
      csatAverage: c ? Math.round(c.avg_rating * 100) / 100 : null,
    };
  });
  agents.sort((a, b) => b.solved - a.solved || a.name.localeCompare(b.name));
  return { from: range.from, to: range.to, agents };
}
