import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError } from "@signpost/contracts";
import { byteMeter, checkKey, type AttachmentStorage } from "./storage.ts";

/** Stores attachments as files under `root`, written to a temporary name and renamed when complete. */
export function localDiskStorage(root: string): AttachmentStorage {
  const pathOf = (key: string) => join(root, checkKey(key));
  return {
    async write(key, body, maxBytes) {
      const path = pathOf(key);
      const partial = `${path}.partial`;
      await mkdir(dirname(path), { recursive: true });
      const meter = byteMeter(maxBytes);
      try {
        await pipeline(body, meter.stream, createWriteStream(partial));
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return meter.result();
    },
    async read(key) {
      // Opened before answering, so a missing file is a clear 404 rather than a broken download.
      const handle = await open(pathOf(key), "r").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") {
          throw new AppError("NOT_FOUND", "The attachment's file is missing from storage");
        }
        throw error;
      });
      return handle.createReadStream();
    },
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
