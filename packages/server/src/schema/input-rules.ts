// The edge of the schema: every argument of every field, at any depth, is checked against the kernel's input
// rules before a resolver runs, so text PostgreSQL cannot store (NUL, unpaired surrogates, also inside JSON keys
// and values) and instants outside 1900–9999 never reach the domain or the database. Read from the built
// schema, so a new field or input type is covered without being listed.
import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { ValidationError, type ValidationIssue } from "../domain/kernel/errors.js";
import { instantProblem, textProblem } from "../domain/kernel/values.js";

/** Wraps every field that takes arguments so that they are checked first (VALIDATION_FAILED with their paths). */
export function checkInputsAtTheEdge(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length) guard(field);
    }
  }
  return schema;
}

function guard(field: GraphQLField<unknown, unknown>): void {
  const check = (args: Record<string, unknown>) => {
    const issues: ValidationIssue[] = [];
    for (const arg of field.args) visit(arg.type, args[arg.name], arg.name, issues);
    if (issues.length) throw new ValidationError(issues);
  };
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    check(args);
    return resolve(source, args, context, info);
  };
  const { subscribe } = field;
  if (subscribe) {
    field.subscribe = (source, args, context, info) => {
      check(args);
      return subscribe(source, args, context, info);
    };
  }
}

function visit(type: GraphQLInputType, value: unknown, path: string, issues: ValidationIssue[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) {
    visit(type.ofType, value, path, issues);
    return;
  }
  if (isListType(type)) {
    if (!Array.isArray(value)) return;
    for (const [i, item] of value.entries()) visit(type.ofType, item, `${path}.${i}`, issues);
    return;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      visit(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`, issues);
    return;
  }
  if (!isScalarType(getNamedType(type))) return; // enums are checked by GraphQL itself
  const problem =
    typeof value === "string"
      ? textProblem(value)
      : value instanceof Date
        ? instantProblem(value)
        : type.name === "JSON"
          ? jsonProblem(value)
          : null;
  if (problem) issues.push({ path, message: problem });
}

/** A JSON value's first key or string that cannot be stored (JSONB holds text, so the same rule applies). */
function jsonProblem(value: unknown): string | null {
  if (typeof value === "string") return textProblem(value);
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const problem = textProblem(key) ?? jsonProblem(item);
    if (problem) return problem;
  }
  return null;
}
