import { GraphQLError, Kind } from "graphql";
import { decimalText } from "../domain/kernel/values.js";
import { builder } from "./builder.js";

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string in UTC, e.g. 2026-11-23T08:00:00.000Z.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime must be an ISO 8601 string");
    return date;
  },
});

builder.scalarType("File", {
  description:
    "A file sent as a part of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec: `operations`, `map`, then the file). Input only.",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar");
  },
  // Yoga hands over the part as a Blob (its fetch ponyfill's or Node's own, so not checked with instanceof).
  parseValue: (value) => {
    const blob = value as Blob | null;
    if (typeof blob?.text === "function" && typeof blob.size === "number") return blob;
    throw new GraphQLError("File must be a file part of a multipart request");
  },
});

builder.scalarType("Decimal", {
  description:
    'An exact decimal number as a string, e.g. "12.50" or "0.0125". Never a JSON number: binary floats cannot hold money exactly.',
  // Strings are already formatted (e.g. money rounded to its minor unit, "50000.00") and pass through.
  serialize: (value) => (typeof value === "string" ? value : decimalText(value)),
  parseValue: (value) => {
    if (typeof value !== "string") throw new GraphQLError('Decimal must be a string such as "12.50"');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be a string such as "12.50"');
    return ast.value;
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
});

export const Money = builder
  .objectRef<{ amount: Parameters<typeof decimalText>[0]; currency: string }>("Money")
  .implement({
    description: "An exact amount of money in a currency.",
    fields: (t) => ({
      amount: t.field({ type: "Decimal", description: "Exact decimal string.", resolve: (m) => m.amount }),
      currency: t.exposeString("currency", { description: "ISO 4217 currency code." }),
    }),
  });
