// The plan over time in the results: a baseline and what slipped since, the
// status report, and the revision history with restore and undo.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

test("a baseline shows the slip of a lengthened critical task, as a table and ghost bars", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await new Library(page).startExample("finance");
  const builder = new Builder(page);
  await page.getByRole("link", { name: "Results" }).click();
  const panel = page.getByTestId("dash-baselines");
  await panel.getByLabel("Name of the new baseline").fill("Approved at kickoff");
  await panel.getByRole("button", { name: "Set baseline" }).click();
  await expect(panel.getByTestId("baseline")).toHaveCount(1);
  await expect(panel.getByTestId("comparison")).toContainText("Since the baseline “Approved at kickoff”");
  await expect(panel.getByTestId("comparison-finish")).toContainText("no change");
  await expect(page.getByTestId("gantt-ghost").first()).toBeAttached();

  // Lengthen the first task, which is on the critical path, by ten days.
  await builder.goTo("roadmap");
  const first = page.getByTestId("tasks-row").first();
  const length = first.getByLabel("Length");
  const days = Number(await length.inputValue());
  await length.fill(String(days + 10));
  await builder.saved();
  await page.getByRole("link", { name: "Results" }).click();
  await expect(panel.getByTestId("comparison-finish")).toContainText("10 working days later");
  const row = panel.getByTestId("slip-table").locator("tr[data-task=task-1]");
  await expect(row).toContainText("10 working days later");
  // The ghost of the first task is shorter than its bar now.
  const bar = page.locator("[data-testid=gantt-bar][data-task=task-1]");
  const ghost = Number(await bar.getByTestId("gantt-ghost").getAttribute("width"));
  const drawn = Number(await bar.locator("rect.pw-gantt__bar").getAttribute("width"));
  expect(ghost).toBeLessThan(drawn);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

  // The weekly status report downloads as Markdown.
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the status report (Markdown)" }).click()]);
  expect(file.suggestedFilename()).toMatch(/status.*\.md$/);
  const text = readFileSync(await file.path(), "utf8");
  expect(text).toContain("Status report as of");
  expect(text).toContain("Approved at kickoff");

  // Shown on the page, it is also what the page prints, alone.
  await page.getByRole("button", { name: "Show the status report" }).click();
  const shown = page.getByRole("region", { name: "Status report, as printed" });
  await expect(shown).toContainText("Status report as of");
  await page.emulateMedia({ media: "print" });
  await expect(shown).toBeVisible();
  await expect(page.getByTestId("dash-readiness")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print the status report" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByTestId("dash-readiness")).toBeVisible();
});

test("an older revision can be viewed, restored and the restore undone", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("finance");
  const builder = new Builder(page);
  await builder.goTo("objective");
  const title = page.getByLabel("Title of the initiative");
  const before = await title.inputValue();
  await title.fill("Invoice matching, second draft");
  await builder.saved();
  await page.getByRole("link", { name: "Results" }).click();
  const history = page.getByTestId("dash-history");
  const revision = history.getByTestId("revision").first();
  await expect(revision).toContainText("1 change: Title");
  await revision.getByRole("button", { name: /^View the revision of / }).click();
  await expect(revision.getByRole("region", { name: /read-only$/ })).toContainText("Invoice matching, second draft");
  await revision.getByRole("button", { name: /^Restore the revision of / }).click();
  await builder.goTo("objective");
  await expect(title).toHaveValue(before);
  await page.getByTestId("notice").getByRole("button", { name: "Undo" }).click();
  await expect(title).toHaveValue("Invoice matching, second draft");
});

test("conflicts a merge left are shown and settled by choosing a side", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("finance");
  await page.getByTestId("go-dashboard").click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
  const plan = JSON.parse(readFileSync(await file.path(), "utf8"));
  const label = "Task 'Map the AP process and classify exception types': duration_days";
  plan.conflicts = [
    { path: "tasks[id=task-1].duration_days", label, base: 5, ours: 6, theirs: 9 },
    { path: "title", label: "Title", base: "A", ours: plan.title, theirs: "Their title" },
  ];
  await new Builder(page).backToLibrary();
  await page.getByTestId("import-file").setInputFiles({ name: "merged.planwright.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
  const panel = page.getByTestId("dash-conflicts");
  await expect(panel.getByTestId("conflict")).toHaveCount(2);
  await expect(panel.getByTestId("conflict").first()).toContainText("Theirs: 9");
  await panel.getByRole("button", { name: `Take their value for ${label}` }).click();
  await expect(panel.getByTestId("conflict")).toHaveCount(1);
  await panel.getByRole("button", { name: "Keep our value for Title" }).click();
  await expect(page.getByTestId("dash-conflicts")).toHaveCount(0);
  const builder = new Builder(page);
  await builder.goTo("roadmap");
  await expect(page.getByTestId("tasks-row").first().getByLabel("Length")).toHaveValue("9");
});
