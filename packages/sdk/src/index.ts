export type { TypedDocumentNode } from "@graphql-typed-document-node/core";
export { createClient, type PartnergraphClient } from "./client.js";
export {
  isError,
  PartnergraphError,
  type PartnergraphErrorCode,
  type PartnergraphErrorInit,
  TRANSPORT_ERROR_CODES,
  type TransportErrorCode,
} from "./errors.js";
export * from "./generated.js";
export { getSdk, type Requester, type Sdk } from "./generated-sdk.js";
export {
  type ClientOptions,
  type Connection,
  type ConnectionNode,
  createHttpClient,
  type HttpClient,
  type PageVariables,
  type RequestOptions,
  type RetryOptions,
  type VariablesArgs,
} from "./http.js";
export { IDEMPOTENCY_KEYS } from "./operation.js";
export { type BaseClient, createBaseClient, type SubscriptionArgs } from "./subscriptions.js";
