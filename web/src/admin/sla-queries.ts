import { queryOptions } from "@tanstack/react-query";
import { api } from "../trpc.ts";

export const slaKeys = {
  policies: ["ticket", "sla", "policies"] as const,
  calendars: ["ticket", "sla", "calendars"] as const,
  settings: ["ticket", "sla", "settings"] as const,
};

export const policiesQuery = () =>
  queryOptions({
    queryKey: slaKeys.policies,
    queryFn: ({ signal }) => api.ticket.sla.policies.list.query(undefined, { signal }),
  });

export const calendarsQuery = () =>
  queryOptions({
    queryKey: slaKeys.calendars,
    queryFn: ({ signal }) => api.ticket.sla.calendars.list.query(undefined, { signal }),
  });

export const categoriesQuery = () =>
  queryOptions({
    queryKey: ["ticket", "categories"] as const,
    queryFn: ({ signal }) => api.ticket.fields.categories.query(undefined, { signal }),
    staleTime: 5 * 60_000,
  });
