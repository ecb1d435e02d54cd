// What the client needs to know about a document before sending it: its text, name and kind, and whether a
// mutation may be repeated safely (for retries). Worked out once per document object.
import { type DocumentNode, getOperationAST, type OperationDefinitionNode, print, type ValueNode } from "graphql";
import { PartnergraphError } from "./errors.js";

export interface Operation {
  query: string;
  operationName: string | undefined;
  kind: "query" | "mutation" | "subscription";
  /** Whether sending it again cannot repeat its effect: queries always; mutations whose every root field carries its idempotency key. */
  idempotent(variables: unknown): boolean;
}

/**
 * Mutations that are idempotent on a key in their `input`: a retry with the same key returns the first result
 * (`replayed: true`, or the same conversion for trackConversion) instead of acting twice. Other mutations are never
 * retried. Checked against schema.graphql in the SDK's tests.
 */
export const IDEMPOTENCY_KEYS: Readonly<Record<string, string>> = {
  addStamps: "idempotencyKey",
  adjustPoints: "idempotencyKey",
  awardPoints: "idempotencyKey",
  playGame: "idempotencyKey",
  redeemCoupon: "idempotencyKey",
  redeemReward: "idempotencyKey",
  recordPurchase: "receiptId",
  recordReturn: "returnId",
  trackConversion: "externalId",
};

const operations = new WeakMap<DocumentNode, Operation>();

export function operationOf(document: DocumentNode): Operation {
  let found = operations.get(document);
  if (!found) {
    const ast = getOperationAST(document);
    if (!ast) throw new PartnergraphError("The document must hold exactly one operation", { code: "BAD_REQUEST" });
    found = {
      query: print(document),
      operationName: ast.name?.value,
      kind: ast.operation as Operation["kind"],
      idempotent:
        ast.operation === "query" ? () => true : (variables) => ast.operation === "mutation" && keyed(ast, variables),
    };
    operations.set(document, found);
  }
  return found;
}

/** Every root field is a keyed mutation whose `input` holds a non-empty key. */
function keyed(ast: OperationDefinitionNode, variables: unknown): boolean {
  const vars = (variables ?? {}) as Record<string, unknown>;
  const fields = ast.selectionSet.selections;
  return fields.every((field) => {
    if (field.kind !== "Field") return false;
    if (field.name.value === "__typename") return true;
    const key = IDEMPOTENCY_KEYS[field.name.value];
    const input = field.arguments?.find((argument) => argument.name.value === "input")?.value;
    if (!key || !input) return false;
    const value = literalValue(input, vars);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const found = (value as Record<string, unknown>)[key];
      return typeof found === "string" && found !== "";
    }
    return false;
  });
}

/** A literal's value with variables filled in, as far as objects and strings go (enough to find a key). */
function literalValue(node: ValueNode, vars: Record<string, unknown>): unknown {
  if (node.kind === "Variable") return vars[node.name.value];
  if (node.kind === "StringValue") return node.value;
  if (node.kind === "ObjectValue")
    return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value, vars)]));
  return undefined;
}
