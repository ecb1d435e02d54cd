// The full client: HTTP, subscriptions, and one ready-made method per SDK operation (`client.Partners(...)`).
// It references every operation document: for the smallest browser bundles use createHttpClient or
// createBaseClient with the `…Document`s you need.
import type { DocumentNode } from "graphql";
import { getSdk, type Requester } from "./generated-sdk.js";
import { type ClientOptions, createCore, type RequestOptions, send } from "./http.js";
import { operationOf } from "./operation.js";
import { type BaseClient, baseMethods } from "./subscriptions.js";

export type PartnergraphClient = ReturnType<typeof getSdk<RequestOptions>> & BaseClient;

export function createClient(options: ClientOptions): PartnergraphClient {
  const core = createCore(options);
  const base = baseMethods(core);
  const requester: Requester<RequestOptions> = <R, V>(
    document: DocumentNode,
    variables?: V,
    requestOptions?: RequestOptions,
  ) => {
    // Every generated document holds one operation: operationOf cannot throw here.
    const operation = operationOf(document);
    return operation.kind === "subscription"
      ? base.subscribe<R, V>(document, ...([variables] as [V]))
      : send<R>(core, operation, variables, requestOptions);
  };
  return { ...getSdk(requester), ...base };
}
