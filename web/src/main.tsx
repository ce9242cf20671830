import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App } from "./app.tsx";
import { meKey } from "./session.ts";
import { setWorkspaceHint } from "./trpc.ts";
import { errorCode } from "./ui/errors.ts";
import "./styles.css";

// A session that ended (expired, signed out elsewhere) sends the person back to sign in, wherever
// the 401 came from.
const onError = (error: unknown) => {
  if (errorCode(error) === "UNAUTHORIZED") queryClient.setQueryData(meKey, null);
};
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) =>
        count < 2 &&
        !["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(errorCode(error) ?? ""),
    },
  },
});

setWorkspaceHint(new URLSearchParams(window.location.search).get("workspace") ?? "");

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
