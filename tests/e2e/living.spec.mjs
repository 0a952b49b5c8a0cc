// A plan that lives over time: the working calendar, actual dates and the
// forecast they move, a gate's recorded decision, and the results that show
// progress, all on the real built site.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

async function expectNoViolations(page, where) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

test("actual dates and a holiday move the forecast, and the results show it", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await new Library(page).startExample("finance");
  const builder = new Builder(page);
  await builder.goTo("roadmap");

  // The calendar: a closure and the day progress is measured on.
  const calendar = page.getByTestId("calendar");
  await calendar.getByRole("button", { name: "Add closure" }).click();
  await calendar.getByLabel("Holiday or closure").fill("Company day");
  await calendar.getByLabel("Closed from").fill("2026-03-11");
  await calendar.getByLabel("Progress as of").fill("2026-04-15");

  // The first task finished three days late; the second is half done.
  const first = page.getByTestId("tasks-row").first();
  await first.getByLabel("Actual start").fill("2026-03-02");
  await first.getByLabel("Actual finish", { exact: true }).fill("2026-03-12");
  await expect(first.getByLabel("Status")).toHaveValue("done");
  await expect(first.getByTestId("task-forecast")).toContainText("Late: finished 2 working days after its planned finish");
  await expect(first.getByTestId("task-forecast")).toHaveAttribute("data-late", "true");

  // The fourth (merging duplicate suppliers, 20 days) is half done.
  const fourth = page.getByTestId("tasks-row").nth(3);
  await fourth.getByLabel("Actual start").fill("2026-03-16");
  await fourth.getByLabel("Done so far").fill("50");
  await expect(fourth.getByTestId("task-forecast")).toContainText("2026");

  // A gate recorded as go while its criteria are unmet says so.
  const phase = page.getByTestId("phases-row").first();
  await phase.getByLabel("Decision at the gate").selectOption({ label: "Go" });
  await phase.getByLabel("Decided on").fill("2026-04-10");
  const gate = await phase.getByTestId("gate").getAttribute("data-decision");
  const note = phase.getByTestId("decision-note");
  await expect(note).toContainText("Recorded go on 2026-04-10");
  if (gate === "no_go") await expect(note).toContainText("Check:");
  await builder.saved();

  // The results: progress as of the day, late tasks and the timeline's marks.
  await page.getByRole("link", { name: "Results" }).click();
  const progress = page.getByTestId("dash-progress");
  await expect(progress.getByTestId("progress-summary")).toContainText("late");
  await expect(progress.getByTestId("progress-summary")).toContainText("under way");
  await expect(progress.getByTestId("late-tasks").getByRole("listitem").first()).toBeVisible();
  await expect(progress.getByRole("table", { name: /Gate outlook/ })).toBeVisible();
  await expect(page.getByTestId("gantt-as-of")).toHaveCount(1);
  await expect(page.getByTestId("gantt-closed")).toHaveCount(1);
  await expect(page.locator('[data-testid=gantt-bar][data-late=true]').first()).toBeVisible();
  await expect(page.locator('[data-testid=gantt-bar][data-task=task-4]')).toHaveAttribute("data-percent", "50");
  await expect(page.getByTestId("dash-decision-note").first()).toContainText("Recorded go");
  await expectNoViolations(page, "the results of a plan in progress");

  // Clearing the as-of day measures progress as of today instead: the
  // summary names another day.
  const before = await page.getByTestId("progress-summary").textContent();
  await builder.goTo("roadmap");
  await page.getByTestId("calendar").getByLabel("Progress as of").fill("");
  await page.getByRole("link", { name: "Results" }).click();
  await expect(page.getByTestId("progress-summary")).not.toHaveText(before);
});

test("a metric keeps its readings and the results draw its trend", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("finance");
  const builder = new Builder(page);
  await builder.goTo("metrics");
  const metric = page.getByTestId("metrics-row").first();
  const name = await metric.getByLabel("Name", { exact: true }).inputValue();
  await metric.getByLabel("Latest actual", { exact: true }).fill("7");
  await metric.getByLabel("Latest actual measured on").fill("2026-04-01");
  const keep = metric.getByRole("button", { name: `Keep the latest actual of ${name} as a reading` });
  await keep.click();
  await expect(keep).toBeDisabled();
  await expect(metric.getByTestId("metric-readings")).toContainText("1 earlier reading kept.");
  await page.getByRole("link", { name: "Results" }).click();
  const trend = page.getByTestId("metric-trend").filter({ hasText: name }).first();
  await expect(trend).toContainText("on 2026-04-01");
});
