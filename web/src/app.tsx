import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TMe } from "@signpost/contracts";
import { SignIn } from "./sign-in.tsx";
import { SuggestionBox } from "./suggestion-box.tsx";
import { api, setCsrfToken } from "./trpc.ts";

/** A first screen until the portal and console land: sign in, then ask the KB. */
export function App() {
  const [me, setMe] = useState<TMe | null>(null);
  const session = useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      const current = await api.identity.auth.me.query();
      if (current) setCsrfToken(current.csrfToken);
      return current;
    },
  });
  const person = me ?? session.data ?? null;
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 720,
        margin: "3rem auto",
        lineHeight: 1.5,
      }}
    >
      <h1>Signpost</h1>
      <p>The support desk whose knowledge base answers customers before they file a ticket.</p>
      {session.isPending ? (
        <p>Loading…</p>
      ) : person ? (
        <>
          <p>
            Signed in as {person.name} ({person.roles.join(", ")}) in {person.workspaceName}.
          </p>
          <SuggestionBox />
        </>
      ) : (
        <SignIn onSignedIn={setMe} />
      )}
    </main>
  );
}
