import { useId, useState } from "react";
import { acceptedTypes, maxAttachmentBytes, maxAttachments } from "./upload-attachment.ts";

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** Chooses files to attach: lists them with a remove button, refuses too many or too large. */
export function AttachmentPicker({
  files,
  onChange,
  disabled,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [problem, setProblem] = useState("");
  return (
    <div className="field">
      <label htmlFor={id}>Attachments</label>
      <input
        id={id}
        type="file"
        multiple
        accept={acceptedTypes}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = "";
          const tooBig = picked.filter((f) => f.size > maxAttachmentBytes);
          const fits = picked.filter((f) => f.size <= maxAttachmentBytes && f.size > 0);
          const next = [...files, ...fits].slice(0, maxAttachments);
          setProblem(
            tooBig.length
              ? `${tooBig.map((f) => f.name).join(", ")} ${tooBig.length === 1 ? "is" : "are"} larger than ${size(maxAttachmentBytes)}.`
              : files.length + fits.length > maxAttachments
                ? `At most ${maxAttachments} files.`
                : "",
          );
          onChange(next);
        }}
      />
      <span id={`${id}-hint`} className="field-hint">
        Up to {maxAttachments} files of {size(maxAttachmentBytes)}: images, PDF, text, CSV, ZIP,
        Word or Excel.
      </span>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
      {files.length > 0 && (
        <ul className="attachments" aria-label="Files to attach">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name} <span className="muted small">({size(f.size)})</span>{" "}
              <button
                type="button"
                className="link-button"
                disabled={disabled}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                Remove<span className="visually-hidden"> {f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
