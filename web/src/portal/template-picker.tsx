import { useQuery } from "@tanstack/react-query";
import type { TPortalTemplate } from "@signpost/contracts";
import { api } from "../trpc.ts";

/**
 * "Start from a template": the workspace's templates meant for customers. Choosing one fills the
 * form, which stays editable; nothing shows when there are none.
 */
export function TemplatePicker({ onPick }: { onPick: (t: TPortalTemplate) => void }) {
  const templates = useQuery({
    queryKey: ["ticket", "portalTemplates"],
    queryFn: ({ signal }) => api.ticket.macros.portalTemplates.query(undefined, { signal }),
    staleTime: 60_000,
  });
  if (!templates.data?.length) return null;
  return (
    <label className="field">
      <span>Template (optional)</span>
      <select
        name="template"
        defaultValue=""
        onChange={(e) => {
          const picked = templates.data.find((t) => t.id === e.target.value);
          if (picked) onPick(picked);
        }}
      >
        <option value="">None</option>
        {templates.data.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
