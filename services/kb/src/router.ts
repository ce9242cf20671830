import { router } from "@signpost/service-kit";
import { articlesRouter } from "./articles/articles-router.ts";
import type { KbDeps } from "./deps.ts";
import { draftsRouter } from "./drafts/drafts-router.ts";
import { insightsRouter } from "./gaps/insights-router.ts";
import { suggestionLog } from "./gaps/suggestion-log.ts";
import { helpRouter } from "./help-center/help-router.ts";
import { indexingRouter } from "./indexing/indexing-router.ts";
import { suggestionsRouter } from "./suggestions/suggestions-router.ts";

export const kbRouter = (deps: KbDeps) => {
  const { embedQuery } = deps;
  const log = suggestionLog(deps.db);
  return router({
    articles: articlesRouter(deps),
    indexing: indexingRouter(deps.db),
    suggestions: suggestionsRouter({ db: deps.db, embedQuery, corpusStats: deps.corpusStats, log }),
    drafts: draftsRouter({
      db: deps.db,
      drafter: deps.drafter,
      embedQuery,
      corpusStats: deps.corpusStats,
    }),
    help: helpRouter(deps),
    insights: insightsRouter({ db: deps.db, log }),
  });
};

/** The only thing `web/` takes from this service: the router's type. */
export type KbRouter = ReturnType<typeof kbRouter>;
