import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "../trpc.ts";

export const helpListQuery = () =>
  queryOptions({
    queryKey: ["kb", "help", "list"] as const,
    queryFn: ({ signal }) => api.kb.help.list.query({}, { signal }),
  });

export const helpSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ["kb", "help", "search", q] as const,
    queryFn: ({ signal }) => api.kb.help.search.query({ q, limit: 10 }, { signal }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export const helpArticleQuery = (slug: string) =>
  queryOptions({
    queryKey: ["kb", "help", "article", slug] as const,
    queryFn: ({ signal }) => api.kb.help.get.query({ slug }, { signal }),
    // Every read counts as a view; one per visit is enough.
    staleTime: Infinity,
  });
