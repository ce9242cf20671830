import { useId, useState } from "react";
import type { TAttachment } from "@signpost/contracts";
import { uploadAttachment } from "./attachment-upload.ts";

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * Files for the reply or note being written: each uploads as soon as it is chosen, and goes out
 * with the comment. A refused file (type, size) is named with the service's reason.
 */
export function AttachmentPicker({
  ticketId,
  csrfToken,
  files,
  onChange,
}: {
  ticketId: string;
  csrfToken: string;
  files: TAttachment[];
  onChange: (files: TAttachment[]) => void;
}) {
  const id = useId();
  const [uploading, setUploading] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const add = async (chosen: File[]) => {
    setErrors([]);
    setUploading(chosen.length);
    const results = await Promise.allSettled(
      chosen.map((f) => uploadAttachment(ticketId, f, csrfToken)),
    );
    setUploading(0);
    onChange([...files, ...results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []))]);
    setErrors(
      results.flatMap((r) =>
        r.status === "rejected"
          ? [r.reason instanceof Error ? r.reason.message : "Upload failed"]
          : [],
      ),
    );
  };
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={id}>Attach files</label>
        <input
          id={id}
          type="file"
          multiple
          disabled={uploading > 0}
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])];
            e.target.value = "";
            if (chosen.length) void add(chosen);
          }}
        />
      </div>
      {uploading > 0 && (
        <p role="status" className="muted small">
          Uploading {uploading} {uploading === 1 ? "file" : "files"}…
        </p>
      )}
      {files.length > 0 && (
        <ul className="attachments" aria-label="Attached to this message">
          {files.map((f) => (
            <li key={f.id}>
              {f.filename} <span className="muted small">({kb(f.size)})</span>{" "}
              <button
                type="button"
                className="link-button small"
                aria-label={`Remove ${f.filename}`}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <div role="alert" className="notice notice-error">
          {errors.join("; ")}
        </div>
      )}
    </div>
  );
}
