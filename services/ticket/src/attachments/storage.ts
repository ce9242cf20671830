import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@signpost/contracts";

/** Where attachment bytes live. Local disk by default; an S3-compatible store fits the same shape. */
export interface AttachmentStorage {
  /**
   * Streams `body` to `key`, never holding it whole in memory; refuses (and removes) anything over
   * `maxBytes`. Returns the size and the first bytes (for content checks).
   */
  write(key: string, body: Readable, maxBytes: number): Promise<{ size: number; head: Buffer }>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

const headBytes = 512;

/** Stores attachments as files under `root`, written to a temporary name and renamed when complete. */
export function localDiskStorage(root: string): AttachmentStorage {
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]+\/[0-9a-f-]+$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(root, key);
  };
  return {
    async write(key, body, maxBytes) {
      const path = pathOf(key);
      const partial = `${path}.partial`;
      await mkdir(dirname(path), { recursive: true });
      let size = 0;
      const head: Buffer[] = [];
      let headSize = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) {
            done(new AppError("PAYLOAD_TOO_LARGE", `Attachments may be at most ${maxBytes} bytes`));
            return;
          }
          if (headSize < headBytes) {
            head.push(chunk.subarray(0, headBytes - headSize));
            headSize += Math.min(chunk.length, headBytes - headSize);
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, meter, createWriteStream(partial));
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { size, head: Buffer.concat(head) };
    },
    read: (key) => createReadStream(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
