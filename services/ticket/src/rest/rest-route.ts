import type { TIdentity } from "@signpost/contracts";
import type { z } from "zod";
import type { TicketDeps } from "../deps.ts";

export interface RestContext {
  deps: TicketDeps;
  who: TIdentity;
  requestId: string;
}

/** What a request brought: path parameters, query values and the JSON body (if any). */
export interface RawRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * One REST endpoint, declared once: the server mounts it, the OpenAPI document describes it and the
 * security matrix checks it is covered, all from this declaration and its zod contracts.
 */
export interface RestRoute<I extends z.ZodType = z.ZodType> {
  /** Stable name, the OpenAPI operationId. */
  id: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI style: `/tickets/{ticketId}`. */
  path: string;
  summary: string;
  /** The contract the request is parsed with (a bad value is a 400 naming the field). */
  input?: I;
  /**
   * Turns the request into the contract's shape; by default the JSON body with the path
   * parameters laid over it (query strings need converting here, e.g. to numbers).
   */
  shape?: (raw: RawRequest) => unknown;
  /** The documented body, when it is not `input` without the path parameters. */
  body?: z.ZodType;
  /** Documented query parameters: name and description. */
  query?: [string, string][];
  output: z.ZodType;
  status?: 200 | 201;
  run(ctx: RestContext, input: z.output<I>): Promise<unknown>;
}

/** Declares a route with its input type inferred from the contract. */
export const restRoute = <I extends z.ZodType>(route: RestRoute<I>): RestRoute => route;

/** `/tickets/{ticketId}` → `/tickets/:ticketId` (Hono's syntax). */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/** The names of a path's parameters. */
export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
