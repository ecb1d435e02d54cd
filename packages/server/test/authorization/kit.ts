// The authorization matrix's kit: outcomes (cell values), principals (columns), and how a row calls the API and
// judges what came back. The runner is ../authorization.test.ts; the rows live in the area files next to this one.
import { expect } from "vitest";
import { type GqlResponse, startTestApp, type TestApp, type TestAppOptions } from "../helpers.js";

// Outcomes --------------------------------------------------------------------------------------------------

export const OK = "ALLOWED";
export const ALL = "ALL";
export const OWN = "OWN";
export const SELF = "SELF";
export const EMPTY = "EMPTY";
export const NULL = "NULL";
export const U = "UNAUTHENTICATED";
export const F = "FORBIDDEN";
export const NF = "NOT_FOUND";
export const PNF = "PARTNER_NOT_FOUND";
export const IPP = "INSUFFICIENT_PARTNER_PERMISSIONS";
export const VF = "VALIDATION_FAILED";
export const SAD = "STORE_ACCESS_DENIED";
export type Outcome =
  | typeof OK
  | typeof ALL
  | typeof OWN
  | typeof SELF
  | typeof EMPTY
  | typeof NULL
  | typeof U
  | typeof F
  | typeof NF
  | typeof PNF
  | typeof IPP
  | typeof VF
  | typeof SAD;

// Principals (columns) --------------------------------------------------------------------------------------

export const PRINCIPALS = [
  "anonymous",
  "admin",
  "keyA",
  "keyB",
  "managerA",
  "managerB",
  "partnerA1Key",
  "partnerA2Key",
  "partnerUserA1",
  "staffA",
  "disabledA3Key",
  // Inside program A, of the second business A2 (which has a club and no card): its partner user, its club's
  // staff and club manager; and a member of A who is not the one the rows ask about.
  "partnerUserA2",
  "staffA2",
  "clubManagerA2",
  "memberA",
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];
export type Cells = [
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
  Outcome,
];

export interface Principal {
  name: PrincipalName;
  /** Bearer credential; null for anonymous. */
  key: string | null;
  /** The program it has a role in (null: none, or every one for the admin). */
  home: "A" | "B" | null;
  /** May manage program A: writes that succeed act on a fresh throwaway target, never on the fixtures. */
  managesA: boolean;
  /** Its own partner (partner keys and partner users). */
  ownPartnerId?: string;
  /** A logged-in person: logout gets a fresh session of theirs, so the fixture session survives. */
  email?: string;
}

// Rows -------------------------------------------------------------------------------------------------------

export type RootField = `${"Query" | "Mutation" | "Subscription"}.${string}`;
export interface Operation {
  /** The schema root field the row exercises (several rows may exercise one field). */
  field: RootField;
  call(p: Principal): Promise<Outcome | string>;
}

/** One area's rows: the expected cells of each operation, and how each is called (the same names in both). */
export interface Area {
  cells: Record<string, Cells>;
  operations: Record<string, Operation>;
}

/** An area's rows; the compiler checks that every row with cells has a recipe and no recipe lacks cells. */
export const area = <K extends string>(cells: Record<K, Cells>, operations: Record<K, Operation>): Area => ({
  cells,
  operations,
});

// The app and unique names -----------------------------------------------------------------------------------

/** The app every cell calls (started by the fixtures' setUp). */
export let app: TestApp;
/** Receives every email the app sends. */
export const mailbox: NonNullable<TestAppOptions["mailbox"]> = [];

export async function startMatrixApp(options: Omit<TestAppOptions, "mailbox">): Promise<TestApp> {
  app = await startTestApp({}, { ...options, mailbox });
  return app;
}

let serial = 0;
export const unique = (what: string) => `${what}-${++serial}`;

// Calling and judging ----------------------------------------------------------------------------------------

/** The outcome of one call: a GraphQL error's code, a mutation's typed failure's code, or ALLOWED. */
export function outcome(res: Pick<GqlResponse<Record<string, any>>, "data" | "errors">, field: string): string {
  const error = res.errors?.[0];
  if (error) return String(error.extensions?.code ?? `ERROR: ${error.message}`);
  const value = res.data?.[field];
  if (value && typeof value === "object" && typeof value.__typename === "string" && typeof value.code === "string")
    return value.code;
  return OK;
}

/** Posts one operation as the principal; `classify` refines ALLOWED for scoped reads (what the caller saw). */
export async function ask(
  p: Principal,
  field: string,
  query: string,
  variables: Record<string, unknown> = {},
  classify?: (value: any) => string,
  key = p.key,
): Promise<string> {
  const res = await app.gql(query, variables, key);
  const result = outcome(res, field);
  // Refusals leak nothing: the field is null, and an anonymous caller is told so with HTTP 401.
  if (res.errors?.length) expect(res.data?.[field] ?? null, `${field} data alongside an error`).toBeNull();
  if (result === U) expect(res.status, "HTTP status for UNAUTHENTICATED").toBe(401);
  return result === OK && classify ? classify(res.data[field]) : result;
}

export const ids = (connection: { nodes: ({ id: string } | null)[] }) => connection.nodes.map((n) => n?.id);

/** A mutation taking `input`, selecting the typed failure's code (and `extra` for the success payload). */
export const MUTATION = (field: string, inputType: string, extra = "") => /* GraphQL */ `
  mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on Error { code message } ${extra} } }
`;

/** A mutation made as admin (fixtures and fresh targets); its payload, or a thrown error unless it is `payload`. */
export async function adminMutation(
  field: string,
  inputType: string,
  payload: string,
  select: string,
  input: Record<string, unknown>,
): Promise<any> {
  const res = await app.gql(MUTATION(field, inputType, `... on ${payload} { ${select} }`), { input });
  const result = res.data?.[field];
  if (result?.__typename !== payload) throw new Error(`${field} failed: ${JSON.stringify(res)}`);
  return result;
}

/** ALLOWED when a read's value shows what it should; otherwise what it got. */
export const showing = (shows: (value: any) => boolean) => (value: any) =>
  shows(value) ? OK : `GOT ${JSON.stringify(value)}`;

/** A write that names program A. */
export const programWrite = (
  field: string,
  inputType: string,
  input: (p: Principal) => Record<string, unknown>,
): Operation => ({
  field: `Mutation.${field}`,
  call: (p) => ask(p, field, MUTATION(field, inputType), { input: input(p) }),
});

/** A write on a fresh object of A made by `target` (as admin), with the input `input` builds from it. */
export const freshWrite = <T>(
  field: string,
  inputType: string,
  target: (p: Principal) => Promise<T>,
  input: (t: T, p: Principal) => Record<string, unknown>,
): Operation => ({
  field: `Mutation.${field}`,
  call: async (p) => ask(p, field, MUTATION(field, inputType), { input: input(await target(p), p) }),
});
