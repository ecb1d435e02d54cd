// The dashboard in a real browser, loyalty side: an owner sets up a club, a stamp card and a reward and invites a
// staff member; the staff member, on a phone-sized screen, scans the member's QR with the camera (Chromium's fake
// camera showing it; this Chromium has no BarcodeDetector, so the JavaScript decoder reads it) or pastes its
// payload, stamps a full card and redeems the reward; a refused action reads as a sentence; the member's page then
// shows the coupon.
import { createClient } from "@partnergraph/sdk";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import {
  BROWSER_TEST_TIMEOUT,
  checkView,
  launchBrowser,
  logIn,
  newPage,
  qrVideo,
  screenshotOpenPages,
} from "./dashboard/browser.js";
import { ADMIN_KEY, createPartner, createProgram, grantRole, type TestApp } from "./helpers.js";
import { startLoyaltyApp } from "./loyalty-helpers.js";

let app: TestApp;
let browser: Browser;
const mailbox: Mail[] = [];
let partnerId: string;
let memberId: string;

const OWNER = "owner@kava.example";
const STAFF = "barista@kava.example";
const MEMBER = "ona@customer.example";

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  browser = await launchBrowser();
  const program = await createProgram(app, { name: "Kava Club" });
  const partner = await createPartner(app, program.id, { name: "Kava" });
  partnerId = partner.id;
  await grantRole(app, { email: OWNER, programId: program.id, partnerId, role: "PARTNER_USER" });
  const brand = createClient({ url: app.graphqlUrl, apiKey: ADMIN_KEY });
  const { createMember } = await brand.CreateMember({
    input: { programId: program.id, externalId: "ona", email: MEMBER },
  });
  if (createMember.__typename !== "CreateMemberPayload") throw new Error(JSON.stringify(createMember));
  memberId = createMember.member.id;
});

afterEach(async ({ task }) => {
  if (task.result?.state === "fail") await screenshotOpenPages(task.name);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it(
  "owner sets up a stamp card, staff stamps and redeems at the counter, the member sees the coupon",
  async () => {
    // The owner: a club, its staff, a stamp card carried by the club, a reward on it.
    const owner = await newPage(browser, app);
    const page = owner.page;
    await logIn(page, app, mailbox, OWNER);
    await page.waitForURL(`**/partner/partners/${partnerId}/links`);
    await page.getByRole("link", { name: "Clubs" }).click();
    await checkView(page, "owner-clubs-empty", "Clubs");
    await page.getByLabel("Club name").fill("Old Town");
    await page.getByRole("button", { name: "Add club" }).click();
    await page.getByRole("heading", { level: 2, name: "Old Town" }).waitFor();
    await page.getByLabel("Staff email").fill(STAFF);
    await page.getByRole("button", { name: "Invite" }).click();
    await page.getByText(`${STAFF} — Staff`).waitFor();
    await checkView(page, "owner-clubs", "Clubs");

    await page.getByRole("link", { name: "Cards", exact: true }).click();
    await checkView(page, "owner-cards-empty", "Cards");
    await page.getByLabel("Card name").fill("Coffee card");
    await page.getByLabel("Stamps for a full card").fill("3");
    await page.getByLabel("Old Town").check();
    await page.getByRole("button", { name: "New card" }).click();
    await page.getByRole("link", { name: "Rewards of Coffee card" }).click();
    await checkView(page, "owner-rewards-empty", "Rewards of Coffee card");
    await page.getByLabel("Reward", { exact: true }).fill("Free coffee");
    await page.getByRole("button", { name: "Add reward" }).click();
    await page.getByRole("cell", { name: "Free coffee" }).waitFor();
    await checkView(page, "owner-rewards", "Rewards of Coffee card");
    await owner.context.close();

    // The member opens their page: the QR to show at the counter.
    const member = await newPage(browser, app, true);
    await logIn(member.page, app, mailbox, MEMBER);
    await member.page.waitForURL(`**/partner/members/${memberId}`);
    await checkView(member.page, "member-before", "My cards");
    await member.page.getByRole("img", { name: "Your QR code to show at the counter" }).waitFor();
    await member.page.getByText("Show the code as text").click();
    const qr = (await member.page.getByTestId("qr-payload").textContent()) ?? "";
    expect(qr.length).toBeGreaterThan(20);

    // The staff member at the counter, on a phone whose camera sees the member's QR.
    const phone = await launchBrowser({ camera: qrVideo(qr) });
    const staff = await newPage(phone, app, true);
    await logIn(staff.page, app, mailbox, STAFF);
    await staff.page.waitForURL("**/partner/counter/**");
    await checkView(staff.page, "counter", "Counter");
    const qrField = staff.page.getByLabel(/Member's QR code/);
    await staff.page.getByRole("button", { name: "Scan with the camera" }).click();
    await staff.page.getByRole("button", { name: "Scan with the camera" }).waitFor(); // back once it has read one
    expect(await qrField.inputValue()).toBe(qr);
    // Pasting works the same way.
    await qrField.fill("");
    await qrField.fill(qr);
    await staff.page.getByLabel("Stamps", { exact: true }).fill("3");
    await staff.page.getByRole("button", { name: "Add stamps" }).click();
    await staff.page.getByText("Added 3 stamps").waitFor();
    // The same payload again for the same kind of action: refused, in words.
    await staff.page.getByRole("button", { name: "Add stamps" }).click();
    await staff.page
      .getByRole("alert")
      .filter({ hasText: "This QR code was already used for this. Ask the member to show a new one." })
      .waitFor();
    expect(await staff.page.locator("main").textContent()).not.toContain("QR_ALREADY_USED");
    await staff.page.getByRole("button", { name: "Redeem Free coffee" }).click();
    const redeemed = staff.page.getByText(/Redeemed: Free coffee\. The member's coupon is ([A-Z0-9]{5}-[A-Z0-9]{5})\./);
    await redeemed.waitFor();
    const coupon = /([A-Z0-9]{5}-[A-Z0-9]{5})/.exec((await redeemed.textContent()) ?? "")?.[1];
    await checkView(staff.page, "counter-redeemed", "Counter");
    await phone.close();

    // Back on the member's page: the coupon, and the card's progress.
    await member.page.reload();
    await checkView(member.page, "member-after", "My cards");
    const coupons = member.page.locator("ul.coupons");
    await coupons.getByText("Free coffee").waitFor();
    expect(await coupons.textContent()).toContain(coupon);
    expect(await coupons.textContent()).toContain("Ready to use");
    expect(await member.page.locator("ul.cards").textContent()).toContain("Coffee card");
    await member.context.close();
  },
  BROWSER_TEST_TIMEOUT,
);
