import type { Db } from "@signpost/db";
import { router } from "@signpost/service-kit";
import { articlesRouter } from "./articles/articles-router.ts";
import { indexingRouter } from "./indexing/indexing-router.ts";

export const kbRouter = (db: Db) =>
  router({ articles: articlesRouter(db), indexing: indexingRouter(db) });

/** The only thing `web/` takes from this service: the router's type. */
export type KbRouter = ReturnType<typeof kbRouter>;
