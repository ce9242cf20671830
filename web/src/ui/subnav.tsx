import { Link, useLocation } from "../router.tsx";

/** An area's own navigation; the link for the current section is marked for screen readers. */
export function Subnav({
  label,
  links,
}: {
  label: string;
  links: { to: string; text: string; match?: (path: string) => boolean }[];
}) {
  const { path } = useLocation();
  return (
    <nav aria-label={label} className="subnav">
      {links.map((l) => (
        <Link
          key={l.to}
          to={l.to}
          aria-current={(l.match ? l.match(path) : path === l.to) ? "page" : undefined}
        >
          {l.text}
        </Link>
      ))}
    </nav>
  );
}
