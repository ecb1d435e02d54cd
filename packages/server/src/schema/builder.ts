// The Pothos builder: plugins and defaults shared by every area's schema file.
import SchemaBuilder, { type InputFieldBuilder } from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { AppError, AuthError, ErrorCode, ValidationError } from "../domain/kernel/errors.js";
import { parseGlobalId } from "../domain/kernel/ids.js";
import { isAdmin } from "../domain/kernel/principal.js";
import type { Decimal } from "../domain/kernel/values.js";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import type { Context } from "./context.js";

/** Query limits: every operation is bounded in depth, breadth and estimated cost. */
export const LIMITS = { depth: 10, breadth: 200, complexity: 2000 };

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { authenticated: boolean; admin: boolean };
  DefaultFieldNullability: false;
  Connection: { totalCount: number | (() => number | Promise<number>) };
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: Decimal | string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: Blob; Output: never };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodesOnConnection: true,
    nodeTypeOptions: { description: "An object with a globally unique ID." },
    // node(id:) and nodes(ids:) decode with the kernel's codec: an id that names no row (not base64, or not a
    // UUID after the type) is refused here instead of reaching the database.
    decodeGlobalID: (globalId) => {
      const parsed = parseGlobalId(globalId);
      if (!parsed) throw new ValidationError([{ path: "id", message: "is not a global ID" }]);
      return { typename: parsed.type, id: parsed.rowId };
    },
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.principal.kind !== "anonymous",
      admin: isAdmin(ctx.principal),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.principal.kind === "anonymous"
        ? new AuthError(ErrorCode.UNAUTHENTICATED, "Send a credential as `Authorization: Bearer <key>`")
        : new AuthError(ErrorCode.FORBIDDEN, "Not allowed for this credential"),
  },
  errors: {
    // Only the catalogue's own classes become typed results (a raw Error would leak its message).
    defaultTypes: [],
    // A mutation's result union holds its payload itself and is named after the field: createPartner →
    // CreatePartnerResult = CreatePartnerPayload | ValidationError | …
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Result` },
  },
  complexity: {
    defaultComplexity: 1,
    // Lists are connections, whose multiplier is the page size they ask for (connectionComplexity).
    defaultListMultiplier: 1,
    limit: LIMITS,
    complexityError: (kind, result) => {
      const measure = kind.toLowerCase() as keyof typeof LIMITS;
      return new AppError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `Query ${measure} is ${result[measure]}; the limit is ${LIMITS[measure]}. Ask for less, or page.`,
      );
    },
  },
});

/** Connections cost what they may return: the page size asked for (Pothos' default page is 20). */
export const connectionComplexity = (args: { first?: number | null; last?: number | null }) => ({
  field: 1,
  multiplier: args.first ?? args.last ?? 20,
});

/** Every connection reports how many nodes match, across all pages. */
builder.globalConnectionField("totalCount", (t) =>
  t.int({
    nullable: false,
    resolve: (parent) => (typeof parent.totalCount === "function" ? parent.totalCount() : parent.totalCount),
  }),
);

/** The field builder of input types: for field sets several inputs share. */
export type InputFields = InputFieldBuilder<
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never,
  "InputObject"
>;
