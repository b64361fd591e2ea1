// The policy workbench in a real browser, through the accessible names of
// CONTRACT section 14 (the names a screen reader says). Run by
// server/tests/workbench_browser.rs against the real binary.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, launch } from "./browser.mjs";

let browser;
let page;

before(async () => {
  browser = await launch();
  page = browser.page;
  await page.goto(`${BASE}/`);
});

after(async () => {
  await browser?.close();
});

const definition = () => page.getByRole("textbox", { name: "Policy definition", exact: true });
const region = (name) => page.getByRole("region", { name, exact: true });
const button = (name) => page.getByRole("button", { name, exact: true });

/** The built-in policy's document, read from the service as the page reads it. */
async function builtIn(id) {
  const response = await page.request.get(`${BASE}/v1/policies/${id}`);
  assert.equal(response.status(), 200);
  return response.text();
}

/** Waits until a region's text includes `text`. */
async function waitForText(locator, text) {
  await locator.filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

test("the page is served with a strict policy and every control has its name", async () => {
  const response = await page.request.get(`${BASE}/`);
  const csp = response.headers()["content-security-policy"];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  await page.goto(`${BASE}/`);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Policy workbench");
  for (const [role, name] of [
    ["textbox", "Policy definition"],
    ["button", "Check policy"],
    ["list", "Problems"],
    ["region", "Diagram"],
    ["region", "Laws"],
    ["textbox", "Events"],
    ["combobox", "Calendar"],
    ["button", "Evaluate"],
    ["region", "Timeline"],
    ["button", "Download definition"],
  ]) {
    assert.equal(await page.getByRole(role, { name, exact: true }).count(), 1, `${role} ${name}`);
  }
  assert.equal(await page.getByLabel("As of", { exact: true }).getAttribute("type"), "date");
  assert.equal(await page.getByRole("textbox", { name: "As of", exact: true }).count(), 1);
  // Prefilled with the illustrative policy; England and Wales by default.
  assert.equal(JSON.parse(await definition().inputValue()).id, "example-borough-2026");
  assert.equal(await page.getByRole("combobox", { name: "Calendar" }).inputValue(), "england-and-wales");
});

test("a broken definition lists each problem with its path", async () => {
  const broken = {
    id: "example-borough-2026",
    name: "Example Borough",
    stages: [
      { number: 1, name: "Practitioners", clock: { kind: "working_days_after_start", days: 0 } },
      { number: 3, name: "Independent chair", clock: { kind: "fortnightly" } },
    ],
    skips: [{ to: [7] }],
  };
  await definition().fill(JSON.stringify(broken, null, 2));
  await button("Check policy").click();
  const problems = page.getByRole("list", { name: "Problems", exact: true });
  await problems.getByRole("listitem").first().waitFor();
  const items = await problems.getByRole("listitem").allTextContents();
  for (const path of ["stages[0].clock.days", "stages[1].number", "stages[1].clock.kind", "skips[0].to[0]"]) {
    assert.ok(items.some((item) => item.startsWith(`${path}: `)), `${path} in ${items.join(" | ")}`);
  }
  // No problem repeats a value of the document.
  assert.ok(!items.some((item) => item.includes("fortnightly")));
  assert.equal(await region("Diagram").locator("svg").count(), 0);
});

test("a valid definition is drawn with every stage and keeps the laws", async () => {
  const text = readFileSync(new URL("../../../examples/policies/example-borough-2026.json", import.meta.url), "utf8");
  await definition().fill(text);
  await button("Check policy").click();
  await waitForText(region("Laws"), "kept");
  const problems = page.getByRole("list", { name: "Problems", exact: true });
  assert.equal(await problems.getByRole("listitem").count(), 0);
  const svg = region("Diagram").locator("svg");
  assert.equal(await svg.count(), 1);
  const texts = await svg.locator("text").allTextContents();
  for (const stage of JSON.parse(text).stages) {
    assert.ok(texts.includes(stage.name), `${stage.name} in the diagram`);
    // Found by its text alone, once.
    assert.equal(await region("Diagram").getByText(stage.name).count(), 1, stage.name);
  }
  // 256 cases unless the service's two seconds ran out first.
  assert.match(await region("Laws").textContent(), /kept: no counterexample in \d+ generated cases/);
});

test("Swindon, copied from the built-in, across Christmas 2026", async () => {
  // The page's own choice: start from a copy of a built-in policy.
  await page.getByRole("combobox", { name: "Start from" }).selectOption("swindon-resolution-2026");
  await button("Load a copy").click();
  await page.waitForFunction(() => document.getElementById("definition").value.includes('"swindon-resolution-2026"'));
  assert.equal(await definition().inputValue(), await builtIn("swindon-resolution-2026"));

  await page.getByRole("textbox", { name: "Events", exact: true }).fill(JSON.stringify([
    { type: "raised", on: "2026-12-21" },
    { type: "escalated", on: "2026-12-23" },
  ]));
  await page.getByLabel("As of", { exact: true }).fill("2027-01-05");
  await page.getByRole("combobox", { name: "Calendar" }).selectOption({ label: "England and Wales" });
  await button("Evaluate").click();
  const timeline = region("Timeline");
  await waitForText(timeline, "Inter-agency Discussion");
  const stages = timeline.getByRole("list", { name: "Stages" }).getByRole("listitem");
  // Stage 1: two working days from Monday 21 December: Wednesday 23, met.
  const one = await stages.filter({ hasText: "Stage 1: Internal Discussion" }).textContent();
  assert.match(one, /met/);
  assert.match(one, /due by Wed 23 Dec 2026 \(2026-12-23\)/);
  // Stage 2: five working days from Wednesday 23 December 2026 skip
  // Christmas Day (Fri 25), Boxing Day's substitute (Mon 28) and New
  // Year's Day (Fri 1 January): Monday 4 January 2027, a working day
  // overdue on Tuesday 5.
  const two = await stages.filter({ hasText: "Stage 2: Inter-agency Discussion" }).textContent();
  assert.match(two, /due by Mon 4 Jan 2027 \(2027-01-04\)/);
  assert.match(two, /overdue by 1 working day/);
  assert.match(two, /Bank holidays skipped: Fri 25 Dec Christmas Day; Mon 28 Dec Boxing Day \(substitute day\); Fri 1 Jan New Year’s Day/);
  // Day 17: seventeen working days from 21 December, Monday 18 January.
  const milestones = await timeline.getByRole("list", { name: "Milestones" }).textContent();
  assert.match(milestones, /Day 17/);
  assert.match(milestones, /due by Mon 18 Jan 2027 \(2027-01-18\)/);
  // The obligations, each with its own deadline or none.
  const obligations = timeline.getByRole("list", { name: "Obligations" }).getByRole("listitem");
  assert.ok((await obligations.count()) >= 1);
  assert.match(await obligations.first().textContent(), /no time stated|due/);

  // In Scotland, Monday 4 January 2027 is the substitute for 2 January:
  // stage 2 is due on Tuesday 5 and is not overdue.
  await page.getByRole("combobox", { name: "Calendar" }).selectOption({ label: "Scotland" });
  await button("Evaluate").click();
  await waitForText(timeline, "on the calendar of Scotland");
  const scottish = await timeline.getByRole("list", { name: "Stages" }).getByRole("listitem")
    .filter({ hasText: "Stage 2" }).textContent();
  assert.match(scottish, /due by Tue 5 Jan 2027 \(2027-01-05\)/);
  assert.match(scottish, /2nd January \(substitute day\)/);
  assert.match(scottish, /in time/);
  await page.getByRole("combobox", { name: "Calendar" }).selectOption({ label: "England and Wales" });
});

test("a refused case says why in the timeline, naming the event", async () => {
  await page.getByRole("textbox", { name: "Events", exact: true }).fill(JSON.stringify([
    { type: "escalated", on: "2026-12-21" },
  ]));
  await button("Evaluate").click();
  await waitForText(region("Timeline"), "Refused");
  assert.match(await region("Timeline").textContent(), /invalid_transition.*events\[0\]/s);
});

test("a counterexample is shown as a case that opens in the Events box", async () => {
  // The page's side of a broken law: the service's answer with a
  // counterexample in place of its result.
  await page.route(`${BASE}/v1/check**`, async (route) => {
    const answer = await (await route.fetch()).json();
    answer.laws.kept = false;
    answer.laws.counterexample = {
      law: "replay is deterministic",
      detail: "two evaluations of the log differ",
      as_of: "2027-01-08",
      events: [{ type: "raised", on: "2027-01-04" }, { type: "escalated", on: "2027-01-06" }],
    };
    await route.fulfill({ json: answer });
  });
  await button("Check policy").click();
  await waitForText(region("Laws"), "A law is broken");
  await region("Laws").getByRole("button", { name: "Open this case" }).click();
  const events = page.getByRole("textbox", { name: "Events", exact: true });
  assert.deepEqual(JSON.parse(await events.inputValue()),
    [{ type: "raised", on: "2027-01-04" }, { type: "escalated", on: "2027-01-06" }]);
  assert.equal(await page.getByLabel("As of", { exact: true }).inputValue(), "2027-01-08");
  assert.ok(await events.evaluate((e) => e === document.activeElement));
  await page.unroute(`${BASE}/v1/check**`);
});

test("the download is the box's text as a JSON file", async () => {
  const text = await definition().inputValue();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    button("Download definition").click(),
  ]);
  assert.equal(download.suggestedFilename(), "swindon-resolution-2026.json");
  const saved = readFileSync(await download.path(), "utf8");
  assert.equal(saved, text);
  assert.equal(JSON.parse(saved).id, "swindon-resolution-2026");
});

test("the keyboard alone checks a policy and evaluates a case", async () => {
  await page.goto(`${BASE}/`);
  await definition().focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Check policy");
  await page.keyboard.press("Enter");
  await waitForText(region("Laws"), "kept");
  // On from the Events box to the Evaluate button, by Tab alone.
  await page.getByRole("textbox", { name: "Events", exact: true }).focus();
  for (let i = 0; i < 12; i++) {
    if ((await page.evaluate(() => document.activeElement.id)) === "evaluate") break;
    await page.keyboard.press("Tab");
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), "evaluate");
  await page.keyboard.press("Enter");
  // The illustrative policy's stage 2 (five working days for a standard
  // concern) from Wednesday 23 December 2026, past the same holidays.
  await waitForText(region("Timeline"), "Line managers");
  assert.match(await region("Timeline").textContent(), /due by Mon 4 Jan 2027/);
});

test("no request left the service's origin", () => {
  const origin = new URL(BASE).origin;
  assert.ok(browser.requests.length > 5, `${browser.requests.length} requests`);
  for (const url of browser.requests) {
    assert.equal(new URL(url).origin, origin, url);
  }
});
