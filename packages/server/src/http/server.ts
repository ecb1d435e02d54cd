// One HTTP port: GraphQL over HTTP and SSE (yoga), GraphQL over WebSocket (graphql-ws, through yoga's
// envelop pipeline so auth, masking and limits apply), /health, and the REST routes (/r/<code>, POST
// /receipt/points, GET /export/*.csv) and the dashboard at /partner. Every API route is admitted through admit.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { type DocumentNode, GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "pino";
import type { WebSocket } from "ws";
import { WebSocketServer } from "ws";
import type { IntrospectionMode, Limits } from "../config.js";
import type { Authenticator } from "../domain/auth/authenticate.js";
import type { LoginSecrets } from "../domain/auth/login.js";
import type { Deps } from "../domain/kernel/deps.js";
import { AppError } from "../domain/kernel/errors.js";
import type { Context } from "../schema/context.js";
import { schema } from "../schema/index.js";
import { admit, type Gate, requestIdOf } from "./admit.js";
import { bodyLimitOf, bodyLimitPlugin, declaresMoreThan } from "./body-limit.js";
import type { ClientAddress } from "./client-address.js";
import { type CorsOrigins, createCors } from "./cors.js";
import { isDashboardPath, serveDashboard } from "./dashboard.js";
import { createMaskError } from "./errors.js";
import { EXPORT_PREFIX, exportCsv } from "./export.js";
import { GRAPHIQL_OPTIONS, renderGraphiQL } from "./graphiql.js";
import { type HealthChecks, health } from "./health.js";
import { introspectionPlugin } from "./introspection.js";
import { OPENAPI_PATH, openApi } from "./openapi.js";
import type { RateLimiter } from "./rate-limit.js";
import { RECEIPT_POINTS_PATH, receiptPoints } from "./receipt-points.js";
import { REDIRECT_PREFIX } from "./redirect.js";
import { revocationPlugin } from "./revocation.js";
import { dropIfTooSlow, MAX_SOCKET_BUFFER_BYTES } from "./slow-sockets.js";
import { guardSockets, type IdleWatch, watchIdle } from "./sockets.js";

export const GRAPHQL_PATH = "/graphql";

interface ServerContext {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
}

export interface HttpServerOptions {
  deps: Deps;
  authenticator: Authenticator;
  log: Logger;
  graphiql: boolean;
  /** The server's public base URL, for links handed out (PUBLIC_URL). */
  publicUrl: string;
  /** Production hides field suggestions ("Did you mean …?") that would map the schema for an attacker. */
  production: boolean;
  /** Who may run `__schema`/`__type` queries (INTROSPECTION). */
  introspection: IntrospectionMode;
  rateLimiter: RateLimiter;
  secrets: LoginSecrets;
  /** What /health checks. */
  health: HealthChecks;
  /** GET /r/<code>: the referral redirect. */
  redirect: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
  /** The caller's address (TRUSTED_IP_HEADER's when set): anonymous budgets and socket caps are per address. */
  clientAddress: ClientAddress;
  /** Body sizes, WebSocket frames, counts and timers (config.ts holds the defaults). */
  limits: Limits;
  /** Origins whose pages may call the API (CORS_ORIGINS). */
  corsOrigins: CorsOrigins;
  /** Unsent bytes a WebSocket may hold before it is closed with 1013 (default 1 MiB). */
  maxSocketBufferBytes?: number;
}

export interface HttpServer {
  server: Server;
  yoga: YogaServerInstance<ServerContext, Context>;
  listen(port: number, host?: string): Promise<string>;
  /** Stop accepting, let in-flight requests finish, close subscriptions. */
  close(): Promise<void>;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { deps, authenticator, log, rateLimiter, clientAddress, limits } = options;
  const gate: Gate = { deps, authenticator, rateLimiter, clientAddress };
  const maskError = createMaskError(log);

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: options.graphiql ? GRAPHIQL_OPTIONS : false,
    renderGraphiQL,
    landingPage: false,
    // bodyLimitPlugin counts bodies instead, with a limit per content type and the catalogue's error code.
    maxRequestBodySize: false,
    cors: false, // cors.ts answers for every route, GraphQL included
    // Parsing and validation limits, on every transport; depth and cost are checked by Pothos' complexity plugin.
    plugins: [
      bodyLimitPlugin(limits),
      maxTokensPlugin({ n: 3000 }),
      maxAliasesPlugin({ n: 20 }),
      maxDirectivesPlugin({ n: 20 }),
      ...(options.production ? [blockFieldSuggestionsPlugin()] : []),
      introspectionPlugin(options.introspection),
      revocationPlugin(authenticator, (error) => maskError(error, "Unexpected error.") as GraphQLError),
    ],
    maskedErrors: { maskError },
    logging: {
      debug: (...args) => log.debug(args.map(String).join(" ")),
      info: (...args) => log.info(args.map(String).join(" ")),
      warn: (...args) => log.warn(args.map(String).join(" ")),
      // Yoga reports every error it masks here; maskError already logs the unexpected ones with context.
      error: (...args) => log.debug(args.map(String).join(" ")),
    },
    context: async (initial) => {
      const { request, requestId, req, res, connectionParams } = initial as Partial<ServerContext> & {
        request?: Request;
        connectionParams?: Record<string, unknown>;
      };
      const fromSocket = connectionParams?.authorization;
      const authorization = typeof fromSocket === "string" ? fromSocket : request?.headers.get("authorization");
      const call = await admit(gate, { authorization, req, res, requestId });
      return {
        ...call,
        log: log.child({ requestId: call.requestId }),
        secrets: options.secrets,
        publicUrl: options.publicUrl,
        reauthenticate: () => authenticator.authenticate(authorization),
      };
    },
  });

  const cors = createCors(options.corsOrigins);
  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { requestId, method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        "request",
      );
    });
    cors(req, res, () => route(req, res, requestId));
  });

  function route(req: IncomingMessage, res: ServerResponse, requestId: string): void {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") return void health(res, options.health);
    if (path === OPENAPI_PATH) return void openApi(res);
    if (path === RECEIPT_POINTS_PATH) return void receiptPoints(req, res, { ...gate, log, requestId });
    if (path?.startsWith(REDIRECT_PREFIX)) return void options.redirect(req, res, path);
    if (path?.startsWith(EXPORT_PREFIX)) return void exportCsv(req, res, path, { ...gate, log, requestId });
    if (path && isDashboardPath(path)) return void serveDashboard(req, res, path);
    if (path === "/" && req.method === "GET") {
      res.writeHead(302, { location: GRAPHQL_PATH }).end();
      return;
    }
    // A body refused for its declared size is not read: closing the connection spares draining it.
    const limit = bodyLimitOf(req.headers["content-type"] ?? null, limits);
    if (declaresMoreThan(req.headers["content-length"], limit)) res.setHeader("connection", "close");
    void yoga(req, res, { req, res, requestId });
  }

  type EnvelopedRoot = Pick<ReturnType<typeof yoga.getEnveloped>, "execute" | "subscribe">;
  // ws refuses a larger frame from its header (1009) without buffering it; its default is 100 MiB.
  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: limits.wsMaxPayloadBytes });
  const idle = new WeakMap<WebSocket, IdleWatch>();
  const ws = useServer<Record<string, unknown>, { request: IncomingMessage; socket: WebSocket }>(
    {
      connectionInitWaitTimeout: limits.wsInitTimeoutMs,
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          await authenticator.authenticate(typeof authorization === "string" ? authorization : undefined);
          const running = () => Object.keys(ctx.subscriptions).length;
          idle.set(ctx.extra.socket, watchIdle(ctx.extra.socket, running, limits.wsIdleTimeoutMs));
          return true;
        } catch (error) {
          if (error instanceof AppError) return false; // graphql-ws closes with 4403 Forbidden
          throw error;
        }
      },
      // Before each event is sent: a connection that is not reading its events is dropped, not buffered.
      onNext: (ctx) => void dropIfTooSlow(ctx.extra.socket, options.maxSocketBufferBytes ?? MAX_SOCKET_BUFFER_BYTES),
      onComplete: (ctx) => idle.get(ctx.extra.socket)?.touch(),
      onSubscribe: async (ctx, _id, params) => {
        idle.get(ctx.extra.socket)?.touch();
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          // graphql-ws has no response to put headers on; the budget is still spent per operation.
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
          // No requestId: admit gives each operation its own.
        });
        let document: DocumentNode;
        try {
          // Parse and validation limits (tokens, aliases, directives) throw rather than return errors.
          document = enveloped.parse(params.query);
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length) return errors;
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        let contextValue: Awaited<ReturnType<typeof enveloped.contextFactory>>;
        try {
          // Admission (credential, budget) refuses this one operation; the socket and its other operations stay.
          // Masked as over HTTP: catalogue errors keep their code, anything else is logged and hidden.
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          return [maskError(error, "Unexpected error.") as GraphQLError];
        }
        return {
          schema: enveloped.schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue,
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
    limits.wsKeepAliveMs, // ping interval; a peer that misses a pong for as long is terminated
  );
  guardSockets(wsServer, { clientAddress, maxSocketsPerAddress: limits.wsMaxSocketsPerAddress, log });

  return {
    server,
    yoga,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host && host !== "0.0.0.0" ? host : "localhost"}:${bound}`);
        });
      }),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await ws.dispose(); // closes every socket with 1001 Going Away
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await closed;
      await yoga.dispose();
    },
  };
}
