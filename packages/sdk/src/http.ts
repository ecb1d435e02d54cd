// The core client: any typed document over HTTP (fetch), one Bearer credential, errors as PartnergraphError,
// opt-in retries for idempotent operations, and cursor pagination. No WebSocket code and no documents of its
// own, so an app that imports it and one operation bundles just those.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { FormattedExecutionResult } from "graphql";
import { PartnergraphError } from "./errors.js";
import { type Operation, operationOf } from "./operation.js";

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A partner API key, program secret key or admin key. */
  apiKey?: string | undefined;
  /** A session token from verifyLoginCode (sent the same way as a key). */
  token?: string | undefined;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch | undefined;
  /** Extra headers for every HTTP request. */
  headers?: Record<string, string> | undefined;
  /**
   * Retry idempotent operations (queries; mutations carrying an idempotency key) after QUOTA_EXCEEDED and
   * SERVICE_UNAVAILABLE (waiting for Retry-After) and network failures, with exponential backoff. Off by default; `true` for the defaults.
   */
  retry?: boolean | RetryOptions | undefined;
  /** Subscriptions: a WebSocket implementation where there is no global one (Node 20: the `ws` package). */
  webSocketImpl?: unknown;
  /** Subscriptions: reconnect attempts after the connection drops (default 5, with backoff). */
  retryAttempts?: number | undefined;
}

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  attempts?: number | undefined;
  /** The first backoff in milliseconds, doubled at each retry, with full jitter (default 300). */
  baseDelayMs?: number | undefined;
  /** The longest wait in milliseconds (default 30 000); a longer Retry-After is not waited for: the error is thrown. */
  maxDelayMs?: number | undefined;
  /** Called before each wait, e.g. to log it. */
  onRetry?: ((retry: { attempt: number; delayMs: number; error: PartnergraphError }) => void) | undefined;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Extra headers for this request. */
  headers?: Record<string, string> | undefined;
  /** This call's retry setting, instead of the client's. */
  retry?: boolean | RetryOptions | undefined;
  /** Whether this operation may be sent again; by default queries may, and mutations carrying an idempotency key. */
  idempotent?: boolean | undefined;
}

/** Variables, then options: the variables may be left out when none is required. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends V` is how "V has no required variable" is spelt.
export type VariablesArgs<V, O = RequestOptions> = {} extends V
  ? [variables?: V, options?: O]
  : [variables: V, options?: O];

/** The variables of a document that can be paginated: it declares `$after` (never for other documents). */
export type PageVariables<V> = string extends keyof V ? never : "after" extends keyof V ? V : never;

/** A Relay connection as selected: its pageInfo and its nodes (or edges). */
export type Connection<N> = {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null | undefined };
} & ({ readonly nodes: readonly N[] } | { readonly edges: readonly { readonly node: N }[] });

type NodeOf<C> = C extends { nodes: readonly (infer N)[] }
  ? N
  : C extends { edges: readonly { node: infer N }[] }
    ? N
    : never;
/** The node type of the one top-level connection in a result. */
export type ConnectionNode<R> = {
  [K in keyof R]: NonNullable<R[K]> extends { pageInfo: unknown } ? NodeOf<NonNullable<R[K]>> : never;
}[keyof R];

export interface HttpClient {
  /** Sends any typed document (the SDK's `…Document`s, or your own selections typed by codegen). */
  request<R, V>(document: TypedDocumentNode<R, V>, ...args: NoInfer<VariablesArgs<V>>): Promise<R>;
  /**
   * Every node of a connection, page after page (following `pageInfo.endCursor` through the `$after` variable).
   * `select` picks the connection from a page; by default the result's one top-level field with a `pageInfo`.
   */
  paginate<R, V extends { after?: string | null | undefined }, N = ConnectionNode<R>>(
    document: TypedDocumentNode<R, V>,
    variables: NoInfer<PageVariables<V>>,
    select?: (data: R) => Connection<N> | null | undefined,
    options?: RequestOptions,
  ): AsyncIterableIterator<N>;
  /** Use another credential from now on (e.g. the token after logging in). */
  setCredential(credential: string | undefined): void;
}

/** Retry settings with their defaults, or undefined when retries are off. */
function retrySettings(setting: boolean | RetryOptions | undefined) {
  if (!setting) return undefined;
  const given = setting === true ? {} : setting;
  return {
    attempts: given.attempts ?? 3,
    baseDelayMs: given.baseDelayMs ?? 300,
    maxDelayMs: given.maxDelayMs ?? 30_000,
    onRetry: given.onRetry,
  };
}

/** How long to wait before retrying after this error, or undefined when it is not worth retrying. */
function delayBeforeRetry(
  error: PartnergraphError,
  attempt: number,
  retry: NonNullable<ReturnType<typeof retrySettings>>,
): number | undefined {
  // A spent budget and an unavailable service both say when to come back (Retry-After).
  const limited =
    error.code === "QUOTA_EXCEEDED" ||
    error.code === "SERVICE_UNAVAILABLE" ||
    (error.code === "BAD_RESPONSE" && error.status === 429);
  const transient =
    error.code === "NETWORK_ERROR" ||
    (error.code === "BAD_RESPONSE" && error.status !== undefined && error.status >= 502 && error.status <= 504);
  if (!limited && !transient) return undefined;
  if (error.retryAfter !== undefined) {
    const wait = error.retryAfter * 1000;
    return wait > retry.maxDelayMs ? undefined : wait;
  }
  return Math.round(Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(new PartnergraphError("Request aborted", { code: "ABORTED", cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** `Retry-After` in seconds (a number of seconds, or an HTTP date). */
function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The shared state of a client: its options and current credential, and the HTTP send with retries. */
export interface Core {
  options: ClientOptions;
  credential: string | undefined;
}

export function createCore(options: ClientOptions): Core {
  return { options, credential: options.apiKey ?? options.token };
}

/** One operation over HTTP, retried as the options say. */
export async function send<R>(
  core: Core,
  operation: Operation,
  variables: unknown,
  requestOptions: RequestOptions | undefined,
): Promise<R> {
  const retry = retrySettings(requestOptions?.retry ?? core.options.retry);
  const safe = retry && (requestOptions?.idempotent ?? (operation.kind === "query" || operation.idempotent(variables)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce<R>(core, operation, variables, requestOptions);
    } catch (error) {
      if (!retry || !safe || attempt >= retry.attempts || !(error instanceof PartnergraphError)) throw error;
      const delayMs = delayBeforeRetry(error, attempt, retry);
      if (delayMs === undefined) throw error;
      retry.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs, requestOptions?.signal);
    }
  }
}

async function sendOnce<R>(
  core: Core,
  operation: Operation,
  variables: unknown,
  requestOptions: RequestOptions | undefined,
): Promise<R> {
  const { url } = core.options;
  const signal = requestOptions?.signal;
  if (operation.kind === "subscription")
    throw new PartnergraphError("Subscriptions go over WebSocket: use subscribe() (createBaseClient or createClient)", {
      code: "BAD_REQUEST",
    });
  // Not `options.fetch(...)`: browsers refuse a fetch called as a method of another object.
  const doFetch = core.options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...core.options.headers,
        ...requestOptions?.headers,
        ...(core.credential ? { authorization: `Bearer ${core.credential}` } : {}),
      },
      body: JSON.stringify({ query: operation.query, operationName: operation.operationName, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw new PartnergraphError("Request aborted", { code: "ABORTED", cause: signal.reason });
    throw new PartnergraphError(`Could not reach ${url}: ${(error as Error)?.message ?? String(error)}`, {
      code: "NETWORK_ERROR",
      cause: error,
    });
  }
  const status = response.status;
  const init = {
    status,
    requestId: response.headers?.get("x-request-id") ?? undefined,
    retryAfter: parseRetryAfter(response.headers?.get("retry-after") ?? null),
  };
  let body: FormattedExecutionResult<R> | null;
  try {
    body = (await response.json()) as FormattedExecutionResult<R> | null;
  } catch (error) {
    if (signal?.aborted) throw new PartnergraphError("Request aborted", { code: "ABORTED", cause: signal.reason });
    throw new PartnergraphError(`Unexpected ${status} response from ${url}`, {
      ...init,
      code: "BAD_RESPONSE",
      cause: error,
    });
  }
  if (body?.errors?.length) throw PartnergraphError.fromGraphQL(body.errors, init);
  if (!body?.data)
    throw new PartnergraphError(`Empty ${status} response from ${url}`, { ...init, code: "BAD_RESPONSE" });
  return body.data;
}

/** The HTTP half of every client: request, paginate, setCredential. */
export function httpMethods(core: Core): HttpClient {
  // async, so that a document that cannot be sent rejects rather than throws.
  const request = async <R, V>(document: TypedDocumentNode<R, V>, ...args: NoInfer<VariablesArgs<V>>) =>
    send<R>(core, operationOf(document), args[0], args[1]);
  return {
    request,
    paginate<R, V extends { after?: string | null | undefined }, N = ConnectionNode<R>>(
      document: TypedDocumentNode<R, V>,
      variables: NoInfer<PageVariables<V>>,
      select?: (data: R) => Connection<N> | null | undefined,
      options?: RequestOptions,
    ): AsyncIterableIterator<N> {
      return (async function* () {
        let after = (variables as V).after ?? null;
        for (;;) {
          const data = await send<R>(core, operationOf(document), { ...variables, after }, options);
          const connection = select ? select(data) : (onlyConnection(data) as Connection<N> | undefined);
          if (!connection) return;
          if ("nodes" in connection) yield* connection.nodes;
          else for (const edge of connection.edges) yield edge.node;
          const { hasNextPage, endCursor } = connection.pageInfo;
          if (!hasNextPage || !endCursor) return;
          if (endCursor === after)
            throw new PartnergraphError("The connection's endCursor did not advance", { code: "BAD_RESPONSE" });
          after = endCursor;
        }
      })();
    },
    setCredential(credential) {
      core.credential = credential;
    },
  };
}

function onlyConnection(data: unknown): unknown {
  const found = Object.values(data as object).filter(
    (value) => value !== null && typeof value === "object" && "pageInfo" in value,
  );
  if (found.length !== 1)
    throw new PartnergraphError("paginate() needs `select` unless the result has exactly one top-level connection", {
      code: "BAD_REQUEST",
    });
  return found[0];
}

/** A client for queries and mutations over HTTP: the smallest bundle (no WebSocket, no documents of its own). */
export function createHttpClient(options: ClientOptions): HttpClient {
  return httpMethods(createCore(options));
}
