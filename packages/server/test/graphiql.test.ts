// GraphiQL works offline: headless Chromium, with every request beyond loopback aborted, opens /graphql, finds
// the Headers tab prefilled with the Bearer example, puts the admin key there, runs the first example tab and
// sees the result. Screenshots go to test-results/graphiql/.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, NO_BROWSER, offlinePage, outputDir } from "./browser.js";
import { ADMIN_KEY, startTestApp, type TestApp } from "./helpers.js";

describe.skipIf(NO_BROWSER)(`GraphiQL in headless Chromium, offline ${NO_BROWSER ?? ""}`, () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("runs an example query with the key put in the prefilled Headers tab", { timeout: 60_000 }, async () => {
    const screenshots = outputDir(import.meta.filename);
    const { page, blocked } = await offlinePage(browser);
    await page.goto(app.graphqlUrl);

    // The example tabs and the prefilled header, from the server's GraphiQL options.
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(() => tabs.allInnerTexts()).toEqual(["Viewer", "Programs", "ConversionCreated"]);
    await page.getByRole("button", { name: "Headers" }).click();
    const headers = page.locator(".graphiql-editor-tool .graphiql-editor").last();
    // The editor renders spaces as no-break spaces.
    const headerText = async () => ((await headers.textContent()) ?? "").replace(/\s+/g, " ");
    await expect.poll(async () => headerText()).toContain("Bearer pga_YOUR_ADMIN_KEY");
    await page.screenshot({ path: join(screenshots, "opened.png") });

    // Replace the placeholder with the real key, as a newcomer does: double-click selects the word near the
    // string's end, `pga_YOUR_ADMIN_KEY` (typing whole JSON would meet the editor's bracket auto-closing).
    const token = headers.getByText('"Bearer pga_YOUR_ADMIN_KEY"');
    const box = await token.boundingBox();
    await token.dblclick({ position: { x: (box?.width ?? 0) - 15, y: (box?.height ?? 0) / 2 } });
    await page.keyboard.insertText(ADMIN_KEY);
    await expect.poll(async () => headerText()).toContain(`Bearer ${ADMIN_KEY}"`);
    await page.getByRole("button", { name: /Execute query/ }).click();

    await page.screenshot({ path: join(screenshots, "typed.png") });
    const response = page.locator(".graphiql-response");
    await expect.poll(() => response.textContent(), { timeout: 20_000 }).toContain("ADMIN_KEY");
    await page.screenshot({ path: join(screenshots, "result.png") });
    expect(blocked).toEqual([]);
  });
});
