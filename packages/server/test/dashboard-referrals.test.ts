// The dashboard in a real browser, referral side: a manager's live view shows a conversion tracked from Node
// without a reload; a partner user sees only its own links and conversions, and another partner's page is
// "not found".
import { createClient, type PartnergraphClient } from "@partnergraph/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import {
  BROWSER_TEST_TIMEOUT,
  checkView,
  launchBrowser,
  logIn,
  newPage,
  screenshotOpenPages,
} from "./dashboard/browser.js";
import { ADMIN_KEY, createPartner, createProgram, grantRole, startTestApp, type TestApp } from "./helpers.js";
import { BROWSER } from "./referral-helpers.js";

let app: TestApp;
let browser: Browser;
const mailbox: Mail[] = [];
let admin: PartnergraphClient;
let brand: PartnergraphClient; // the program's secret key, as a brand's server would use it
let programId: string;
let projectId: string;
const partners: Record<"a" | "b", { id: string; code: string }> = {
  a: { id: "", code: "" },
  b: { id: "", code: "" },
};

/** A partner in the project with one link. */
async function partnerWithLink(name: string) {
  const partner = await createPartner(app, programId, { name });
  await admin.AddPartnerToProject({ input: { projectId, partnerId: partner.id } });
  const { createReferralLink } = await admin.CreateReferralLink({
    input: { partnerId: partner.id, projectId, destinationUrl: "https://shop.example/" },
  });
  if (createReferralLink.__typename !== "CreateReferralLinkPayload")
    throw new Error(JSON.stringify(createReferralLink));
  return { id: partner.id, code: createReferralLink.link.code };
}

/** A visitor clicks the link, then the brand's server reports the sale (attributed to the link's partner). */
async function sale(code: string, externalId: string) {
  await fetch(`${app.url}/r/${code}`, { redirect: "manual", headers: { "user-agent": BROWSER } });
  const { trackConversion } = await brand.TrackConversion({
    input: { projectId, externalId, type: "SALE", amount: "120.00", code },
  });
  if (trackConversion.__typename !== "TrackConversionPayload") throw new Error(JSON.stringify(trackConversion));
}

beforeAll(async () => {
  app = await startTestApp({}, { mailbox });
  browser = await launchBrowser();
  admin = createClient({ url: app.graphqlUrl, apiKey: ADMIN_KEY });
  const program = await createProgram(app, { name: "Referral Co" });
  programId = program.id;
  brand = createClient({ url: app.graphqlUrl, apiKey: program.secretKey });
  const { createProject } = await admin.CreateProject({ input: { programId, name: "Spring", slug: "spring" } });
  if (createProject.__typename !== "CreateProjectPayload") throw new Error(JSON.stringify(createProject));
  projectId = createProject.project.id;
  partners.a = await partnerWithLink("Hotel Neris");
  partners.b = await partnerWithLink("Hotel Vilnelė");
  await grantRole(app, { email: "manager@referral.example", programId, role: "PROGRAM_MANAGER" });
  await grantRole(app, { email: "owner@neris.example", programId, partnerId: partners.a.id, role: "PARTNER_USER" });
});

afterEach(async ({ task }) => {
  if (task.result?.state === "fail") await screenshotOpenPages(task.name);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The text of every cell in a table column on the page. */
async function cellsOf(page: Page, column: number): Promise<string[]> {
  return page.locator(`main table tbody tr td:nth-child(${column})`).allTextContents();
}

describe("program manager", () => {
  it(
    "sees a conversion tracked from Node in the live feed and counters within 2 s, without a reload",
    async () => {
      const { page, context } = await newPage(browser, app);
      await logIn(page, app, mailbox, "manager@referral.example");
      // One role: the picker opens the program at once.
      await page.waitForURL(`**/partner/programs/${programId}/partners`);
      await checkView(page, "manager-partners", "Partners");
      expect(await cellsOf(page, 1)).toEqual(["Hotel Neris", "Hotel Vilnelė"]);

      await page.getByRole("link", { name: "Live" }).click();
      await checkView(page, "manager-live-before", "Live");
      await page.getByText("Live: new events appear as they happen.").waitFor();
      const loads: string[] = [];
      page.on("framenavigated", (frame) => frame === page.mainFrame() && loads.push(frame.url()));

      await sale(partners.a.code, "order-1001");
      await page.getByRole("cell", { name: "order-1001" }).waitFor({ timeout: 2_000 });
      await page.getByTestId("live-conversions").filter({ hasText: /^1$/ }).waitFor({ timeout: 2_000 });
      expect(loads).toEqual([]); // no reload or navigation
      const row = page.getByRole("row").filter({ hasText: "order-1001" });
      expect(await row.textContent()).toContain("Hotel Neris");
      expect(await row.textContent()).toContain("Attributed");
      await checkView(page, "manager-live-after", "Live");
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describe("partner user", () => {
  it(
    "sees only its own links and conversions; another partner's page is not found",
    async () => {
      await sale(partners.a.code, "order-neris");
      await sale(partners.b.code, "order-vilnele");
      const { page, context } = await newPage(browser, app);
      await logIn(page, app, mailbox, "owner@neris.example");
      await page.waitForURL(`**/partner/partners/${partners.a.id}/links`);
      await checkView(page, "partner-links", "Referral links");
      const links = await cellsOf(page, 1);
      expect(links).toHaveLength(1);
      expect(links[0]).toContain(`/r/${partners.a.code}`);

      await page.getByRole("link", { name: "Conversions" }).click();
      await checkView(page, "partner-conversions", "Conversions");
      const references = await cellsOf(page, 2);
      expect(references).toContain("order-neris");
      expect(references).not.toContain("order-vilnele");

      // By URL: the other partner's pages, and the program's management.
      for (const path of [`/partner/partners/${partners.b.id}/links`, `/partner/programs/${programId}/partners`]) {
        await page.goto(path);
        await checkView(page, "partner-not-found", "Not found");
        expect(await page.locator("main").textContent()).not.toContain(partners.b.code);
      }
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
