export { decide, type Action, type Decision, type ResourceScope } from "./policy.ts";
export { authorize } from "./authorize.ts";
