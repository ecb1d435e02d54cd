// Who may introspect the schema (INTROSPECTION): everyone in development, authenticated callers by default in
// production, so an anonymous visitor cannot map the API; `off` refuses everyone. `__typename` is always allowed.
import { BREAK, type DocumentNode, visit } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { IntrospectionMode } from "../config.js";
import { AuthError, ErrorCode } from "../domain/kernel/errors.js";
import type { Context } from "../schema/context.js";

export function introspectionPlugin(mode: IntrospectionMode): Plugin<Context> {
  return {
    onExecute({ args }) {
      if (mode === "all" || !introspects(args.document)) return;
      const principal = (args.contextValue as Context).principal;
      if (mode === "off")
        throw new AuthError(ErrorCode.FORBIDDEN, "Introspection is disabled on this server (INTROSPECTION=off)");
      if (principal.kind === "anonymous")
        throw new AuthError(ErrorCode.UNAUTHENTICATED, "Introspection needs a credential on this server");
    },
  };
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
