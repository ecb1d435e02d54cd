// The SDK is a browser client with no Node polyfills: a page bundled by esbuild (platform browser) from the built
// package, served from another origin than the API, runs in headless Chromium with every request beyond loopback
// aborted, asks who it is over HTTP (a cross-origin request CORS must allow) and subscribes to conversionCreated
// over WebSocket; a conversion tracked from Node appears on the page.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, NO_BROWSER, offlinePage, outputDir } from "./browser.js";
import { ADMIN_KEY, createProgram, startTestApp, type TestApp } from "./helpers.js";
import { createProject, track } from "./referral-helpers.js";

/** The page's script: the SDK's lean client and two of its documents, as a front-end team would import them. */
const PAGE_SCRIPT = `
import { ConversionCreatedDocument, createBaseClient, ViewerDocument } from "@partnergraph/sdk";
const { url, apiKey, programId } = window.PARTNERGRAPH;
const client = createBaseClient({ url, apiKey });
const show = (id, text) => { document.getElementById(id).textContent = text; };
client.request(ViewerDocument).then((r) => show("viewer", r.viewer.kind), (e) => show("viewer", "error " + e.code));
(async () => {
  try {
    for await (const { conversionCreated } of client.subscribe(ConversionCreatedDocument, { filter: { programId } })) {
      const li = document.createElement("li");
      li.textContent = conversionCreated.status + " " + conversionCreated.conversion?.externalId;
      document.getElementById("events").append(li);
    }
  } catch (e) { show("viewer", "subscription failed: " + (e.code ?? e.message)); }
})();
`;

/**
 * Serves the page from a loopback origin of its own, as a front-end's dev server would, so every API call from it
 * is cross-origin. (A page fulfilled by the test's route has no address: Chromium's local network access checks
 * then refuse its requests to loopback.)
 */
async function servePage(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe.skipIf(NO_BROWSER)(`the SDK in headless Chromium ${NO_BROWSER ?? ""}`, () => {
  let app: TestApp;
  let browser: Browser;
  let bundle: string;
  let pageServer: Server | undefined;
  beforeAll(async () => {
    const bundled = build({
      stdin: { contents: PAGE_SCRIPT, resolveDir: import.meta.dirname, loader: "js" },
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
    });
    let output: Awaited<typeof bundled>;
    [app, browser, output] = await Promise.all([startTestApp(), launchChromium(), bundled]);
    bundle = output.outputFiles[0]?.text ?? "";
  });
  afterAll(async () => {
    await browser?.close();
    pageServer?.close();
    await app?.close();
  });

  it("renders a conversion tracked from Node, received over WebSocket", { timeout: 60_000 }, async () => {
    const program = await createProgram(app);
    const project = await createProject(app, program.id);
    const { page, blocked } = await offlinePage(browser);
    const config = { url: app.graphqlUrl, apiKey: ADMIN_KEY, programId: program.id };
    const served = await servePage(`<!doctype html><meta charset="utf-8"><title>SDK</title>
<p id="viewer">…</p><ul id="events"></ul>
<script>window.PARTNERGRAPH = ${JSON.stringify(config)};</script>
<script type="module">${bundle}</script>`);
    pageServer = served.server;
    const before = app.events.listenerCount();
    await page.goto(served.url);

    await expect.poll(() => page.locator("#viewer").textContent()).toBe("ADMIN_KEY");
    await expect.poll(() => app.events.listenerCount()).toBe(before + 1); // the subscription is live on the server
    const tracked = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "order-from-node",
      amount: "1",
    });
    expect(tracked.created).toBe(true);

    await expect.poll(() => page.locator("#events li").allTextContents()).toEqual(["UNATTRIBUTED order-from-node"]);
    await page.screenshot({ path: join(outputDir(import.meta.filename), "conversion.png") });
    expect(blocked).toEqual([]);
  });
});
