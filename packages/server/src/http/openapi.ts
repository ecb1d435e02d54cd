// The OpenAPI 3.1 description of the REST routes (GraphQL describes itself), served at GET /openapi.json.
// Hand-written beside the routes it describes; test/openapi.test.ts checks it against what they answer.
import type { ServerResponse } from "node:http";
import { ErrorCode } from "../domain/kernel/errors.js";

export const OPENAPI_PATH = "/openapi.json";

const json = (schema: object, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const html = (description: string) => ({ description, content: { "text/html": { schema: { type: "string" } } } });
const rateLimited = {
  headers: {
    "Retry-After": { schema: { type: "integer" }, description: "Seconds until the budget allows a request." },
  },
};
const retryLater = {
  headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait before retrying." } },
};

const receiptError = (description: string) => json(ref("ReceiptError"), description);
const exportError = (description: string) => json(ref("ExportError"), description);

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Partnergraph REST routes",
    version: "1",
    description:
      "The routes beside GraphQL (POST /graphql, described by its own schema). Errors carry codes from the ErrorCode catalogue (see the README's error table).",
  },
  components: {
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "A program's secret key, a partner key or the admin key.",
      },
      crowdTwist: {
        type: "apiKey",
        in: "header",
        name: "X-CT-Authorization",
        description: "`CTApiKey <key>`: a program's secret key or a partner's API key.",
      },
    },
    schemas: {
      Health: {
        type: "object",
        required: ["status", "database", "uptimeSeconds", "checkMs"],
        additionalProperties: false,
        properties: {
          status: { enum: ["ok", "degraded", "unavailable"] },
          database: { enum: ["ok", "unavailable"] },
          redis: {
            enum: ["ok", "unavailable"],
            description: "Only with REDIS_URL; unavailable is `degraded`, still 200.",
          },
          uptimeSeconds: { type: "integer", minimum: 0 },
          checkMs: { type: "integer", minimum: 0 },
        },
      },
      Receipt: {
        type: "object",
        required: ["date_purchased", "items"],
        properties: {
          date_purchased: { type: "string", description: "ISO-8601 date-time with an offset." },
          channel_id: { type: "integer" },
          currency: { type: "string" },
          items: {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              required: ["sku", "price", "quantity"],
              properties: {
                sku: { type: "string" },
                price: { type: ["number", "string"] },
                quantity: { type: "integer", minimum: 1 },
                transaction_id: { type: "integer" },
                is_awaiting_fulfillment: { type: "boolean" },
                custom_data: { type: "object" },
              },
            },
          },
          tenders: {
            type: "array",
            items: {
              type: "object",
              required: ["type", "amount"],
              properties: { type: { type: "integer" }, amount: { type: ["number", "string"] } },
            },
          },
        },
      },
      PointsAwarded: {
        type: "object",
        required: ["total_points_awarded", "breakdown"],
        additionalProperties: false,
        properties: {
          total_points_awarded: { type: "integer" },
          breakdown: {
            type: "array",
            items: {
              type: "object",
              required: [
                "sku",
                "is_awaiting_fulfillment",
                "quantity",
                "item_price",
                "points_to_dollar_conversion_rate",
                "converted_points",
                "is_excluded",
                "campaigns",
                "points_awarded",
              ],
              properties: {
                sku: { type: "string" },
                is_awaiting_fulfillment: { type: "boolean" },
                quantity: { type: "integer" },
                item_price: { type: "number" },
                points_to_dollar_conversion_rate: { type: "number" },
                converted_points: { type: "integer" },
                is_excluded: { type: "boolean" },
                campaigns: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["type", "title", "multiplier", "applied", "id"],
                    properties: {
                      type: { type: "string" },
                      title: { type: "string" },
                      multiplier: { type: "number" },
                      applied: { type: "boolean" },
                      id: { type: "string" },
                    },
                  },
                },
                transaction: ref("Multiplier"),
                tenders: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["name", "proportion", "multiplier"],
                    properties: {
                      name: { type: "string" },
                      proportion: { type: "number" },
                      multiplier: { type: "number" },
                    },
                  },
                },
                channel: ref("Multiplier"),
                points_awarded: { type: "integer" },
              },
            },
          },
        },
      },
      Multiplier: {
        type: "object",
        required: ["name", "multiplier"],
        properties: { name: { type: "string" }, multiplier: { type: "number" } },
      },
      ReceiptError: {
        type: "object",
        required: ["error"],
        additionalProperties: false,
        properties: {
          error: {
            type: "object",
            required: ["system", "reason", "description", "message"],
            additionalProperties: false,
            properties: {
              system: { const: "PotentialPointsController" },
              reason: {
                enum: [
                  "invalid",
                  "missing_data",
                  "invalid_date",
                  "invalid_amount",
                  "invalid_currency",
                  "invalid_custom_field",
                  "not_configured",
                  "internal_error",
                ],
              },
              description: { type: "string" },
              message: { type: "string" },
            },
          },
        },
      },
      ExportError: {
        type: "object",
        required: ["error"],
        additionalProperties: false,
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            additionalProperties: false,
            properties: {
              code: { enum: Object.values(ErrorCode) },
              message: { type: "string" },
              issues: {
                type: "array",
                items: {
                  type: "object",
                  required: ["path", "message"],
                  properties: { path: { type: "string" }, message: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    "/health": {
      get: {
        summary: "Liveness of the process and the database",
        responses: {
          "200": json(ref("Health"), "Serving (`degraded` when Redis is down: per-instance limits and events)."),
          "503": {
            ...json(ref("Health"), "The database is unreachable or slow (`status: unavailable`)."),
            ...retryLater,
          },
        },
      },
    },
    "/receipt/points": {
      post: {
        summary: "Potential points of a basket (CrowdTwist's Potential Points API)",
        security: [{ crowdTwist: [] }],
        requestBody: { required: true, content: { "application/json": { schema: ref("Receipt") } } },
        responses: {
          "200": json(ref("PointsAwarded"), "The points, one breakdown entry per unit."),
          "400": receiptError("Malformed or invalid basket (`reason` says which kind)."),
          "401": receiptError("No, malformed or unknown key."),
          "403": receiptError("A disabled partner's key, or a key naming no program."),
          "405": receiptError("Not POST."),
          "413": receiptError("Body over 1 MiB."),
          "415": receiptError("Content-Type not application/json."),
          "429": { ...receiptError("Rate-limit budget spent."), ...rateLimited },
          "500": receiptError("Unexpected; quote x-request-id."),
          "503": {
            ...receiptError(
              "The program lacks its currency, rate or time zone (`not_configured`), or a service is unavailable.",
            ),
            ...retryLater,
          },
        },
      },
    },
    "/export/{file}": {
      get: {
        summary: "A program's loyalty data as CSV, streamed",
        security: [{ bearer: [] }],
        parameters: [
          {
            name: "file",
            in: "path",
            required: true,
            schema: { enum: ["members.csv", "transactions.csv", "redemptions.csv"] },
          },
          { name: "programId", in: "query", required: true, schema: { type: "string" } },
          { name: "cardId", in: "query", schema: { type: "string" } },
          {
            name: "from",
            in: "query",
            description: "transactions and redemptions only",
            schema: { type: "string", format: "date-time" },
          },
          {
            name: "to",
            in: "query",
            description: "transactions and redemptions only",
            schema: { type: "string", format: "date-time" },
          },
        ],
        responses: {
          "200": {
            description: "The CSV file (a header row, then one row per record).",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          "400": exportError("A parameter is missing or malformed (`VALIDATION_FAILED` with `issues`)."),
          "401": exportError("No or unknown credential (`UNAUTHENTICATED`)."),
          "403": exportError("The credential may not export this program (`FORBIDDEN`)."),
          "404": exportError("No such export, program or card (`NOT_FOUND`)."),
          "405": exportError("Not GET or HEAD."),
          "429": { ...exportError("Rate-limit budget spent (`QUOTA_EXCEEDED`)."), ...rateLimited },
          "503": { ...exportError("The database or Redis is unavailable (`SERVICE_UNAVAILABLE`)."), ...retryLater },
        },
      },
    },
    "/r/{code}": {
      get: {
        summary: "A referral link: records the click and redirects",
        parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "302": {
            description: "To the link's destination with `pg_click=<click id>` appended.",
            headers: { Location: { schema: { type: "string", format: "uri" } } },
          },
          "404": html("No such link (a page for the visitor)."),
          "405": html("Not GET or HEAD."),
          "503": html("The click could not be recorded; retry after a second."),
        },
      },
    },
    "/openapi.json": {
      get: {
        summary: "This document",
        responses: {
          "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } },
        },
      },
    },
  },
} as const;

const BODY = JSON.stringify(OPENAPI);

export function openApi(res: ServerResponse): void {
  res
    .writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" })
    .end(BODY);
}
