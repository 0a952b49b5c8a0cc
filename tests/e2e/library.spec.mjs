// The library as a first-time user meets it: controls named so they make
// sense read out of context, a second plan of the same title told apart,
// and a damaged stored plan named and announced (issue 11).
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

const SUPPORT = "Reply drafting and triage for customer support";

test("every control in the library is named for what it acts on", async ({ page }) => {
  await openApp(page);
  // One button per example, each naming its example.
  for (const title of [SUPPORT, "Supplier invoice matching with review checkpoints", 'Personalised "next read" recommendations']) {
    await expect(page.getByRole("button", { name: `Start from this example: ${title}`, exact: true })).toHaveCount(1);
  }
  await new Library(page).startExample("finance");
  await new Builder(page).backToLibrary();
  const plan = "Supplier invoice matching with review checkpoints";
  for (const verb of ["Open", "Rename", "Duplicate", "Delete"]) {
    await expect(page.getByRole("button", { name: `${verb} ${plan}`, exact: true })).toHaveCount(1);
  }
  await page.getByRole("button", { name: `Delete ${plan}`, exact: true }).click();
  const confirm = page.getByRole("group", { name: `Confirm deleting ${plan}` });
  await expect(confirm.getByRole("button", { name: `Yes, delete ${plan}`, exact: true })).toBeVisible();
  await confirm.getByRole("button", { name: `Keep it: ${plan}`, exact: true }).click();
  await page.getByRole("button", { name: `Rename ${plan}`, exact: true }).click();
  await expect(page.getByLabel(`New name for ${plan}`)).toBeFocused();
  await expect(page.getByRole("button", { name: `Save name for ${plan}`, exact: true })).toBeVisible();
  // The visible words stay short.
  await expect(page.getByTestId("open-plan")).toHaveText(/^\s*Open/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("starting an example twice makes a copy with its own title and says so", async ({ page }) => {
  await openApp(page);
  const library = new Library(page);
  const builder = new Builder(page);
  await library.startExample("customer-support");
  await builder.saved();
  await expect(page.getByTestId("open-plan-title")).toHaveText(SUPPORT);
  await builder.backToLibrary();

  await library.startExample("customer-support");
  await builder.saved();
  await expect(page.getByTestId("open-plan-title")).toHaveText(`${SUPPORT} (copy)`);
  const notice = page.getByTestId("notice").filter({ hasText: "already have a plan called" });
  await expect(notice).toHaveText(new RegExp(`'${SUPPORT}', so this copy is called '${SUPPORT} \\(copy\\)'\\. The earlier plan is untouched\\.`));
  await builder.backToLibrary();

  // A third start and a duplicate count on: (copy 2), (copy 3).
  await library.startExample("customer-support");
  await expect(page.getByTestId("open-plan-title")).toHaveText(`${SUPPORT} (copy 2)`);
  await builder.backToLibrary();
  await library.card(SUPPORT).getByTestId("duplicate-plan").click();
  await expect(page.getByTestId("notice").filter({ hasText: `Made a copy called '${SUPPORT} (copy 3)'` })).toHaveCount(1);
  for (const title of [SUPPORT, `${SUPPORT} (copy)`, `${SUPPORT} (copy 2)`, `${SUPPORT} (copy 3)`]) {
    await expect(library.card(title)).toHaveCount(1);
  }
  // The original kept its title and its data.
  await library.card(SUPPORT).getByTestId("open-plan").click();
  await expect(page.getByTestId("open-plan-title")).toHaveText(SUPPORT);
});

test("a damaged stored plan is named on its card and announced on load", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    // Cut short mid-save: the title survives in the text.
    localStorage.setItem("planwright.v1.plan.cut1", '{"meta": {"title": "Claims intake triage", "created": 1, "upd');
    // Garbled beyond repair: no title left.
    localStorage.setItem("planwright.v1.plan.cut2", '{"meta": {"ti\u0000');
  });
  await page.reload();
  await expect(page.getByTestId("app-title")).toBeVisible();

  const alert = page.getByRole("alert").filter({ hasText: "stored plans cannot be read" });
  await expect(alert).toContainText("2 stored plans cannot be read: 'Claims intake triage' and one whose title is lost.");
  await expect(alert).toContainText("download the stored text or remove it");

  const cards = page.getByTestId("damaged-plan");
  await expect(cards).toHaveCount(2);
  const named = cards.filter({ has: page.getByRole("heading", { name: "Claims intake triage (damaged)" }) });
  await expect(named).toContainText("the stored text stops part-way");
  await expect(named.getByRole("button", { name: "Download the stored data of Claims intake triage", exact: true })).toBeVisible();
  await expect(named.getByRole("button", { name: "Remove Claims intake triage", exact: true })).toBeVisible();
  const lost = cards.filter({ has: page.getByRole("heading", { name: "A damaged plan whose title cannot be read" }) });
  await expect(lost).toContainText("is not valid JSON");
  await lost.getByRole("button", { name: "Remove the damaged plan", exact: true }).click();
  await lost.getByRole("button", { name: "Yes, remove it for good: the damaged plan", exact: true }).click();
  await expect(cards).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem("planwright.v1.plan.cut1"))).toContain("Claims intake triage");
});
