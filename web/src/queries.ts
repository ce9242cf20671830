import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "./trpc.ts";

// Query keys and fetchers in one place, so a mutation anywhere invalidates the right lists.
export const keys = {
  tickets: ["ticket", "list"] as const,
  ticket: (id: string) => ["ticket", "get", id] as const,
  articles: ["kb", "articles"] as const,
  article: (id: string) => ["kb", "article", id] as const,
  notifications: ["notification", "list"] as const,
  unread: ["notification", "unread"] as const,
  comments: (id: string) => ["ticket", "comments", id] as const,
};

export const ticketsQuery = () =>
  queryOptions({
    queryKey: keys.tickets,
    queryFn: ({ signal }) => api.ticket.tickets.list.query({ limit: 100 }, { signal }),
  });

export const ticketQuery = (ticketId: string) =>
  queryOptions({
    queryKey: keys.ticket(ticketId),
    queryFn: ({ signal }) => api.ticket.tickets.get.query({ ticketId }, { signal }),
  });

export const articlesQuery = () =>
  queryOptions({
    queryKey: keys.articles,
    queryFn: ({ signal }) => api.kb.articles.list.query(undefined, { signal }),
  });

export const articleQuery = (articleId: string) =>
  queryOptions({
    queryKey: keys.article(articleId),
    queryFn: ({ signal }) => api.kb.articles.get.query({ articleId }, { signal }),
  });

/**
 * Suggestions for what was typed. A newer key leaves the older request without observers, and
 * TanStack Query aborts it through `signal`, so a slow stale answer never overwrites a fresh one.
 */
export const suggestQuery = (subject: string, description: string, limit = 5) =>
  queryOptions({
    queryKey: ["kb", "suggest", subject, description, limit] as const,
    queryFn: ({ signal }) =>
      api.kb.suggestions.suggest.query({ subject, description, limit }, { signal }),
    enabled: (subject + description).trim().length >= 3,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** Everyone in the workspace, to show names instead of ids (staff only). */
export const peopleQuery = () =>
  queryOptions({
    queryKey: ["identity", "users"] as const,
    queryFn: ({ signal }) => api.identity.directory.users.list.query({}, { signal }),
    staleTime: 5 * 60_000,
    select: (users) => new Map(users.map((u) => [u.id, u])),
  });

export const organizationsQuery = () =>
  queryOptions({
    queryKey: ["identity", "organizations"] as const,
    queryFn: ({ signal }) => api.identity.directory.organizations.list.query(undefined, { signal }),
    staleTime: 5 * 60_000,
    select: (orgs) => new Map(orgs.map((o) => [o.id, o])),
  });

export const notificationsQuery = () =>
  queryOptions({
    queryKey: keys.notifications,
    queryFn: ({ signal }) => api.notification.notifications.list.query({ limit: 30 }, { signal }),
  });

export const unreadQuery = () =>
  queryOptions({
    queryKey: keys.unread,
    queryFn: ({ signal }) =>
      api.notification.notifications.unreadCount.query(undefined, { signal }),
  });
