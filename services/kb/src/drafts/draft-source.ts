/** A numbered source a draft may cite. */
export interface DraftSource {
  n: number;
  kind: "article" | "ticket";
  id: string;
  title: string;
  url: string;
  passage: string;
}
