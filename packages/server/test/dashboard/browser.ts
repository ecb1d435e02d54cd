// Browser fixtures for the dashboard's end-to-end tests: Debian's Chromium driven by playwright-core against a
// server started by the test, logging in through the page with the code read from the test mailer, an axe-core
// check and a screenshot of every view visited (into test-output/dashboard/, not committed).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { encode } from "uqr";
import { expect } from "vitest";
import type { Mail } from "../../src/domain/mail/outbox.js";
import { mailedLoginCode, type TestApp } from "../helpers.js";

/** A browser test walks through several pages and logins: minutes, on a loaded two-core machine. */
export const BROWSER_TEST_TIMEOUT = 240_000;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), "../../test-output/dashboard");

/** The built dashboard (`pnpm build`), which the server under test serves. */
export const DASHBOARD_DIST = join(
  dirname(createRequire(import.meta.url).resolve("@partnergraph/dashboard/package.json")),
  "dist",
);

/**
 * A video file (YUV4MPEG2, one grey frame) showing `text` as a QR code, for Chromium's fake camera: the counter's
 * scanner reads it like a member's phone held up to the camera.
 */
export function qrVideo(text: string): string {
  const { data, size } = encode(text, { border: 4 });
  const scale = 8;
  const side = size * scale + ((size * scale) % 2); // 4:2:0 wants even sides
  const luma = Buffer.alloc(side * side, 255);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) if (data[Math.floor(y / scale)]?.[Math.floor(x / scale)]) luma[y * side + x] = 0;
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  const path = join(OUTPUT, "qr-camera.y4m");
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(
    path,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]),
  );
  return path;
}

/** Chromium, headless; with `camera`, a fake camera showing that video file (see qrVideo). */
export async function launchBrowser({ camera }: { camera?: string } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(join(DASHBOARD_DIST, "index.html")))
    throw new Error("The dashboard is not built: run `pnpm build` first");
  mkdirSync(OUTPUT, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(camera
        ? [
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            `--use-file-for-fake-video-capture=${camera}`,
          ]
        : []),
    ],
  });
}

/** A fresh browser profile (its own sessionStorage), in English, on a laptop-sized or phone-sized screen. */
export async function newPage(
  browser: Browser,
  app: TestApp,
  phone = false,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    baseURL: app.url,
    locale: "en-GB",
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  // A step that cannot happen fails with the locator it waited for, well inside the test's own timeout.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // Anything the app logs as an error (a CSP refusal, an uncaught exception) fails the test that caused it.
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 40\d/.test(message.text())) problems.push(message.text());
  });
  (page as PageWithProblems).problems = problems;
  open.add(page);
  page.on("close", () => open.delete(page));
  return { page, context };
}

type PageWithProblems = Page & { problems?: string[] };

const open = new Set<Page>();

/** After a failed test: what every open page showed, as `failed-<test>-<n>.png`. */
export async function screenshotOpenPages(test: string): Promise<void> {
  let n = 0;
  for (const page of open)
    await page
      .screenshot({ path: join(OUTPUT, `failed-${test.replace(/\W+/g, "-").slice(0, 60)}-${++n}.png`), fullPage: true })
      .catch(() => undefined);
}

/** Errors the page reported so far (CSP violations, exceptions). */
export function pageProblems(page: Page): string[] {
  return (page as PageWithProblems).problems ?? [];
}

/** Logs `email` in through the login page, reading the emailed code from the test mailer. */
export async function logIn(page: Page, app: TestApp, mailbox: Mail[], email: string): Promise<void> {
  await page.goto("/partner/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  const seen = mailbox.length;
  await page.getByRole("button", { name: "Email me a code" }).click();
  await page.getByLabel("Code from the email").waitFor();
  const code = await mailedLoginCode(app, mailbox, email, seen);
  await page.getByLabel("Code from the email").fill(code);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
}

/**
 * Checks the view on screen: its heading is shown, no failure is shown (unless `alerts`), axe-core finds no serious or critical violation, the page
 * reported no error; saves a screenshot as `name`.
 */
export async function checkView(
  page: Page,
  name: string,
  heading: string | RegExp,
  { alerts = false }: { alerts?: boolean } = {},
): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.getByText("Loading…").first().waitFor({ state: "detached" });
  // A failure shown where none is expected (a refused query shows as an alert, not as an exception).
  if (!alerts) expect(await page.getByRole("alert").allTextContents(), `alerts on ${name}`).toEqual([]);
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, `accessibility of ${name}`).toEqual([]);
  expect(pageProblems(page), `errors on ${name}`).toEqual([]);
}
