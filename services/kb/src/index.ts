export { createKbService } from "./service.ts";
export type { KbRouter } from "./router.ts";
export { kbRouter } from "./router.ts";
