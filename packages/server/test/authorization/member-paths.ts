// Authorization matrix rows for a member's nested rows: its ledger, purchases, cards, activities and coupons,
// reached from the entry points member, memberByExternalId, node and nodes (the `members` list pages oldest
// first and its cost limit keeps the fixtures' member off a page: business-isolation.test.ts covers it). Seeing a member is not
// seeing all of it: each path must show the caller exactly its share.
// The members asked about: M1 (a purchase through A1: a program ledger entry and a purchase) for ledger and
// purchases; the redemption fixtures' member (cards of A1 and A4, activities and coupons on both) for the rest.
import { A, M1, REDEEM, redemptionFixtures } from "./fixtures.js";
import {
  ALL,
  app,
  area,
  type Cells,
  EMPTY,
  IPP,
  NF,
  NULL,
  type Operation,
  type Outcome,
  type Principal,
  SELF,
  U,
} from "./kit.js";

// biome-ignore lint/suspicious/noExplicitAny: answers of queries built here at run time.
type Data = any;

const NESTED = {
  ledger: "ledger(first: 5) { totalCount nodes { points partner { id } } }",
  purchases: "purchases(first: 5) { totalCount nodes { id } }",
  cards: "cards(first: 5) { totalCount nodes { card { id } } }",
  activities: "activities(first: 5) { totalCount nodes { id } }",
  coupons: "coupons(first: 5) { totalCount nodes { id } }",
} as const;
type Nested = keyof typeof NESTED;

const ENTRIES = {
  member: (x: string) => ({ query: `query ($id: ID!) { member(id: $id) { ${x} } }`, pick: (d: Data) => d.member }),
  memberByExternalId: (x: string) => ({
    query: `query ($p: ID!, $e: String!) { memberByExternalId(programId: $p, externalId: $e) { ${x} } }`,
    pick: (d: Data) => d.memberByExternalId,
  }),
  node: (x: string) => ({
    query: `query ($id: ID!) { node(id: $id) { ... on Member { ${x} } } }`,
    pick: (d: Data) => d.node,
  }),
  nodes: (x: string) => ({
    query: `query ($id: ID!) { nodes(ids: [$id]) { ... on Member { ${x} } } }`,
    pick: (d: Data) => d.nodes[0],
  }),
} as const;
type Entry = keyof typeof ENTRIES;

/** The member a nested path is asked about, with its external id. */
async function subject(nested: Nested): Promise<{ id: string; externalId: string }> {
  if (nested === "ledger" || nested === "purchases") return M1;
  await redemptionFixtures();
  const res = await app.gql(`query ($id: ID!) { member(id: $id) { externalId } }`, { id: REDEEM.member });
  return { id: REDEEM.member, externalId: res.data.member.externalId };
}

/** What the caller saw of the nested list next to what the admin sees: ALL, SELF (a part), EMPTY, or refused. */
async function see(p: Principal, entry: Entry, nested: Nested): Promise<Outcome | string> {
  const m = await subject(nested);
  const { query, pick } = ENTRIES[entry](NESTED[nested]);
  const variables = { id: m.id, p: A.id, e: m.externalId };
  const res = await app.gql(query, variables, p.key);
  const error = res.errors?.[0]?.extensions?.code;
  if (error) return String(error);
  const mine = pick(res.data);
  if (mine === null) return NULL;
  const all = pick((await app.gql(query, variables)).data)[nested];
  const first = (all.nodes as unknown[]).map((n) => JSON.stringify(n));
  const seen = (mine[nested].nodes as unknown[]).map((n) => JSON.stringify(n));
  if (!all.totalCount) return `FIXTURE: the admin sees no ${nested}`;
  if (!mine[nested].totalCount) return EMPTY;
  // A part is the caller's own share; its first page must hold nothing the admin's does not (the admin's pages
  // are newest first as the caller's: a shared row sits on both first pages unless the caller's page is deeper).
  if (mine[nested].totalCount === all.totalCount) return seen.every((n) => first.includes(n)) ? ALL : `GOT ${seen}`;
  return mine[nested].totalCount < all.totalCount ? SELF : `GOT ${mine[nested].totalCount} OF ${all.totalCount}`;
}

const row = (entry: Entry, nested: Nested): Operation => ({
  field: `Query.${entry}`,
  call: (p) => see(p, entry, nested),
});

// The cells of one nested path are the same from every entry point, except where the member is absent: NOT_FOUND
// from member and memberByExternalId, NULL from node and nodes.
//                                 anonymous admin keyA keyB managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key partnerUserA2 staffA2 clubManagerA2 memberA
const LEDGER = [U, ALL, ALL, NF, ALL, NF, ALL, NF, ALL, NF, IPP, NF, NF, NF, NF] as const;
const PURCHASES = [U, ALL, ALL, NF, ALL, NF, ALL, NF, ALL, NF, IPP, NF, NF, NF, NF] as const;
const CARDS = [U, ALL, ALL, NF, ALL, NF, SELF, NF, SELF, NF, IPP, NF, NF, NF, NF] as const;
const ACTIVITIES = CARDS;
const COUPONS = CARDS;
const CELLS = { ledger: LEDGER, purchases: PURCHASES, cards: CARDS, activities: ACTIVITIES, coupons: COUPONS };

/** NOT_FOUND as each entry point says it. */
const absent = (entry: Entry, cell: Outcome): Outcome =>
  cell !== NF ? cell : entry === "node" || entry === "nodes" ? NULL : NF;

const names = (Object.keys(ENTRIES) as Entry[]).flatMap((entry) =>
  (Object.keys(NESTED) as Nested[]).map((nested) => ({ entry, nested, name: `${entry}(member).${nested}` })),
);

export const memberPaths = area(
  Object.fromEntries(
    names.map(({ entry, nested, name }) => [name, CELLS[nested].map((c) => absent(entry, c))]),
  ) as Record<string, Cells>,
  Object.fromEntries(names.map(({ entry, nested, name }) => [name, row(entry, nested)])),
);
