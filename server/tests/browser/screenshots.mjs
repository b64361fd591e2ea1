// A screenshot of each view of the workbench, for docs/workbench.md:
// WORKBENCH_SCREENSHOTS=<dir> (server/tests/workbench_browser.rs's
// `screenshots` test sets it, with WORKBENCH_URL).
import { join } from "node:path";
import { BASE, launch } from "./browser.mjs";

const out = process.env.WORKBENCH_SCREENSHOTS;
if (!out) throw new Error("WORKBENCH_SCREENSHOTS is not set");

const browser = await launch();
const { page } = browser;
const region = (name) => page.getByRole("region", { name, exact: true });
const shot = async (locator, file) => {
  await locator.screenshot({ path: join(out, file), animations: "disabled" });
  console.log(`wrote ${file}`);
};

try {
  await page.goto(`${BASE}/`);
  // 1. The page as it opens: the illustrative policy in the box.
  await page.screenshot({ path: join(out, "editor.png") });
  console.log("wrote editor.png");

  // 2. A broken definition: each problem with its path.
  const definition = page.getByRole("textbox", { name: "Policy definition", exact: true });
  const example = await definition.inputValue();
  const broken = JSON.parse(example);
  broken.stages[1].clock = { kind: "fortnightly" };
  broken.stages[2].number = 5;
  broken.milestones[0].met_on_leaving_stage = 9;
  await definition.fill(JSON.stringify(broken, null, 2));
  await page.getByRole("button", { name: "Check policy", exact: true }).click();
  await page.getByRole("list", { name: "Problems", exact: true }).getByRole("listitem").first().waitFor();
  await shot(page.locator("section", { has: page.getByRole("list", { name: "Problems", exact: true }) }), "problems.png");

  // 3. The illustrative policy drawn, and its laws kept.
  await definition.fill(example);
  await page.getByRole("button", { name: "Check policy", exact: true }).click();
  await region("Laws").filter({ hasText: "kept" }).waitFor();
  await shot(region("Diagram"), "diagram.png");
  await shot(region("Laws"), "laws.png");

  // 4. Swindon, copied from the built-in, across Christmas 2026.
  await page.getByRole("combobox", { name: "Start from" }).selectOption("swindon-resolution-2026");
  await page.getByRole("button", { name: "Load a copy", exact: true }).click();
  await page.waitForFunction(() => document.getElementById("definition").value.includes('"swindon-resolution-2026"'));
  await page.getByRole("textbox", { name: "Events", exact: true }).fill(
    '[\n  {"type": "raised", "on": "2026-12-21"},\n  {"type": "escalated", "on": "2026-12-23"}\n]');
  await page.getByLabel("As of", { exact: true }).fill("2027-01-05");
  await page.getByRole("button", { name: "Evaluate", exact: true }).click();
  await region("Timeline").filter({ hasText: "Inter-agency Discussion" }).waitFor();
  await shot(page.locator("section", { has: page.getByRole("textbox", { name: "Events", exact: true }) }), "case.png");
  await shot(region("Timeline"), "timeline.png");
} finally {
  await browser.close();
}
