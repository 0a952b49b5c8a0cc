// Templates (issue 14): a plan saved as a template keeps its phases and
// tasks and loses its people and dates; plans start from a stored template
// and from an example's; a deleted template (a damaged one too) comes back
// with undo, its stored text intact; the library with its Templates section
// passes axe in both themes.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

const FINANCE = "Supplier invoice matching with review checkpoints";
const NEXT_READ = 'Personalised "next read" recommendations';
const PERSON = "Zelda Quintero-Okafor";
const START = "2031-05-19";

/** The plan files stored in the library (or among templates), by title. */
async function stored(page, prefix) {
  const items = await page.evaluate((prefix) => {
    return Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix))
      .map((k) => localStorage.getItem(k));
  }, prefix);
  return items.map((raw) => ({ raw, ...JSON.parse(raw) }));
}
const plans = (page) => stored(page, "planwright.v1.plan.");
const templates = (page) => stored(page, "planwright.v1.template.");
const byTitle = (list, title) => list.find((s) => s.meta.title === title);

async function saveAsTemplate(page, title) {
  await page.getByRole("link", { name: "Results" }).click();
  await page.getByRole("button", { name: "Save as template", exact: true }).click();
  await expect(page.getByTestId("notice").filter({ hasText: `Saved '${title}' as a template` })).toHaveCount(1);
}

async function expectNoViolations(page, where) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

test("a plan saved as a template starts a new plan with its tasks and phases but not its people or dates", async ({ page }) => {
  await openApp(page);
  const builder = new Builder(page);
  await new Library(page).startExample("finance");
  await page.getByLabel("Start date of the roadmap").fill(START);
  await builder.goTo("stakeholders");
  await page.getByTestId("stakeholders-row").first().getByLabel("Name", { exact: true }).fill(PERSON);
  await builder.saved();
  const original = byTitle(await plans(page), FINANCE);
  expect(original.raw).toContain(PERSON);
  expect(original.plan.start_date).toBe(START);

  await saveAsTemplate(page, FINANCE);
  const [template] = await templates(page);
  expect(template.meta.title).toBe(FINANCE);
  expect(template.raw).not.toContain(PERSON);
  expect(template.raw).not.toContain(START);

  await builder.backToLibrary();
  const shelf = page.getByRole("region", { name: "Templates" });
  await shelf.getByRole("button", { name: `Start a plan from ${FINANCE}`, exact: true }).click();
  await expect(page.getByTestId("step-objective")).toBeVisible();
  // The template's title is taken by the plan it came from, so the new plan is a copy by name.
  await expect(page.getByTestId("open-plan-title")).toHaveText(`${FINANCE} (copy)`);
  await expect(page.getByLabel("Start date of the roadmap")).toHaveValue("");
  await builder.saved();

  const started = byTitle(await plans(page), `${FINANCE} (copy)`);
  expect(started.plan.start_date ?? null).toBeNull();
  expect(started.raw).not.toContain(PERSON);
  const titles = (p) => p.tasks.map((t) => t.title);
  expect(titles(started.plan)).toEqual(titles(original.plan));
  expect(started.plan.tasks.length).toBeGreaterThan(10);
  expect(started.plan.phases.map((p) => p.name)).toEqual(original.plan.phases.map((p) => p.name));
  expect(started.plan.tasks.every((t) => t.status === "todo" && t.owner == null)).toBe(true);

  // On screen too: the tasks are there, and no stakeholder carries the name.
  await builder.goTo("roadmap");
  await expect(page.getByTestId("tasks-row").first().getByLabel("Title", { exact: true })).toHaveValue(original.plan.tasks[0].title);
  await builder.goTo("stakeholders");
  const names = page.getByTestId("stakeholders-row").getByLabel("Name", { exact: true });
  await expect(names.first()).toHaveValue("");
  for (const value of await names.evaluateAll((inputs) => inputs.map((i) => i.value))) expect(value).not.toBe(PERSON);
  // The original is untouched.
  expect(byTitle(await plans(page), FINANCE).raw).toContain(PERSON);
});

test("example templates, renaming, deleting with undo, and axe on the Templates section", async ({ page }) => {
  await openApp(page);
  const builder = new Builder(page);
  const shelf = page.getByRole("region", { name: "Templates" });

  // An example offered as a template: its tasks without its start date.
  await shelf.getByRole("button", { name: `Start a plan from the example template ${NEXT_READ}`, exact: true }).click();
  await expect(page.getByTestId("open-plan-title")).toHaveText(NEXT_READ);
  await expect(page.getByLabel("Start date of the roadmap")).toHaveValue("");
  await builder.saved();
  const started = byTitle(await plans(page), NEXT_READ);
  expect(started.plan.tasks.length).toBeGreaterThan(0);
  expect(started.plan.stakeholders.every((s) => (s.name ?? "") === "")).toBe(true);
  await builder.backToLibrary();

  await new Library(page).startExample("finance");
  await saveAsTemplate(page, FINANCE);
  await builder.backToLibrary();
  const cards = shelf.getByTestId("template-card");
  await expect(cards).toHaveCount(1);

  await shelf.getByRole("button", { name: `Rename the template ${FINANCE}`, exact: true }).click();
  const field = page.getByLabel(`New name for the template ${FINANCE}`);
  await expect(field).toBeFocused();
  await field.fill("Invoice matching template");
  await field.press("Enter");
  await expect(cards.getByRole("heading", { name: "Invoice matching template", exact: true })).toHaveCount(1);
  expect((await templates(page))[0].plan.title).toBe("Invoice matching template");

  await shelf.getByRole("button", { name: "Delete the template Invoice matching template", exact: true }).click();
  await expect(cards).toHaveCount(0);
  expect(await templates(page)).toEqual([]);
  await page.getByTestId("notice").filter({ hasText: "Deleted 'Invoice matching template'." }).getByRole("button", { name: "Undo" }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole("heading", { name: "Invoice matching template", exact: true })).toHaveCount(1);

  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoViolations(page, `the library with templates (${scheme})`);
  }
});

test("a damaged stored template is shown with the reason, and removing it can be undone", async ({ page }) => {
  await openApp(page);
  const broken = '{"meta": {"title": "Claims intake template", "created": 1, "upd';
  await page.evaluate((text) => localStorage.setItem("planwright.v1.template.broken", text), broken);
  await page.reload();
  await expect(page.getByTestId("app-title")).toBeVisible();
  const shelf = page.getByRole("region", { name: "Templates" });
  const card = shelf.getByTestId("damaged-template");
  await expect(card.getByRole("heading", { name: "Claims intake template (damaged template)" })).toBeVisible();
  await expect(card).toContainText("stops part-way");
  await expect(card.getByRole("button", { name: "Download the stored data of Claims intake template", exact: true })).toBeVisible();

  await card.getByRole("button", { name: "Remove Claims intake template", exact: true }).click();
  await expect(card).toHaveCount(0);
  await page.getByTestId("notice").filter({ hasText: "Deleted 'Claims intake template'." }).getByRole("button", { name: "Undo" }).click();
  await expect(card).toHaveCount(1);
  // The stored text is back exactly as it was.
  const raw = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("planwright.v1.template."));
    return localStorage.getItem(key);
  });
  expect(raw).toBe(broken);
});
