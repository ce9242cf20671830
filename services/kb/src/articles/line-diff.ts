export interface DiffLine {
  op: "same" | "add" | "remove";
  text: string;
}

// Beyond this many cells the table would be too big; such texts are shown as replaced wholesale.
const maxCells = 4_000_000;

/**
 * A line diff (longest common subsequence): lines of `a` missing from `b` are removed, lines of
 * `b` missing from `a` are added, in reading order.
 *
 * @example
 * lineDiff("a\nb", "a\nc") // [{op:"same",text:"a"},{op:"remove",text:"b"},{op:"add",text:"c"}]
 */
export function lineDiff(a: string, b: string): DiffLine[] {
  const x = a.split("\n");
  const y = b.split("\n");
  // Common head and tail cost nothing and keep the table small for typical edits.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  )
    tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const same = (lines: string[]) => lines.map((text): DiffLine => ({ op: "same", text }));
  const middle: DiffLine[] = [];
  if ((xs.length + 1) * (ys.length + 1) > maxCells) {
    middle.push(...xs.map((text): DiffLine => ({ op: "remove", text })));
    middle.push(...ys.map((text): DiffLine => ({ op: "add", text })));
  } else {
    const w = ys.length + 1;
    const lcs = new Uint32Array((xs.length + 1) * w);
    for (let i = xs.length - 1; i >= 0; i--)
      for (let j = ys.length - 1; j >= 0; j--)
        lcs[i * w + j] =
          xs[i] === ys[j]
            ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
            : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    let i = 0;
    let j = 0;
    while (i < xs.length || j < ys.length) {
      if (i < xs.length && j < ys.length && xs[i] === ys[j]) {
        middle.push({ op: "same", text: xs[i++] as string });
        j++;
      } else if (
        i < xs.length &&
        (j >= ys.length || (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))
      ) {
        middle.push({ op: "remove", text: xs[i++] as string });
      } else {
        middle.push({ op: "add", text: ys[j++] as string });
      }
    }
  }
  return [...same(x.slice(0, head)), ...middle, ...same(x.slice(x.length - tail))];
}
