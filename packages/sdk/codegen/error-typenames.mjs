// A local graphql-codegen plugin: runtime constants the client needs from schema.graphql, so they stay in step
// with the contract without a hand-kept list:
// - ERROR_TYPENAMES: the types that implement `interface Error` (typed failures in mutation results, for `isError`);
// - ERROR_CODES: the values of `enum ErrorCode` (the server's `extensions.code`, for PartnergraphError.code).
// No imports: the schema object comes from codegen's own copy of graphql.

export const plugin = (schema) => {
  const error = schema.getType("Error");
  const names = error
    ? schema
        .getImplementations(error)
        .objects.map((type) => type.name)
        .sort()
    : [];
  if (!names.length) throw new Error("schema.graphql has no interface Error with implementations");
  const codes =
    schema
      .getType("ErrorCode")
      ?.getValues?.()
      .map((value) => value.name) ?? [];
  if (!codes.length) throw new Error("schema.graphql has no enum ErrorCode");
  const list = (values) => values.map((value) => JSON.stringify(value)).join(", ");
  return [
    "/** The schema's types that implement `interface Error`: the typed failures in mutation results. */",
    `export const ERROR_TYPENAMES = [${list(names)}] as const;`,
    "export type ErrorTypename = (typeof ERROR_TYPENAMES)[number];",
    "/** The schema's `enum ErrorCode`: every `extensions.code` the server sends for failures a client can act on. */",
    `export const ERROR_CODES = [${list(codes)}] as const;`,
    "export type ServerErrorCode = (typeof ERROR_CODES)[number];",
    "",
  ].join("\n");
};
