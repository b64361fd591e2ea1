// Shared by the tests and the screenshots: Debian's Chromium, headless,
// driven by playwright-core, with nothing that reaches out of the machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** The service under test, as `http://127.0.0.1:PORT` (no slash at the end). */
export const BASE = (process.env.WORKBENCH_URL || "").replace(/\/$/, "");
if (!BASE) throw new Error("WORKBENCH_URL is not set (server/tests/workbench_browser.rs sets it)");

/** Launches Chromium with a fresh profile; `close()` ends it and removes the profile. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "workbench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    locale: "en-GB",
    timezoneId: "Europe/London",
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-default-apps",
      "--disable-extensions",
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  return {
    context,
    page,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
