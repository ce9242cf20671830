import { useTitle } from "../shell/use-title.ts";

export default function ReportsArea() {
  useTitle("Reports");
  return <h1>Reports</h1>;
}
