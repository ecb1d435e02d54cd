// Headless Chromium for the browser tests (Debian's chromium, driven by playwright-core: playwright cannot
// download browsers here). Pages reach the loopback server only: any other request is aborted and recorded, so a
// test proves that the page works offline.
import { existsSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** Why the browser tests are skipped, if they are; they run wherever Debian's chromium is installed. */
export const NO_BROWSER = existsSync(CHROMIUM)
  ? undefined
  : `skipped: ${CHROMIUM} is absent (apt-get install chromium)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A page that may load from loopback only; `blocked` lists every other URL it tried. */
export async function offlinePage(browser: Browser): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort("internetdisconnected");
  });
  return { page, blocked };
}

/** Where a test file keeps its screenshots: packages/server/test-results/<file>/ (gitignored). */
export function outputDir(testFile: string): string {
  const dir = join(import.meta.dirname, "..", "test-results", basename(testFile, ".test.ts"));
  mkdirSync(dir, { recursive: true });
  return dir;
}
