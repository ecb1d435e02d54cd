// A local graphql-codegen plugin: the names of the schema's types that implement `interface Error`, as a
// runtime constant, so `isError` stays in step with schema.graphql without a hand-kept list.
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
  return [
    "/** The schema's types that implement `interface Error`: the typed failures in mutation results. */",
    `export const ERROR_TYPENAMES = [${names.map((name) => JSON.stringify(name)).join(", ")}] as const;`,
    "export type ErrorTypename = (typeof ERROR_TYPENAMES)[number];",
    "",
  ].join("\n");
};
