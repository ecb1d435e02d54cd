// fast-check arbitraries of hostile values for the fuzz test: for a GraphQL input type (read from the schema),
// values of the right shape filled with what breaks servers (NUL and control characters, unpaired surrogates,
// very long text, extreme numbers, impossible dates, other types' and tenants' ids, null where a list goes),
// and the same kinds of text for the REST routes.
import fc from "fast-check";
import { type GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from "graphql";

/** Text no database column should ever receive, plus ordinary text so that valid paths run too. */
export const hostileText = (ids: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "\u001f", "\u007f", "\ud800", "\udfff", "a", "é", "😀") }),
    fc.constantFrom("", " ", "\u0000", "a\u0000b", "\ud83d", "%00", "'; DROP TABLE x; --", "Coffee Club", "EUR", "UTC"),
    fc.integer({ min: 10_000, max: 100_000 }).map((n) => "x".repeat(n)),
    fc.constantFrom(...ids),
    numericText,
    dateText,
  );

const numericText = fc.constantFrom(
  "0",
  "-1",
  "1.5",
  "2000000000",
  "2147483648",
  "9007199254740993",
  "1e400",
  "NaN",
  "Infinity",
  "0.000000000001",
  "99999999999999999999999999999999.99",
);

const dateText = fc.constantFrom(
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "1899-12-31T23:59:59Z",
  "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-11-23T08:00:00.000Z",
  "2026-11-23",
  "not a date",
);

const extremeInt = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2_000_000_000, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5),
);

/** A JSON value whose keys and strings are hostile. */
const hostileJson = (ids: readonly string[]) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(hostileText(ids), fc.oneof(hostileText(ids), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
    fc.constant({ "\u0000": "x", nested: { "\ud800": ["\u0000"] } }),
  );

/** A value for an argument of this type, sometimes the wrong kind altogether (null, a list, a number). */
export function hostileValue(type: GraphQLInputType, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 9, arbitrary: exact(type.ofType, ids, depth) }, fc.constant(null));
  return fc.oneof({ weight: 8, arbitrary: exact(type, ids, depth) }, fc.constant(null), fc.constant(undefined));
}

function exact(type: GraphQLInputType, ids: readonly string[], depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return exact(type.ofType, ids, depth);
  if (isListType(type)) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(hostileValue(type.ofType, ids, depth + 1), { maxLength: 4 }) },
      fc.constant([]),
      fc.constant(null),
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, hostileValue(f.type, ids, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), fc.constant("NOPE"));
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int":
      case "Float":
        return extremeInt;
      case "Boolean":
        return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, fc.constant("true"));
      case "JSON":
        return hostileJson(ids);
      case "DateTime":
        return fc.oneof({ weight: 3, arbitrary: dateText }, hostileText(ids));
      case "ID":
        // Mostly real ids (of this and the other tenant, of other types), so that writes get past the lookup.
        return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, hostileText(ids));
      case "Decimal":
        return fc.oneof({ weight: 3, arbitrary: numericText }, hostileText(ids), fc.constant(12.5));
      default:
        return hostileText(ids);
    }
  }
  return fc.constant(null);
}

/** Hostile query strings for a REST route: the route's own parameters with hostile values, and strangers. */
export const hostileQuery = (params: readonly string[], ids: readonly string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...params), hostileText(ids)), hostileText(ids)), { maxLength: 5 })
    .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k.slice(0, 2000), v.slice(0, 2000)])).toString());

/** Hostile JSON bodies shaped like the reference's receipt, and garbage. */
export const hostileReceipt = (ids: readonly string[]) => {
  const text = hostileText(ids);
  const anyValue = fc.oneof(text, extremeInt, fc.constant(null), fc.boolean(), hostileJson(ids));
  const item = fc.record(
    { sku: anyValue, price: fc.oneof(numericText, extremeInt, anyValue), quantity: anyValue, transaction_id: anyValue },
    { requiredKeys: [] },
  );
  return fc.oneof(
    fc.record(
      {
        date_purchased: fc.oneof(dateText, anyValue),
        currency: fc.oneof(fc.constant("EUR"), anyValue),
        channel_id: anyValue,
        items: fc.oneof(fc.array(item, { maxLength: 3 }), anyValue),
        tenders: fc.oneof(fc.array(fc.record({ type: anyValue, amount: anyValue }), { maxLength: 2 }), anyValue),
      },
      { requiredKeys: [] },
    ),
    anyValue,
  );
};
