import { AppError, type TIdentity } from "@signpost/contracts";
import { decide, type Action, type ResourceScope } from "./policy.ts";

/** Throws the AppError matching `decide`'s verdict; returns when allowed. */
export function authorize(who: TIdentity, action: Action, resource?: ResourceScope): void {
  const verdict = decide(who, action, resource);
  if (verdict === "not_found") throw new AppError("NOT_FOUND", "Not found");
  if (verdict === "forbidden") throw new AppError("FORBIDDEN", `Your role may not ${action}`);
}
