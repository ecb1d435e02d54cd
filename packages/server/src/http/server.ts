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
import { WebSocketServer } from "ws";
import type { Authenticator } from "../domain/auth/authenticate.js";
import type { LoginSecrets } from "../domain/auth/login.js";
import type { Deps } from "../domain/kernel/deps.js";
import { AppError } from "../domain/kernel/errors.js";
import type { Context } from "../schema/context.js";
import { schema } from "../schema/index.js";
import { admit, type Gate, requestIdOf } from "./admit.js";
import { isDashboardPath, serveDashboard } from "./dashboard.js";
import { createMaskError } from "./errors.js";
import { EXPORT_PREFIX, exportCsv } from "./export.js";
import { type HealthChecks, health } from "./health.js";
import type { RateLimiter } from "./rate-limit.js";
import { RECEIPT_POINTS_PATH, receiptPoints } from "./receipt-points.js";
import { REDIRECT_PREFIX } from "./redirect.js";
import { dropIfTooSlow, MAX_SOCKET_BUFFER_BYTES } from "./slow-sockets.js";

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
  rateLimiter: RateLimiter;
  secrets: LoginSecrets;
  /** What /health checks. */
  health: HealthChecks;
  /** GET /r/<code>: the referral redirect. */
  redirect: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
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
  const { deps, authenticator, log, rateLimiter } = options;
  const gate: Gate = { deps, authenticator, rateLimiter };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: options.graphiql ? { title: "Partnergraph", subscriptionsProtocol: "WS" } : false,
    landingPage: false,
    // Parsing and validation limits, on every transport; depth and cost are checked by Pothos' complexity plugin.
    plugins: [
      maxTokensPlugin({ n: 3000 }),
      maxAliasesPlugin({ n: 20 }),
      maxDirectivesPlugin({ n: 20 }),
      ...(options.production ? [blockFieldSuggestionsPlugin()] : []),
    ],
    maskedErrors: { maskError: createMaskError(log) },
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
      };
    },
  });

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
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") return void health(res, options.health);
    if (path === RECEIPT_POINTS_PATH) return void receiptPoints(req, res, { ...gate, log, requestId });
    if (path?.startsWith(REDIRECT_PREFIX)) return void options.redirect(req, res, path);
    if (path?.startsWith(EXPORT_PREFIX)) return void exportCsv(req, res, path, { ...gate, log, requestId });
    if (path && isDashboardPath(path)) return void serveDashboard(req, res, path);
    if (path === "/" && req.method === "GET") {
      res.writeHead(302, { location: GRAPHQL_PATH }).end();
      return;
    }
    void yoga(req, res, { req, res, requestId });
  });

  type EnvelopedRoot = Pick<ReturnType<typeof yoga.getEnveloped>, "execute" | "subscribe">;
  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH });
  const ws = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          await authenticator.authenticate(typeof authorization === "string" ? authorization : undefined);
          return true;
        } catch (error) {
          if (error instanceof AppError) return false; // graphql-ws closes with 4403 Forbidden
          throw error;
        }
      },
      // Before each event is sent: a connection that is not reading its events is dropped, not buffered.
      onNext: (ctx) => void dropIfTooSlow(ctx.extra.socket, options.maxSocketBufferBytes ?? MAX_SOCKET_BUFFER_BYTES),
      onSubscribe: async (ctx, _id, params) => {
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
        return {
          schema: enveloped.schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
  );

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
