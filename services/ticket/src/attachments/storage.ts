import { Transform, type Readable } from "node:stream";
import { AppError } from "@signpost/contracts";

/** Where attachment bytes live: local disk by default, or an S3-compatible bucket. */
export interface AttachmentStorage {
  /**
   * Streams `body` to `key`, never holding it whole in memory; refuses (and removes) anything over
   * `maxBytes`. Returns the size and the first bytes (for content checks).
   */
  write(key: string, body: Readable, maxBytes: number): Promise<{ size: number; head: Buffer }>;
  /** A stream of the stored bytes; NOT_FOUND when they are gone. */
  read(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

const headBytes = 512;

/**
 * A pass-through that counts bytes, fails with PAYLOAD_TOO_LARGE past `maxBytes` and keeps the
 * first bytes; every backend pipes uploads through one.
 */
export function byteMeter(maxBytes: number) {
  let size = 0;
  const head: Buffer[] = [];
  let headSize = 0;
  const stream = new Transform({
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
  return { stream, result: () => ({ size, head: Buffer.concat(head) }) };
}

/** Storage keys are `<workspace id>/<attachment id>`; anything else is a bug, never a path. */
export function checkKey(key: string): string {
  if (!/^[0-9a-f-]+\/[0-9a-f-]+$/.test(key)) throw new Error(`bad storage key ${key}`);
  return key;
}
