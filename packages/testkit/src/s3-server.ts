import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** S3 refuses to complete a multipart upload whose parts (but the last) are under 5 MiB. */
const minPartBytes = 5 * 1024 * 1024;

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const xml = (root: string, fields: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8"?><${root}>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join("")}</${root}>`;

const etagOf = (bytes: Buffer) => `"${createHash("md5").update(bytes).digest("hex")}"`;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Decodes `aws-chunked` bodies (what SDKs send for streamed uploads with trailing checksums):
 * `<hex size>[;chunk-signature=...]\r\n<bytes>\r\n` ... `0\r\n<trailers>\r\n\r\n`.
 */
function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf("\r\n", at);
    if (eol < 0) throw new S3Error(400, "IncompleteBody", "aws-chunked body ends early");
    const size = parseInt(body.subarray(at, eol).toString().split(";")[0] ?? "", 16);
    if (Number.isNaN(size)) throw new S3Error(400, "InvalidRequest", "bad aws-chunked size");
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/**
 * A small, honest S3 server for tests (S3 is a paid remote API): path-style buckets in memory,
 * PutObject, GetObject, HeadObject, DeleteObject and multipart uploads (create, upload part,
 * complete, abort). Signatures are not verified, but a request must carry SigV4 credentials with
 * the expected access key id, as S3 would demand.
 *
 * @example
 * const s3 = await startS3Server({ buckets: ["attachments"] });
 * // endpoint: s3.url, forcePathStyle: true, credentials: s3.credentials
 */
export async function startS3Server(opts: { buckets: string[]; accessKeyId?: string }) {
  const accessKeyId = opts.accessKeyId ?? "signpost-test";
  const buckets = new Map(opts.buckets.map((b) => [b, new Map<string, Buffer>()]));
  const uploads = new Map<string, { bucket: string; key: string; parts: Map<number, Buffer> }>();
  /** `OPERATION bucket/key` of every request, in order (e.g. to see multipart was used). */
  const log: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://s3");
    const [, bucketName = "", ...rest] = url.pathname.split("/");
    const key = rest.map(decodeURIComponent).join("/");
    const q = url.searchParams;
    const auth = req.headers.authorization ?? "";
    if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`)) {
      throw new S3Error(403, "InvalidAccessKeyId", "The access key id does not exist");
    }
    const bucket = buckets.get(bucketName);
    if (!bucket) throw new S3Error(404, "NoSuchBucket", `No bucket ${bucketName}`);
    if (!key) throw new S3Error(400, "InvalidRequest", "Bucket operations are not supported");
    const body = await readBody(req);
    const chunked =
      String(req.headers["content-encoding"] ?? "").includes("aws-chunked") ||
      String(req.headers["x-amz-content-sha256"] ?? "").startsWith("STREAMING-");
    const payload = chunked ? decodeAwsChunked(body) : body;
    const uploadId = q.get("uploadId");
    const upload = uploadId ? uploads.get(uploadId) : undefined;
    if (uploadId && !upload) throw new S3Error(404, "NoSuchUpload", "No such upload");

    const op = `${req.method} ${q.has("uploads") ? "?uploads" : uploadId ? "?uploadId" : ""}`;
    log.push(`${op.trim()} ${bucketName}/${key}`);
    switch (op) {
      case "PUT ": {
        bucket.set(key, payload);
        res.writeHead(200, { etag: etagOf(payload) }).end();
        return;
      }
      case "GET ":
      case "HEAD ": {
        const object = bucket.get(key);
        if (!object) throw new S3Error(404, "NoSuchKey", "The specified key does not exist");
        res.writeHead(200, {
          "content-length": object.length,
          "content-type": "application/octet-stream",
          etag: etagOf(object),
          "last-modified": new Date().toUTCString(),
        });
        res.end(req.method === "GET" ? object : undefined);
        return;
      }
      case "DELETE ": {
        bucket.delete(key);
        res.writeHead(204).end();
        return;
      }
      case "POST ?uploads": {
        const id = randomUUID();
        uploads.set(id, { bucket: bucketName, key, parts: new Map() });
        res
          .writeHead(200, { "content-type": "application/xml" })
          .end(
            xml("InitiateMultipartUploadResult", { Bucket: bucketName, Key: key, UploadId: id }),
          );
        return;
      }
      case "PUT ?uploadId": {
        const n = Number(q.get("partNumber"));
        if (!Number.isInteger(n) || n < 1 || n > 10000) {
          throw new S3Error(400, "InvalidArgument", "partNumber must be 1-10000");
        }
        upload!.parts.set(n, payload);
        res.writeHead(200, { etag: etagOf(payload) }).end();
        return;
      }
      case "POST ?uploadId": {
        const numbers = [...payload.toString().matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map(
          (m) => Number(m[1]),
        );
        const parts = numbers.map((n) => upload!.parts.get(n));
        if (numbers.length === 0 || parts.some((p) => !p)) {
          throw new S3Error(400, "InvalidPart", "A listed part was never uploaded");
        }
        if (parts.slice(0, -1).some((p) => p!.length < minPartBytes)) {
          throw new S3Error(400, "EntityTooSmall", "Parts but the last must be at least 5 MiB");
        }
        const object = Buffer.concat(parts as Buffer[]);
        bucket.set(key, object);
        uploads.delete(uploadId!);
        res.writeHead(200, { "content-type": "application/xml" }).end(
          xml("CompleteMultipartUploadResult", {
            Location: `${bucketName}/${key}`,
            Bucket: bucketName,
            Key: key,
            ETag: etagOf(object),
          }),
        );
        return;
      }
      case "DELETE ?uploadId": {
        uploads.delete(uploadId!);
        res.writeHead(204).end();
        return;
      }
      default:
        throw new S3Error(405, "MethodNotAllowed", `${req.method} is not supported here`);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const e = error instanceof S3Error ? error : new S3Error(500, "InternalError", String(error));
      if (res.headersSent) return void res.destroy();
      res
        .writeHead(e.status, { "content-type": "application/xml" })
        .end(
          req.method === "HEAD" ? undefined : xml("Error", { Code: e.code, Message: e.message }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId, secretAccessKey: "not-checked" },
    /** The objects of a bucket, by key. */
    objects: (bucket: string) => buckets.get(bucket) ?? new Map<string, Buffer>(),
    /** Multipart uploads neither completed nor aborted. */
    openUploads: () => uploads.size,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type S3Server = Awaited<ReturnType<typeof startS3Server>>;
