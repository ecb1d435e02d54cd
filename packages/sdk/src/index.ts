export { createClient, type ClientOptions, type PartnergraphClient, type RequestOptions } from "./client.js";
export { PartnergraphError, isError, type PartnergraphErrorCode, type TransportErrorCode } from "./errors.js";
export * from "./generated.js";
