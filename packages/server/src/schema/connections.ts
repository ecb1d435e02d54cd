// A connection's filter, built once per field call. Pothos hands `totalCount` and the page resolver the same
// `args` object of one field call (graphql-js creates it afresh for every call, also per parent in a list: a
// nested connection's parent is fixed for that object), so
// keying on the request's context and that object shares one build between the count and the page, and never
// between two calls or two callers.
import type { Context } from "./context.js";

/**
 * Wraps a connection's filter builder (decode ids, call the domain's `xList`) so that `totalCount` and the page
 * of one field call use a single build of it.
 */
export function connectionWhere<Args extends object, Where, Parent extends unknown[] = []>(
  build: (args: Args, ctx: Context, ...parent: Parent) => Where,
): (args: Args, ctx: Context, ...parent: Parent) => Where {
  const built = new WeakMap<Context, WeakMap<Args, Where>>();
  return (args, ctx, ...parent) => {
    let calls = built.get(ctx);
    if (!calls) {
      calls = new WeakMap();
      built.set(ctx, calls);
    }
    if (!calls.has(args)) calls.set(args, build(args, ctx, ...parent));
    return calls.get(args) as Where;
  };
}
