import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  attachmentS3Config,
  attachmentStorageEnvFields,
  checkAttachmentStorageEnv,
} from "./attachment-env.ts";
import { loadConfig } from "./load-config.ts";

const schema = z.object(attachmentStorageEnvFields).superRefine(checkAttachmentStorageEnv);

describe("attachment storage settings", () => {
  it("keeps local disk unless a bucket is named", () => {
    expect(attachmentS3Config(loadConfig(schema, {}))).toBeUndefined();
  });

  it("reads an S3-compatible store's settings", () => {
    const env = loadConfig(schema, {
      ATTACHMENTS_S3_BUCKET: "support-files",
      ATTACHMENTS_S3_ENDPOINT: "http://minio:9000",
      ATTACHMENTS_S3_ACCESS_KEY_ID: "key",
      ATTACHMENTS_S3_SECRET_ACCESS_KEY: "secret",
      ATTACHMENTS_S3_FORCE_PATH_STYLE: "true",
    });
    expect(attachmentS3Config(env)).toEqual({
      bucket: "support-files",
      endpoint: "http://minio:9000",
      region: "us-east-1",
      accessKeyId: "key",
      secretAccessKey: "secret",
      forcePathStyle: true,
    });
  });

  it("names the variable that is wrong or missing", () => {
    expect(() => loadConfig(schema, { ATTACHMENTS_S3_BUCKET: "Bad_Bucket" })).toThrow(
      /ATTACHMENTS_S3_BUCKET: must be an S3 bucket name/,
    );
    expect(() => loadConfig(schema, { ATTACHMENTS_S3_ENDPOINT: "minio:9000" })).toThrow(
      /ATTACHMENTS_S3_ENDPOINT: must be a URL/,
    );
    expect(() =>
      loadConfig(schema, { ATTACHMENTS_S3_BUCKET: "files", ATTACHMENTS_S3_ACCESS_KEY_ID: "key" }),
    ).toThrow(/ATTACHMENTS_S3_SECRET_ACCESS_KEY: set ATTACHMENTS_S3_ACCESS_KEY_ID and/);
  });
});
