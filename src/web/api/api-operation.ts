// One operation of the JSON API as data: its route, the zod schemas of its inputs and outputs, and its
// handler. api-routes.ts mounts the list; openapi-document.ts describes the same list.
import type { z } from 'zod';
import type { Store, User, UserRole } from '../../store/store.js';
import type { WeightedTablesRunner } from '../../tasks/analyze.js';

export interface ApiDeps {
  readonly store: Store;
  /** Public base URL (links in exports); the request's origin when absent. */
  readonly baseUrl?: string | undefined;
  /** Weighted analyses on more than one thread (AnalysisThreads); absent: on the request's thread. */
  readonly analysisThreads?: WeightedTablesRunner | undefined;
}

/** JSON bodies are limited to 64 KB unless `maxBytes` says otherwise. */
export type ApiBody = { readonly kind: 'json'; readonly schema: z.ZodType; readonly maxBytes?: number } | { readonly kind: 'csv'; readonly maxBytes: number };

/** JSON (validated by the contract test against `schema`) or a file download. */
export type ApiSuccess =
  | { readonly status: 200 | 201; readonly schema: z.ZodType; readonly description: string }
  | { readonly status: 200; readonly mediaTypes: readonly string[]; readonly description: string };

export interface ApiRequest<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly user: User;
  readonly deps: ApiDeps;
  /** The request URL (origin for links). */
  readonly url: string;
}

/** JSON already serialised (a cached document): sent as is, with the operation's success status. */
export interface ApiJsonText {
  readonly kind: 'json-text';
  readonly text: string;
}

/** A download: bytes with a media type and a file name. */
export interface ApiFile {
  readonly kind: 'file';
  readonly data: string | Uint8Array;
  readonly mediaType: string;
  readonly fileName: string;
}

export interface ApiOperation<P = unknown, Q = unknown, B = unknown> {
  readonly id: string;
  readonly method: 'get' | 'post';
  /** Hono path below /api, e.g. `/v1/waves/:wave`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly role: UserRole;
  readonly params: z.ZodObject;
  readonly query: z.ZodObject;
  readonly body?: ApiBody;
  readonly success: ApiSuccess;
  readonly handle: (request: ApiRequest<P, Q, B>) => Promise<unknown>;
}

/** Ties the handler's input types to the schemas. */
export function apiOperation<PS extends z.ZodObject, QS extends z.ZodObject, BS extends z.ZodType = z.ZodUndefined>(
  operation: Omit<ApiOperation, 'params' | 'query' | 'body' | 'handle'> & {
    readonly params: PS;
    readonly query: QS;
    readonly body?: { readonly kind: 'json'; readonly schema: BS; readonly maxBytes?: number } | { readonly kind: 'csv'; readonly maxBytes: number };
    readonly handle: (request: ApiRequest<z.output<PS>, z.output<QS>, BS extends z.ZodUndefined ? Uint8Array : z.output<BS>>) => Promise<unknown>;
  },
): ApiOperation {
  return operation as unknown as ApiOperation;
}
