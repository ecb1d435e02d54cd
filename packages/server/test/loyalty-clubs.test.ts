// Clubs and their staff through GraphQL: who creates and sees clubs, who manages a club's staff, and how club
// access follows staff rows, club status and the partner's status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, createPartner, createProgram, grantRole, login, type TestApp } from "./helpers.js";
import {
  addClubStaff,
  createClub,
  type LoyaltyWorld,
  loyaltyWorld,
  mutate,
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
let w: LoyaltyWorld;

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  w = await loyaltyWorld(app, mailbox);
});
afterAll(async () => {
  await app?.close();
});

const CLUBS = `query ($p: ID, $partner: ID) { clubs(programId: $p, partnerId: $partner, first: 50) { totalCount nodes { id name partnerName partner { id } } } }`;
const clubNames = async (key: string, vars: Record<string, unknown> = { p: w.program.id }) => {
  const res = await app.gql(CLUBS, vars, key);
  expect(res.errors).toBeUndefined();
  expect(res.data.clubs.totalCount).toBe(res.data.clubs.nodes.length);
  return (res.data.clubs.nodes as { name: string }[]).map((c) => c.name).sort();
};
const STAFF_OF = `query ($id: ID!) { node(id: $id) { ... on Club { staff(first: 50) { totalCount nodes { email role } } } } }`;
const staffAdd = (clubId: string, email: string, role: string, key: string) =>
  mutate(
    app,
    "addClubStaff",
    "ClubStaffInput",
    "... on AddClubStaffPayload { staff { email role club { id } } } ... on ConflictError { path }",
    { clubId, email, role },
    key,
  );
const staffUpdate = (clubId: string, email: string, role: string, key: string) =>
  mutate(
    app,
    "updateClubStaff",
    "ClubStaffInput",
    "... on UpdateClubStaffPayload { staff { email role } }",
    { clubId, email, role },
    key,
  );
const staffRemove = (clubId: string, email: string, key: string) =>
  mutate(
    app,
    "removeClubStaff",
    "RemoveClubStaffInput",
    "... on RemoveClubStaffPayload { email club { id } }",
    { clubId, email },
    key,
  );

describe("clubs", () => {
  it("are created and changed by the program's managers and the partner, with unique names per partner", async () => {
    const user = `owner-${tag()}@example.com`;
    await grantRole(app, { email: user, role: "PARTNER_USER", programId: w.program.id, partnerId: w.partner.id });
    const userToken = await login(app, mailbox, user);
    for (const [key, name] of [
      [w.program.secretKey, "By key"],
      [w.partner.apiKey, "By partner"],
      [userToken, "By partner user"],
    ] as const) {
      const { result } = await mutate(
        app,
        "createClub",
        "CreateClubInput",
        "... on CreateClubPayload { club { name address status partnerName } }",
        { partner: { id: w.partner.id }, name, address: " Main St 1 " },
        key,
      );
      expect(result).toMatchObject({
        __typename: "CreateClubPayload",
        club: { name, address: "Main St 1", status: "ACTIVE", partnerName: expect.stringMatching(/^Coffee/) },
      });
    }
    const duplicate = await mutate(app, "createClub", "CreateClubInput", "... on ConflictError { path }", {
      partner: { id: w.partner.id },
      name: "Old Town",
    });
    expect(duplicate.result).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", path: "name" });
    const empty = await mutate(app, "createClub", "CreateClubInput", "", { partner: { id: w.partner.id }, name: "  " });
    expect(empty.result).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "name", message: "must not be empty" }],
    });

    const id = w.clubs[1].id;
    const renamed = await mutate(
      app,
      "updateClub",
      "UpdateClubInput",
      "... on UpdateClubPayload { club { name address } }",
      { id, name: "Riverside East", address: "Quay 2" },
      w.partner.apiKey,
    );
    expect(renamed.result).toMatchObject({ club: { name: "Riverside East", address: "Quay 2" } });
    const cleared = await mutate(
      app,
      "updateClub",
      "UpdateClubInput",
      "... on UpdateClubPayload { club { name address } }",
      { id, name: null, address: null },
      w.partner.apiKey,
    );
    expect(cleared.result).toMatchObject({ club: { name: "Riverside East", address: null } });
    await mutate(app, "updateClub", "UpdateClubInput", "", { id, name: "Riverside" });
  });

  it("refuse other partners, staff and strangers with the catalogue's codes", async () => {
    const other = await createPartner(app, w.program.id, { name: `Other ${tag()}` });
    const stranger = await createProgram(app, { name: "Elsewhere" });
    const create = (key: string) =>
      mutate(app, "createClub", "CreateClubInput", "", { partner: { id: w.partner.id }, name: `Nope ${tag()}` }, key);
    expect((await create(other.apiKey)).code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    expect((await create(w.staff.token)).code).toBe("FORBIDDEN");
    expect((await create(w.manager.token)).code).toBe("FORBIDDEN");
    expect((await create(stranger.secretKey)).code).toBe("PARTNER_NOT_FOUND");
    const update = (key: string) =>
      mutate(app, "updateClub", "UpdateClubInput", "", { id: w.clubs[0].id, name: "Hijacked" }, key);
    expect((await update(other.apiKey)).code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    expect((await update(w.manager.token)).code).toBe("FORBIDDEN");
    expect((await update(stranger.secretKey)).code).toBe("NOT_FOUND");
    expect((await update(w.member.token)).code).toBe("NOT_FOUND");
  });

  it("are listed for their owners, and for staff only the clubs they work in", async () => {
    const other = await createPartner(app, w.program.id, { name: `Neighbour ${tag()}` });
    await createClub(app, other.id, "Neighbour club");
    expect(await clubNames(ADMIN_KEY, { partner: w.partner.id })).toEqual(
      expect.arrayContaining(["Old Town", "Riverside"]),
    );
    expect(await clubNames(w.program.secretKey)).toContain("Neighbour club");
    expect(await clubNames(w.partner.apiKey)).not.toContain("Neighbour club");
    expect(await clubNames(w.partner.apiKey)).toEqual(expect.arrayContaining(["Old Town", "Riverside"]));
    expect(await clubNames(other.apiKey)).toEqual(["Neighbour club"]);
    expect(await clubNames(w.staff.token)).toEqual(["Old Town"]);
    expect(await clubNames(w.manager.token)).toEqual(["Old Town"]);
    expect(await clubNames(w.member.token)).toEqual([]);
    const missing = await app.gql(`{ clubs(first: 5) { totalCount } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    // The partner's record is for its owners; staff see the business's name only.
    const asStaff = await app.gql(CLUBS, { p: w.program.id }, w.staff.token);
    expect(asStaff.data.clubs.nodes[0]).toMatchObject({ partner: null, partnerName: expect.stringMatching(/^Coffee/) });
    expect(
      (await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: w.clubs[1].id }, w.staff.token)).data.node,
    ).toBeNull();
  });
});

describe("club staff", () => {
  it("owners add either role; a club's managers add and remove STAFF in their own club only", async () => {
    const club = w.clubs[0].id;
    const newcomer = `newcomer-${tag()}@example.com`;
    const added = await staffAdd(club, newcomer, "STAFF", w.manager.token);
    expect(added.result).toMatchObject({
      __typename: "AddClubStaffPayload",
      staff: { email: newcomer, role: "STAFF", club: { id: club } },
    });
    // The account was created by email: the newcomer logs in with a code and works in the club.
    const token = await login(app, mailbox, newcomer);
    expect(await clubNames(token)).toEqual(["Old Town"]);
    // Adding again in the same role returns the row; in another role is a conflict.
    expect((await staffAdd(club, newcomer, "STAFF", w.manager.token)).result?.__typename).toBe("AddClubStaffPayload");
    expect((await staffAdd(club, newcomer, "CLUB_MANAGER", ADMIN_KEY)).result).toMatchObject({
      __typename: "ConflictError",
      path: "email",
    });

    expect((await staffAdd(club, `boss-${tag()}@example.com`, "CLUB_MANAGER", w.manager.token)).code).toBe("FORBIDDEN");
    expect((await staffUpdate(club, newcomer, "CLUB_MANAGER", w.manager.token)).code).toBe("FORBIDDEN");
    expect((await staffRemove(club, w.manager.email, w.manager.token)).code).toBe("FORBIDDEN");
    expect((await staffAdd(w.clubs[1].id, `elsewhere-${tag()}@example.com`, "STAFF", w.manager.token)).code).toBe(
      "STORE_ACCESS_DENIED",
    );
    expect((await staffAdd(club, `peer-${tag()}@example.com`, "STAFF", w.staff.token)).code).toBe("FORBIDDEN");
    expect((await staffRemove(club, newcomer, w.staff.token)).code).toBe("FORBIDDEN");
    expect((await staffAdd(club, `x-${tag()}@example.com`, "STAFF", w.member.token)).code).toBe("NOT_FOUND");
    expect((await staffAdd(club, "not-an-email", "STAFF", ADMIN_KEY)).result).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "email" }],
    });

    expect((await staffUpdate(club, newcomer, "CLUB_MANAGER", w.partner.apiKey)).result).toMatchObject({
      staff: { email: newcomer, role: "CLUB_MANAGER" },
    });
    expect((await staffUpdate(club, newcomer, "STAFF", w.program.secretKey)).result).toMatchObject({
      staff: { role: "STAFF" },
    });
    expect((await staffRemove(club, newcomer, w.manager.token)).result).toMatchObject({
      email: newcomer,
      club: { id: club },
    });
    expect((await staffRemove(club, newcomer, w.manager.token)).result).toMatchObject({ __typename: "NotFoundError" });
    const audit = await app.gql(`query ($p: ID!) { auditLog(programId: $p, first: 50) { nodes { action } } }`, {
      p: w.program.id,
    });
    expect((audit.data.auditLog.nodes as { action: string }[]).map((n) => n.action)).toEqual(
      expect.arrayContaining(["club.addStaff", "club.updateStaff", "club.removeStaff"]),
    );
  });

  it("are listed in full for owners and the club's managers; staff see only themselves", async () => {
    const all = async (key: string) =>
      ((await app.gql(STAFF_OF, { id: w.clubs[0].id }, key)).data.node.staff.nodes as { email: string }[])
        .map((s) => s.email)
        .sort();
    const everyone = [w.manager.email, w.staff.email].sort();
    expect(await all(ADMIN_KEY)).toEqual(expect.arrayContaining(everyone));
    expect(await all(w.partner.apiKey)).toEqual(expect.arrayContaining(everyone));
    expect(await all(w.manager.token)).toEqual(expect.arrayContaining(everyone));
    expect(await all(w.staff.token)).toEqual([w.staff.email]);
  });

  it("lose club access when removed from their last club, when the club closes, and while the partner is disabled or deleted", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const email = `leaver-${tag()}@example.com`;
    await addClubStaff(app, world.clubs[0].id, email);
    await addClubStaff(app, world.clubs[1].id, email);
    const token = await login(app, mailbox, email);
    const names = () => clubNames(token, { p: world.program.id });
    expect(await names()).toEqual(["Old Town", "Riverside"]);
    await staffRemove(world.clubs[1].id, email, ADMIN_KEY);
    expect(await names()).toEqual(["Old Town"]);
    await staffRemove(world.clubs[0].id, email, ADMIN_KEY);
    expect(await names()).toEqual([]);
    expect((await app.gql(`{ cards(first: 5) { totalCount } }`, {}, token)).data.cards.totalCount).toBe(0);
    // The session still works: the person simply has no club.
    expect((await app.gql(`{ viewer { kind } }`, {}, token)).data.viewer.kind).toBe("USER");

    await mutate(app, "updateClub", "UpdateClubInput", "", { id: world.clubs[0].id, status: "INACTIVE" });
    expect(await clubNames(world.staff.token, { p: world.program.id })).toEqual([]);
    // Their only club closed: they no longer work in the program at all, so its clubs are unknown to them.
    expect((await staffAdd(world.clubs[0].id, `late-${tag()}@example.com`, "STAFF", world.manager.token)).code).toBe(
      "NOT_FOUND",
    );
    await mutate(app, "updateClub", "UpdateClubInput", "", { id: world.clubs[0].id, status: "ACTIVE" });
    expect(await clubNames(world.staff.token, { p: world.program.id })).toEqual(["Old Town"]);

    const status = (s: string) =>
      app.gql(
        `mutation ($id: ID!, $s: PartnerStatus!) { setPartnerStatus(input: { partner: { id: $id }, status: $s }) { __typename } }`,
        { id: world.partner.id, s },
      );
    await status("DISABLED");
    expect(await clubNames(world.staff.token, { p: world.program.id })).toEqual([]);
    expect((await app.gql(`{ cards(first: 5) { totalCount } }`, {}, world.staff.token)).data.cards.totalCount).toBe(0);
    await status("ENABLED");
    expect(await clubNames(world.staff.token, { p: world.program.id })).toEqual(["Old Town"]);
    await app.gql(`mutation ($id: ID!) { deletePartner(input: { partner: { id: $id } }) { __typename } }`, {
      id: world.partner.id,
    });
    expect(await clubNames(world.staff.token, { p: world.program.id })).toEqual([]);
    expect(await clubNames(world.program.secretKey, { p: world.program.id })).toEqual([]);
  });
});
