import { useTitle } from "../shell/use-title.ts";

export default function PortalArea() {
  useTitle("Support");
  return <h1>Support</h1>;
}
