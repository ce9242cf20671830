import { useQuery } from "@tanstack/react-query";

interface Readiness {
  status: string;
  services: Record<string, boolean>;
}

/** Placeholder home until the portal and console land: shows that every service is up. */
export function App() {
  const ready = useQuery({
    queryKey: ["readyz"],
    queryFn: async () => (await fetch("/readyz")).json() as Promise<Readiness>,
    refetchInterval: 5000,
  });
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 640,
        margin: "4rem auto",
        lineHeight: 1.5,
      }}
    >
      <h1>Signpost</h1>
      <p>The support desk whose knowledge base answers customers before they file a ticket.</p>
      <h2>Services</h2>
      {ready.isPending && <p>Checking…</p>}
      {ready.isError && <p role="alert">The gateway did not answer.</p>}
      {ready.data && (
        <ul aria-label="service status">
          {Object.entries(ready.data.services).map(([name, up]) => (
            <li key={name}>
              {name}: <strong>{up ? "ready" : "down"}</strong>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
