export { createKbService, type KbService } from "./service.ts";
export type { KbRouter } from "./router.ts";
export { kbRouter } from "./router.ts";
export { createEmbedder } from "./embedding/create-embedder.ts";
export type { Embedder } from "./embedding/embedder.ts";
export { createDrafter } from "./drafts/llm-drafter.ts";
