// Two tabs on the same plan: neither silently overwrites the other.
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

test("a tab without changes follows the other; a tab with changes asks", async ({ page, context }) => {
  await openApp(page);
  await new Library(page).startBlank();
  const a = new Builder(page);
  await page.getByLabel("Title of the initiative").fill("Shared plan");
  await a.saved();

  const other = await context.newPage();
  await openApp(other);
  const b = new Builder(other);
  await expect(other.getByTestId("open-plan-title")).toHaveText("Shared plan");

  // A saves; B has nothing unsaved, so it takes A's version and says so.
  await page.getByLabel("Business process").fill("Supplier invoices");
  await a.saved();
  await expect(other.getByLabel("Business process")).toHaveValue("Supplier invoices");
  await expect(other.getByTestId("notice")).toContainText("Updated with changes saved in another tab");

  // A is still typing (its save waits for a pause) when B saves: A must not
  // overwrite B's newer save, and must ask.
  await Promise.all([
    page.getByLabel("Expected business impact").pressSequentially("Close two days sooner", { delay: 90 }),
    (async () => {
      await page.waitForTimeout(150);
      await other.getByLabel("What goes wrong today").fill("Invoices wait for matching");
      await b.saved();
    })(),
  ]);
  const conflict = page.getByTestId("save-conflict");
  await expect(conflict).toBeVisible();
  const stored = await page.evaluate(() =>
    Object.entries(localStorage).find(([k]) => k.startsWith("planwright.v1.plan."))[1],
  );
  expect(stored).toContain("Invoices wait for matching");
  expect(stored).not.toContain("Close two days sooner");

  // A keeps its own version on purpose.
  await conflict.getByTestId("keep-mine").click();
  await a.saved();
  const after = await page.evaluate(() =>
    Object.entries(localStorage).find(([k]) => k.startsWith("planwright.v1.plan."))[1],
  );
  expect(after).toContain("Close two days sooner");
  await other.close();
});
