export { type ClientOptions, createClient, type PartnergraphClient, type RequestOptions } from "./client.js";
export { isError, PartnergraphError, type PartnergraphErrorCode, type TransportErrorCode } from "./errors.js";
export * from "./generated.js";
