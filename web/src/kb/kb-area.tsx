import { useTitle } from "../shell/use-title.ts";

export default function KbArea() {
  useTitle("Knowledge base");
  return <h1>Knowledge base</h1>;
}
