import { describe, expect, it } from "vitest";
import type { TCustomFieldDef } from "@signpost/contracts";
import { fieldError } from "./validate-fields.ts";

const def = (type: TCustomFieldDef["type"], options: string[] = []): TCustomFieldDef => ({
  key: "f",
  label: "Field",
  type,
  options,
  required: false,
  active: true,
});

describe("custom field values", () => {
  it("checks each type", () => {
    expect(fieldError(def("text"), "x")).toBeNull();
    expect(fieldError(def("text"), 3)).toMatch(/text/);
    expect(fieldError(def("number"), 3.5)).toBeNull();
    expect(fieldError(def("number"), "3")).toMatch(/number/);
    expect(fieldError(def("select", ["a", "b"]), "b")).toBeNull();
    expect(fieldError(def("select", ["a", "b"]), "c")).toMatch(/one of a, b/);
    expect(fieldError(def("date"), "2026-02-28")).toBeNull();
    expect(fieldError(def("date"), "28/02/2026")).toMatch(/date/);
  });
  it("refuses an empty required field", () => {
    expect(fieldError({ ...def("text"), required: true }, null)).toMatch(/required/);
  });
});
