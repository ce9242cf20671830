import { useTitle } from "../shell/use-title.ts";

export default function AgentArea() {
  useTitle("Agent console");
  return <h1>Agent console</h1>;
}
