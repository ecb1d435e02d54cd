// A connection's filter, built once per field call. Pothos hands `totalCount` and the page resolver the same
// `args` object of one field call (graphql-js creates it afresh for every call, also per parent in a list), so
// keying on it shares one build between the count and the page, and never between two calls.
import type { Context } from "./context.js";

/**
 * Wraps a connection's filter builder (decode ids, call the domain's `xList`) so that `totalCount` and the page
 * of one field call use a single build of it.
 */
export function connectionWhere<Args extends object, Where>(
  build: (args: Args, ctx: Context) => Where,
): (args: Args, ctx: Context) => Where {
  const built = new WeakMap<Args, Where>();
  return (args, ctx) => {
    if (!built.has(args)) built.set(args, build(args, ctx));
    return built.get(args) as Where;
  };
}
