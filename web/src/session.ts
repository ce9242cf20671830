import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TMe, TRole } from "@signpost/contracts";
import { navigate } from "./router.tsx";
import { api, setCsrfToken } from "./trpc.ts";

export const meKey = ["me"] as const;

/** The signed-in person (null when signed out); also arms the CSRF token for writes. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      const me = await api.identity.auth.me.query();
      setCsrfToken(me?.csrfToken ?? "");
      return me;
    },
    staleTime: Infinity,
  });
}

/** The signed-in person inside areas, which only render once someone is signed in. */
export function useSignedIn(): TMe {
  const { data } = useMe();
  if (!data) throw new Error("useSignedIn outside a signed-in page");
  return data;
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.identity.auth.signOut.mutate(),
    onSettled: () => {
      setCsrfToken("");
      client.clear();
      client.setQueryData(meKey, null);
      navigate("/signin", { replace: true });
    },
  });
}

export type Area = "portal" | "help" | "agent" | "kb" | "reports" | "admin";

const areaRoles: Record<Area, readonly TRole[]> = {
  portal: ["customer"],
  help: ["customer", "agent", "kb_editor", "admin"],
  agent: ["agent", "admin"],
  kb: ["kb_editor", "admin"],
  reports: ["admin"],
  admin: ["admin"],
};

export const canUse = (roles: readonly TRole[], area: Area) =>
  roles.some((r) => areaRoles[area].includes(r));

/** Where someone lands after signing in: the first area their roles open. */
export function homeFor(roles: readonly TRole[]): string {
  const first = (["portal", "agent", "kb", "reports"] as const).find((a) => canUse(roles, a));
  return `/${first ?? "portal"}`;
}

export const isStaffRole = (roles: readonly TRole[]) => roles.some((r) => r !== "customer");
