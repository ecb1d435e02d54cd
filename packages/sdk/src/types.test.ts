// Types as a consumer sees them, checked by `tsc -p tsconfig.test.json` (strict, exactOptionalPropertyTypes):
// the `@ts-expect-error` lines must fail to compile, the rest must compile.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ClientOptions,
  ClubStaffDocument,
  type ClubStaffQuery,
  ConversionCreatedDocument,
  type ConversionCreatedSubscription,
  CreatePartnerDocument,
  createBaseClient,
  createClient,
  createHttpClient,
  type ErrorCode,
  isError,
  type PartnergraphError,
  type PartnergraphErrorCode,
  PartnersDocument,
  type PartnersQuery,
  type PartnersQueryVariables,
  type ServerErrorCode,
  ViewerDocument,
  type ViewerQuery,
} from "./index.js";

const url = "http://api.test/graphql";
const never = (() => Promise.reject(new Error("not sent"))) as unknown as typeof fetch;

describe("types", () => {
  it("ClientOptions accepts possibly-undefined values under exactOptionalPropertyTypes", () => {
    const options: ClientOptions = {
      url,
      apiKey: process.env.PARTNERGRAPH_KEY,
      token: process.env.PARTNERGRAPH_TOKEN,
      headers: undefined,
      retry: process.env.RETRY ? true : undefined,
    };
    expect(createClient(options)).toBeDefined();
    expect(createHttpClient({ url, apiKey: process.env.PARTNERGRAPH_KEY })).toBeDefined();
  });

  it("error codes are a closed union: the server's ErrorCode plus transport codes", () => {
    expectTypeOf<ServerErrorCode>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<"QUOTA_EXCEEDED">().toExtend<PartnergraphErrorCode>();
    expectTypeOf<"NETWORK_ERROR" | "BAD_RESPONSE" | "WEBSOCKET_UNAVAILABLE">().toExtend<PartnergraphErrorCode>();
    expectTypeOf<string>().not.toExtend<PartnergraphErrorCode>();
    // @ts-expect-error a misspelt code does not compile
    const misspelt: PartnergraphErrorCode = "QUOTA_EXCEDED";
    const check = (error: PartnergraphError) =>
      // @ts-expect-error comparing with a code that does not exist does not compile
      error.code === "NOT_FOUNDD";
    expect([misspelt, check]).toHaveLength(2);
  });

  it("every operation is a TypedDocumentNode; request infers results and checks variables", async () => {
    expectTypeOf(PartnersDocument).toEqualTypeOf<TypedDocumentNode<PartnersQuery, PartnersQueryVariables>>();
    const client = createHttpClient({ url, fetch: never });
    expectTypeOf(() => client.request(ViewerDocument)).returns.toEqualTypeOf<Promise<ViewerQuery>>();
    expectTypeOf(() => client.request(PartnersDocument, { programId: "P" })).returns.toEqualTypeOf<
      Promise<PartnersQuery>
    >();
    // @ts-expect-error programId is required
    const missing = client.request(PartnersDocument, { first: 2 });
    // @ts-expect-error the variables are required
    const none = client.request(PartnersDocument);
    // @ts-expect-error an unknown variable
    const extra = client.request(PartnersDocument, { programId: "P", frist: 2 });
    await Promise.allSettled([missing, none, extra]);
  });

  it("paginate yields the connection's node type; subscribe the subscription's events", () => {
    const client = createBaseClient({ url, fetch: never });
    expectTypeOf(client.paginate(PartnersDocument, { programId: "P" })).toEqualTypeOf<
      AsyncIterableIterator<PartnersQuery["partners"]["nodes"][number]>
    >();
    expectTypeOf(client.paginate(PartnersDocument, { programId: "P" }, (d) => d.partners)).toEqualTypeOf<
      AsyncIterableIterator<PartnersQuery["partners"]["nodes"][number]>
    >();
    // The README's nested connection: a selector through a union.
    const staff = client.paginate(ClubStaffDocument, { clubId: "C" }, (data) =>
      data.node?.__typename === "Club" ? data.node.staff : null,
    );
    expectTypeOf(staff).toEqualTypeOf<
      AsyncIterableIterator<Extract<ClubStaffQuery["node"], { __typename: "Club" }>["staff"]["nodes"][number]>
    >();
    // @ts-expect-error a document without $after cannot be paginated
    client.paginate(ViewerDocument, {});
    expectTypeOf(client.subscribe(ConversionCreatedDocument, { filter: { programId: "P" } })).toEqualTypeOf<
      AsyncIterableIterator<ConversionCreatedSubscription>
    >();
  });

  it("isError narrows typed mutation results", () => {
    type Result = Awaited<ReturnType<ReturnType<typeof createClient>["CreatePartner"]>>["createPartner"];
    const narrow = (result: Result) => (isError(result) ? result.code : result.apiKey);
    expectTypeOf(narrow).returns.toEqualTypeOf<string>();
    expectTypeOf(CreatePartnerDocument).toExtend<TypedDocumentNode<{ createPartner: Result }, never>>();
  });
});
