import fc from "fast-check";
import { awkwardText, sqlInjections, xssPayloads } from "./corpus.ts";

const huge = [
  "A".repeat(200_000),
  "'; DROP TABLE ticket.tickets; --".repeat(4_000),
  "😀".repeat(40_000),
  "<script>".repeat(20_000),
];

/** Any string a hostile client might send in a text field. */
export const hostileString = (extra: string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...sqlInjections, ...xssPayloads, ...awkwardText) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 100 }) },
    { weight: 1, arbitrary: fc.constantFrom(...huge) },
    { weight: 1, arbitrary: fc.uuid() },
    ...(extra.length ? [{ weight: 1, arbitrary: fc.constantFrom(...extra) }] : []),
  );

/** Any JSON value of the wrong type or shape, nested junk included. */
export const junkValue = (extra: string[] = []): fc.Arbitrary<unknown> =>
  fc.oneof(
    hostileString(extra),
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, false, 0, -1, Number.MAX_SAFE_INTEGER, 1e308, -0),
    fc.array(hostileString(extra), { maxLength: 5 }),
    fc.jsonValue({ maxDepth: 6 }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
  );

/**
 * Inputs derived from a valid one: each field kept, swapped for a hostile string (so the query runs
 * with it) or for junk of any type, sometimes with extra keys; or an input of another shape.
 */
export function hostileInput(template: unknown, extra: string[] = []): fc.Arbitrary<unknown> {
  const derived =
    template && typeof template === "object" && !Array.isArray(template)
      ? fc
          .record(
            Object.fromEntries(
              Object.entries(template).map(([k, v]) => [
                k,
                fc.oneof(fc.constant(v), hostileString(extra), junkValue(extra)),
              ]),
            ),
          )
          .chain((r) =>
            fc.oneof(
              fc.constant(r as unknown),
              fc
                .dictionary(fc.constantFrom("__proto__", "constructor", "x", "$where"), junkValue())
                .map((more) => ({ ...more, ...r })),
            ),
          )
      : fc.constant(template);
  return fc.oneof({ weight: 4, arbitrary: derived }, { weight: 1, arbitrary: junkValue(extra) });
}
