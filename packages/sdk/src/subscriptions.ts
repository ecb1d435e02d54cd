// Subscriptions over graphql-ws, sharing the HTTP client's credential: createBaseClient = HTTP + subscribe.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { GraphQLFormattedError } from "graphql";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { PartnergraphError, type TransportErrorCode } from "./errors.js";
import type { ServerErrorCode } from "./generated.js";
import { type ClientOptions, type Core, createCore, type HttpClient, httpMethods } from "./http.js";
import { operationOf } from "./operation.js";

/** Variables of a subscription: optional when none is required. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends V` is how "V has no required variable" is spelt.
export type SubscriptionArgs<V> = {} extends V ? [variables?: V] : [variables: V];

export interface BaseClient extends HttpClient {
  /**
   * Events of a subscription document, as an async iterable: `for await (const event of client.subscribe(...))`.
   * Connects (lazily, once per client) over WebSocket; `break` or `return()` unsubscribes.
   */
  subscribe<R, V>(document: TypedDocumentNode<R, V>, ...args: NoInfer<SubscriptionArgs<V>>): AsyncIterableIterator<R>;
  /** Use another credential from now on (e.g. the token after logging in). Ends open subscriptions. */
  setCredential(credential: string | undefined): void;
  /** Closes the subscription socket, if any. */
  close(): Promise<void>;
}

/** Socket close codes graphql-ws uses for rejected connections. */
const CLOSE_CODES: Record<number, TransportErrorCode | ServerErrorCode> = {
  4400: "BAD_REQUEST",
  4401: "UNAUTHENTICATED",
  4403: "FORBIDDEN",
  4408: "TIMEOUT",
  4429: "TOO_MANY_REQUESTS",
};

/** The HTTP client plus subscriptions over graphql-ws. */
export function createBaseClient(options: ClientOptions): BaseClient {
  return baseMethods(createCore(options));
}

export function baseMethods(core: Core): BaseClient {
  const http = httpMethods(core);
  let socket: WsClient | undefined;

  function subscriptionSocket(): WsClient {
    if (socket) return socket;
    const webSocketImpl = core.options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (!webSocketImpl)
      throw new PartnergraphError(
        'No WebSocket implementation for subscriptions: pass `webSocketImpl` (on Node 20, e.g. `import WebSocket from "ws"`)',
        { code: "WEBSOCKET_UNAVAILABLE" },
      );
    // A page may give a relative URL ("/graphql"): fetch resolves it, WebSocket needs it absolute.
    const page = (globalThis as { location?: { href: string } }).location;
    const url = page ? new URL(core.options.url, page.href).href : core.options.url;
    socket = createWsClient({
      url: url.replace(/^http/, "ws"),
      webSocketImpl,
      connectionParams: () => (core.credential ? { authorization: `Bearer ${core.credential}` } : {}),
      retryAttempts: core.options.retryAttempts ?? 5,
      // A rejected credential will not become valid by retrying.
      shouldRetry: (event) =>
        !(typeof (event as { code?: unknown }).code === "number" && (event as { code: number }).code in CLOSE_CODES),
    });
    return socket;
  }

  // Not an async generator: a generator's return() waits for a pending next(), so a subscription that never
  // receives an event could not be cancelled. Here return() unsubscribes at once and ends a pending next().
  function subscribe<R, V>(document: TypedDocumentNode<R, V>, ...[variables]: NoInfer<SubscriptionArgs<V>>) {
    let results:
      | AsyncIterableIterator<{ data?: R | null | undefined; errors?: readonly GraphQLFormattedError[] | undefined }>
      | undefined;
    let finished = false;
    const end = async (): Promise<IteratorReturnResult<undefined>> => {
      finished = true;
      await results?.return?.();
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<R> = {
      async next(): Promise<IteratorResult<R, undefined>> {
        if (finished) return { done: true, value: undefined };
        try {
          // Subscribes (and connects, if need be) on the first next(), like a generator would.
          if (!results) {
            const { query, operationName } = operationOf(document);
            results = subscriptionSocket().iterate<R>({
              query,
              ...(operationName ? { operationName } : {}),
              ...(variables ? { variables: variables as Record<string, unknown> } : {}),
            });
          }
          const source = results;
          for (;;) {
            const step = await source.next();
            if (step.done) return end();
            if (step.value.errors?.length) throw PartnergraphError.fromGraphQL(step.value.errors);
            if (step.value.data) return { done: false, value: step.value.data };
          }
        } catch (error) {
          await end();
          throw toSubscriptionError(error);
        }
      },
      return: end,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  return {
    ...http,
    subscribe,
    setCredential(next) {
      http.setCredential(next);
      void socket?.dispose();
      socket = undefined;
    },
    async close() {
      await socket?.dispose();
      socket = undefined;
    },
  };
}

function toSubscriptionError(error: unknown): PartnergraphError {
  if (error instanceof PartnergraphError) return error;
  const code = typeof (error as { code?: unknown })?.code === "number" ? (error as { code: number }).code : undefined;
  if (code !== undefined) {
    const reason = (error as { reason?: string }).reason || `socket closed with ${code}`;
    return new PartnergraphError(reason, { code: CLOSE_CODES[code] ?? "NETWORK_ERROR", cause: error });
  }
  if (Array.isArray(error)) return PartnergraphError.fromGraphQL(error as GraphQLFormattedError[]);
  return new PartnergraphError(`Subscription failed: ${(error as Error)?.message ?? String(error)}`, {
    code: "NETWORK_ERROR",
    cause: error,
  });
}
