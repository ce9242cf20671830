/**
 * The pieces the benchmarks under `test/bench` drive directly: they build a large KB without
 * embedding every chunk, and time the bare search statements beside the endpoint.
 */
export { chunkRepository, type ChunkToStore } from "./indexing/chunk-repository.ts";
export { searchRepository, type Audience } from "./suggestions/search-repository.ts";
export { corpusStatsCache } from "./suggestions/corpus-stats.ts";
export { splitTyped } from "./suggestions/split-typed.ts";
export { embeddingText, pieceHash, vectorMaker, wordCount } from "./indexing/load-source.ts";
export { retrievalTuning } from "./suggestions/tuning.ts";
