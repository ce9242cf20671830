import { PassThrough, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { AppError } from "@signpost/contracts";
import { byteMeter, checkKey, type AttachmentStorage } from "./storage.ts";

export interface S3StorageConfig {
  bucket: string;
  /** Unset: AWS itself; set for MinIO, R2, Ceph and other S3-compatible stores. */
  endpoint?: string | undefined;
  region: string;
  /** Unset: the SDK's default credential chain (instance role, environment, ...). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** `host/bucket/key` instead of `bucket.host/key`; most self-hosted stores want it. */
  forcePathStyle: boolean;
}

/** Uploads larger than one part go up as a multipart upload, a part at a time. */
const partBytes = 5 * 1024 * 1024;

/** Turns what the SDK throws into the one error model, with a message an operator can act on. */
function storageError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === "NoSuchKey" || e.name === "NotFound") {
    return new AppError("NOT_FOUND", "The attachment's file is missing from storage");
  }
  const reason = e.code ?? e.name ?? "unknown error";
  return new AppError("UNAVAILABLE", `Attachment storage could not ${action} the file (${reason})`);
}

/**
 * Stores attachments in an S3-compatible bucket, streamed both ways: uploads go through the byte
 * meter into a (multipart when large) upload, downloads stream the object's body.
 */
export function s3Storage(cfg: S3StorageConfig): AttachmentStorage {
  const client = new S3Client({
    region: cfg.region,
    forcePathStyle: cfg.forcePathStyle,
    ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
    ...(cfg.accessKeyId && cfg.secretAccessKey
      ? {
          credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
        }
      : {}),
    // Many S3-compatible stores reject the SDK's newer default trailing checksums; S3 accepts both.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return {
    async write(key, body, maxBytes) {
      const meter = byteMeter(maxBytes);
      const metered = new PassThrough();
      const upload = new Upload({
        client,
        params: { Bucket: cfg.bucket, Key: checkKey(key), Body: metered },
        partSize: partBytes,
        queueSize: 2,
        leavePartsOnError: false,
      });
      const reading = pipeline(body, meter.stream, metered);
      const sending = upload.done().catch((error: unknown) => {
        // The upload stopped reading: end the pipe too, or it would wait on it forever.
        metered.destroy(error as Error);
        throw error;
      });
      const [read, sent] = await Promise.allSettled([reading, sending]);
      // A refusal of the file itself (too large) explains more than the upload that it cut short.
      if (read.status === "rejected" && read.reason instanceof AppError) {
        await upload.abort().catch(() => undefined);
        throw read.reason;
      }
      if (sent.status === "rejected") throw storageError(sent.reason, "store");
      if (read.status === "rejected") throw storageError(read.reason, "store");
      return meter.result();
    },
    async read(key) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: cfg.bucket, Key: checkKey(key) }),
        );
        if (!object.Body) throw new AppError("NOT_FOUND", "The attachment's file is missing");
        return object.Body as Readable;
      } catch (error) {
        throw storageError(error, "read");
      }
    },
    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: checkKey(key) }));
      } catch (error) {
        throw storageError(error, "delete");
      }
    },
  };
}
