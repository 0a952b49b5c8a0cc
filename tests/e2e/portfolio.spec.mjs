// Portfolio: the three examples and a fourth plan made here become a
// portfolio from the library; the weights reorder the ranking; the matrix
// has a text alternative; the data source the fourth plan shares with an
// example is built once in the roadmap; a reload keeps the portfolio and
// its weights; and the screen passes axe in light and dark.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

const EXAMPLES = {
  "customer-support": "Reply drafting and triage for customer support",
  finance: "Supplier invoice matching with review checkpoints",
  personalization: 'Personalised "next read" recommendations',
};
const FOURTH = "Order status answers";
// The customer support example has a data source of this name; the fourth
// plan names it the same way, in other case and spacing.
const SHARED_SOURCE = "CRM customer and order records";

async function expectNoViolations(page, where) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** Makes the three examples and the fourth plan, then a portfolio of all four. */
async function makePortfolio(page) {
  const library = new Library(page);
  const builder = new Builder(page);
  for (const key of Object.keys(EXAMPLES)) {
    await library.startExample(key);
    await builder.saved();
    await builder.backToLibrary();
  }
  await library.startBlank();
  await page.getByLabel("Title of the initiative").fill(FOURTH);
  await builder.goTo("data");
  await page.getByRole("button", { name: "Add data source", exact: true }).click();
  await page.getByTestId("data-sources-row").first().getByLabel("Name", { exact: true }).fill("crm  Customer and ORDER records");
  await builder.saved();
  await builder.backToLibrary();

  const pick = page.getByTestId("portfolio-pick");
  for (const title of [...Object.values(EXAMPLES), FOURTH]) {
    await pick.getByLabel(title, { exact: true }).check();
  }
  await page.getByTestId("compare-portfolio").click();
  await expect(page.getByTestId("portfolio")).toBeVisible();
  await expect(page).toHaveURL(/#\/portfolio\/f[0-9a-z]+$/);
  await expect(page.getByTestId("ranked-row")).toHaveCount(4);
}

/** The initiatives' titles in ranked order. */
async function ranking(page) {
  return page.getByTestId("ranked-title").allTextContents();
}

test("four plans become a portfolio whose ranking follows the weights and survives a reload", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await makePortfolio(page);

  // The early-stage example is worth the most; with value alone counting it
  // leads, with readiness alone counting it does not.
  const member = page.getByTestId("portfolio-member").filter({ hasText: EXAMPLES.personalization });
  await member.getByLabel("Rating from 1 to 5", { exact: true }).check();
  await member.getByTestId("portfolio-rating").selectOption("5");
  for (const title of [EXAMPLES["customer-support"], EXAMPLES.finance, FOURTH]) {
    const row = page.getByTestId("portfolio-member").filter({ hasText: title });
    await row.getByLabel("Rating from 1 to 5", { exact: true }).check();
    await row.getByTestId("portfolio-rating").selectOption("1");
  }
  await page.getByLabel("Weight of value").fill("5");
  await page.getByLabel("Weight of readiness").fill("0");
  await page.getByLabel("Weight of low risk").fill("0");
  await page.getByLabel("Weight of short effort").fill("0");
  await expect(page.getByTestId("ranked-title").first()).toHaveText(EXAMPLES.personalization);
  const before = await ranking(page);

  await page.getByLabel("Weight of value").fill("0");
  await page.getByLabel("Weight of readiness").fill("5");
  await expect(page.getByTestId("ranked-title").first()).not.toHaveText(EXAMPLES.personalization);
  const after = await ranking(page);
  expect(after).not.toEqual(before);
  expect([...after].sort()).toEqual([...before].sort());
  // The rule in words follows the weights.
  await expect(page.getByTestId("portfolio-rule")).toContainText("5");

  // The matrix has a name, and a table of the same points names each initiative.
  const matrix = page.getByTestId("matrix");
  await expect(matrix).toHaveAttribute("role", "img");
  await expect(page.getByTestId("matrix-point")).toHaveCount(4);
  const table = page.getByTestId("matrix-table");
  await expect(table.getByTestId("matrix-row")).toHaveCount(4);
  for (const title of [...Object.values(EXAMPLES), FOURTH]) {
    await expect(table).toContainText(title);
  }

  // The data source both plans name is shared foundation, listed once with
  // both initiatives, and built once in the roadmap.
  const shared = page.getByTestId("shared-item").filter({ hasText: SHARED_SOURCE });
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText(FOURTH);
  await expect(shared).toContainText(EXAMPLES["customer-support"]);
  // "Not the same" splits the match, and the notice's Undo joins it again.
  await page.getByRole("button", { name: `Not the same: ${SHARED_SOURCE}` }).click();
  await expect(shared).toHaveCount(0);
  await page.getByTestId("notice").filter({ hasText: "different thing in each plan" }).getByRole("button", { name: "Undo" }).click();
  await expect(shared).toHaveCount(1);
  // "Same as": two data sources of different names become one shared item.
  const sameAs = page.getByTestId("same-as");
  await sameAs.getByLabel("This item").selectOption({ label: `'Ticket history' in ${EXAMPLES["customer-support"]}` });
  await sameAs.getByLabel("is the same as").selectOption({ label: `'Invoice archive' in ${EXAMPLES.finance}` });
  await sameAs.getByRole("button", { name: "Join them" }).click();
  const joined = page.getByTestId("shared-item").filter({ hasText: "Invoice archive" });
  await expect(joined).toHaveCount(1);
  await expect(joined).toContainText("Ticket history");
  await page.getByTestId("portfolio-link").getByRole("button", { name: /^Undo: 'Ticket history'/ }).click();
  await expect(joined).toHaveCount(0);

  const roadmapRows = page.getByTestId("portfolio-roadmap").getByTestId("gantt-table").locator("tbody tr");
  await expect(roadmapRows.filter({ hasText: /^Shared: / }).first()).toBeAttached();
  await expect(roadmapRows.filter({ hasText: new RegExp(SHARED_SOURCE, "i") })).toHaveCount(1);

  // Reload: the same portfolio, the same weights, the same order.
  await expect(page.getByTestId("portfolio-save-status")).toHaveAttribute("data-state", "saved");
  const address = page.url();
  await page.reload();
  await expect(page.getByTestId("portfolio")).toBeVisible();
  expect(page.url()).toBe(address);
  await expect(page.getByLabel("Weight of value")).toHaveValue("0");
  await expect(page.getByLabel("Weight of readiness")).toHaveValue("5");
  await expect(page.getByTestId("ranked-title")).toHaveText(after);

  // The library lists it; a link in the ranking opens the plan.
  await page.getByTestId("ranked-title").filter({ hasText: FOURTH }).click();
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await new Builder(page).backToLibrary();
  await expect(page.getByTestId("portfolio-card")).toHaveCount(1);

  // A plan deleted from the library stays in the portfolio as missing.
  const card = new Library(page).card(FOURTH);
  await card.getByTestId("delete-plan").click();
  await card.getByTestId("confirm-delete").click();
  await page.getByTestId("open-portfolio").click();
  await expect(page.getByTestId("portfolio-missing")).toHaveCount(1);
  await expect(page.getByTestId("ranked-row")).toHaveCount(3);
  await expect(page.getByTestId("portfolio-warning").and(page.locator('[data-kind="missing_plan"]'))).toHaveCount(1);
});

for (const scheme of ["light", "dark"]) {
  test(`the portfolio screen passes axe in the ${scheme} theme`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await makePortfolio(page);
    await expectNoViolations(page, "the portfolio screen");
    await page.getByTestId("portfolio-back").click();
    await expectNoViolations(page, "the library with a portfolio");
  });
}

test("a damaged stored portfolio is named, kept and can be downloaded", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem("planwright.v1.portfolio.fbroken", '{"meta":{"title":"Claims and contracts","created":1,"updated":1,"rev":1,"by":"t"},"portfolio":{"members":[{"key": 7'));
  await page.reload();
  await expect(page.getByTestId("app-title")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "One stored portfolio cannot be read: 'Claims and contracts'" })).toHaveCount(1);
  const card = page.getByTestId("damaged-portfolio");
  await expect(card.getByRole("heading", { name: "Claims and contracts (damaged)" })).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /^Download the stored data/ }).click()]);
  expect(readFileSync(await file.path(), "utf8")).toContain('"key": 7');
  expect(await page.evaluate(() => localStorage.getItem("planwright.v1.portfolio.fbroken"))).toContain('"key": 7');
});

test("a portfolio file downloaded here imports back as a new portfolio with its plans", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await makePortfolio(page);
  const [markdown] = await Promise.all([page.waitForEvent("download"), page.getByTestId("portfolio-markdown").click()]);
  const doc = readFileSync(await markdown.path(), "utf8");
  expect(doc).toContain("quadrantChart");
  expect(doc).toContain(FOURTH);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("portfolio-file").click()]);
  const text = readFileSync(await download.path(), "utf8");
  expect(JSON.parse(text).format).toBe("planwright-portfolio");

  await page.getByTestId("portfolio-back").click();
  const error = page.getByTestId("import-error");
  const file = (name, contents) => page.getByTestId("import-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(contents) });
  // A damaged portfolio file is refused with what is wrong, and nothing changes.
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await file("future.json", '{"format":"planwright-portfolio","version":9,"portfolio":{},"plans":[]}');
  await expect(error).toContainText("'future.json' was not imported; your plans are unchanged.");
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);

  await file(download.suggestedFilename(), text);
  await expect(page.getByTestId("portfolio")).toBeVisible();
  await expect(page.getByTestId("ranked-row")).toHaveCount(4);
  // The plans came in as new plans, their titles made distinct.
  await expect(page.getByTestId("ranked-title").filter({ hasText: `${FOURTH} (copy)` })).toHaveCount(1);
  await page.getByTestId("portfolio-back").click();
  await expect(page.getByTestId("plan-card")).toHaveCount(8);
  await expect(page.getByTestId("portfolio-card")).toHaveCount(2);
});
