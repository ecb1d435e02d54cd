// A small client around the generated operations: queries and mutations over HTTP (fetch), subscriptions
// over graphql-ws, one Bearer credential for both, and errors as PartnergraphError.
import {
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  getOperationAST,
  print,
} from "graphql";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { PartnergraphError, type TransportErrorCode } from "./errors.js";
import { getSdk, type Requester } from "./generated.js";

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A partner API key, program secret key or admin key. */
  apiKey?: string;
  /** A session token from verifyLoginCode (sent the same way as a key). */
  token?: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** A WebSocket implementation for subscriptions where there is no global one (Node 20: the `ws` package). */
  webSocketImpl?: unknown;
  /** Extra headers for every HTTP request. */
  headers?: Record<string, string>;
  /** Reconnect attempts for subscriptions after the connection drops (default 5, with backoff). */
  retryAttempts?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export type PartnergraphClient = ReturnType<typeof getSdk<RequestOptions>> & {
  /** Use another credential from now on (e.g. the token after logging in). Ends open subscriptions. */
  setCredential(credential: string | undefined): void;
  /** Closes the subscription socket, if any. */
  close(): Promise<void>;
};

/** Socket close codes graphql-ws uses for rejected connections. */
const CLOSE_CODES: Record<number, TransportErrorCode> = {
  4400: "BAD_REQUEST",
  4401: "UNAUTHENTICATED",
  4403: "FORBIDDEN",
  4408: "TIMEOUT",
  4429: "TOO_MANY_REQUESTS",
};

export function createClient(options: ClientOptions): PartnergraphClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  let credential = options.apiKey ?? options.token;
  let socket: WsClient | undefined;
  // Each generated document, printed once: its text, name and kind.
  const operations = new WeakMap<
    DocumentNode,
    { query: string; operationName: string | undefined; subscription: boolean }
  >();
  const operation = (document: DocumentNode) => {
    let found = operations.get(document);
    if (!found) {
      const ast = getOperationAST(document);
      found = {
        query: print(document),
        operationName: ast?.name?.value,
        subscription: ast?.operation === "subscription",
      };
      operations.set(document, found);
    }
    return found;
  };

  async function request<R, V>(
    query: string,
    operationName: string | undefined,
    variables: V | undefined,
    requestOptions?: RequestOptions,
  ): Promise<R> {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...options.headers,
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        },
        body: JSON.stringify({ query, operationName, variables }),
        ...(requestOptions?.signal ? { signal: requestOptions.signal } : {}),
      });
    } catch (error) {
      throw new PartnergraphError(`Could not reach ${options.url}: ${(error as Error).message}`, {
        code: "NETWORK_ERROR",
        cause: error,
      });
    }
    let body: FormattedExecutionResult<R>;
    try {
      body = (await response.json()) as FormattedExecutionResult<R>;
    } catch (error) {
      throw new PartnergraphError(`Unexpected ${response.status} response from ${options.url}`, {
        code: "HTTP_ERROR",
        status: response.status,
        cause: error,
      });
    }
    if (body.errors?.length) throw PartnergraphError.fromGraphQL(body.errors, response.status);
    if (!body.data)
      throw new PartnergraphError(`Empty ${response.status} response from ${options.url}`, {
        code: "HTTP_ERROR",
        status: response.status,
      });
    return body.data;
  }

  function subscriptionSocket(): WsClient {
    socket ??= createWsClient({
      url: options.url.replace(/^http/, "ws"),
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
      connectionParams: () => (credential ? { authorization: `Bearer ${credential}` } : {}),
      retryAttempts: options.retryAttempts ?? 5,
      // A rejected credential will not become valid by retrying.
      shouldRetry: (event) =>
        !(typeof (event as { code?: unknown }).code === "number" && (event as { code: number }).code in CLOSE_CODES),
    });
    return socket;
  }

  // Not an async generator: a generator's return() waits for a pending next(), so a subscription that never
  // receives an event could not be cancelled. Here return() unsubscribes at once and ends a pending next().
  function subscribe<R, V>(
    query: string,
    operationName: string | undefined,
    variables: V | undefined,
  ): AsyncIterableIterator<R> {
    let results: AsyncIterableIterator<FormattedExecutionResult<R, unknown>> | undefined;
    let finished = false;
    const end = async (): Promise<IteratorReturnResult<undefined>> => {
      finished = true;
      await results?.return?.();
      return { done: true, value: undefined };
    };
    return {
      async next(): Promise<IteratorResult<R, undefined>> {
        if (finished) return { done: true, value: undefined };
        // Subscribes (and connects, if need be) on the first next(), like a generator would.
        results ??= subscriptionSocket().iterate<R>({
          query,
          operationName,
          ...(variables ? { variables: variables as Record<string, unknown> } : {}),
        });
        const source = results;
        try {
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
  }

  const requester: Requester<RequestOptions> = <R, V>(
    document: DocumentNode,
    variables?: V,
    requestOptions?: RequestOptions,
  ) => {
    const { query, operationName, subscription } = operation(document);
    return subscription
      ? subscribe<R, V>(query, operationName, variables)
      : request<R, V>(query, operationName, variables, requestOptions);
  };

  return Object.assign(getSdk(requester), {
    setCredential(next: string | undefined) {
      credential = next;
      void socket?.dispose();
      socket = undefined;
    },
    async close() {
      await socket?.dispose();
      socket = undefined;
    },
  });
}

function toSubscriptionError(error: unknown): unknown {
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
