// Journeys about keeping work: reload, corrupt data, a full store, storage
// switched off. Nothing the person had may be lost or overwritten.
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library, storedPlans } from "./pages.mjs";

test("a plan survives a reload and reopens where the person left it", async ({ page }) => {
  await openApp(page);
  await new Library(page).startBlank();
  const builder = new Builder(page);
  await page.getByLabel("Title of the initiative").fill("Claims triage pilot");
  await page.getByLabel("Business process").fill("First notice of loss for home claims");
  await builder.saved();
  await page.reload();
  await expect(page.getByTestId("open-plan-title")).toHaveText("Claims triage pilot");
  await expect(page.getByLabel("Business process")).toHaveValue("First notice of loss for home claims");
  await builder.backToLibrary();
  await expect(page.getByTestId("plan-card")).toHaveCount(1);
});

test("damaged stored data is kept aside, reported, and can be downloaded", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("finance");
  await new Builder(page).saved();
  await new Builder(page).backToLibrary();
  const garbage = '{"meta": {"title": "half a plan", "created": 1, "upd';
  await page.evaluate((g) => {
    localStorage.setItem("planwright.v1.plan.broken1", g);
    localStorage.setItem("planwright.v1.plan.broken2", JSON.stringify({ meta: { title: "Old", created: 1, updated: 2, rev: 1, by: "x" }, plan: { format: "planwright-plan", version: 99 } }));
    localStorage.setItem("planwright.v1.last-open", "broken2");
  }, garbage);
  // A fresh visit to the app's address (no screen in it) reopens the last plan.
  await page.goto("./");

  // The app starts, says what is wrong, and shows the good plan as before.
  await expect(page.getByTestId("notice").first()).toContainText("cannot be opened");
  await expect(page.getByTestId("notice").first()).toContainText("version 99");
  await expect(page.getByTestId("plan-card")).toHaveCount(2);
  const damaged = page.getByTestId("damaged-plan");
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText("damaged");

  // The raw data is untouched and can be downloaded exactly.
  const [download] = await Promise.all([page.waitForEvent("download"), damaged.getByTestId("download-damaged").click()]);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(path, "utf8")).toBe(garbage);
  const raw = await page.evaluate(() => localStorage.getItem("planwright.v1.plan.broken1"));
  expect(raw).toBe(garbage);

  // The plan with a future version can be tried and fails clearly, and stays.
  const future = page.getByTestId("plan-card").filter({ hasText: "Old" });
  await future.getByTestId("open-plan").click();
  await expect(page.getByTestId("notice").last()).toContainText("newer Planwright");
  expect(await page.evaluate(() => localStorage.getItem("planwright.v1.plan.broken2"))).toContain('"version":99');
});

test("when storage is full the person is told, keeps working, and can export", async ({ page }) => {
  await openApp(page);
  await new Library(page).startBlank();
  const builder = new Builder(page);
  await builder.saved();
  // Fill the rest of the quota with another site's data.
  await page.evaluate(() => {
    const chunk = "x".repeat(512 * 1024);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`other-app-${i}`, chunk);
      } catch {
        break;
      }
    }
    let small = "x".repeat(1024);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`other-app-small-${i}`, small);
      } catch {
        break;
      }
    }
  });
  const summary = "A long summary. ".repeat(400);
  await page.getByLabel("Summary").fill(summary);
  const alert = page.getByTestId("save-failed");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("storage for Planwright is full");
  await expect(builder.saveStatus).toHaveAttribute("data-state", "failed");

  // Work goes on in memory.
  await page.getByLabel("Title of the initiative").fill("Still working");
  await expect(page.getByTestId("open-plan-title")).toHaveText("Still working");

  // The export offered carries everything, including the unsaved edits.
  const [download] = await Promise.all([page.waitForEvent("download"), alert.getByRole("button", { name: "Export the plan as JSON" }).click()]);
  expect(download.suggestedFilename()).toBe("still-working.json");
  const { readFileSync } = await import("node:fs");
  const file = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(file.format).toBe("planwright-plan");
  expect(file.title).toBe("Still working");
  expect(file.summary).toBe(summary);

  // Once space is freed, saving resumes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("other-app")).forEach((k) => localStorage.removeItem(k)));
  await alert.getByRole("button", { name: "Try saving again" }).click();
  await builder.saved();
  const stored = await storedPlans(page);
  expect(stored).toHaveLength(1);
  expect(stored[0].raw).toContain("Still working");
});

test("leaving while an edit could not be stored asks first; leaving with everything saved does not", async ({ page, context }) => {
  await openApp(page);
  await new Library(page).startBlank();
  const builder = new Builder(page);
  await page.getByLabel("Title of the initiative").fill("Saved title");
  await builder.saved();
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    dialog.dismiss();
  });
  // Everything saved: a reload goes ahead without a question.
  await page.reload();
  await expect(page.getByTestId("open-plan-title")).toHaveText("Saved title");
  expect(dialogs).toEqual([]);

  await page.evaluate(() => {
    for (const size of [512 * 1024, 1024]) {
      const chunk = "x".repeat(size);
      for (let i = 0; ; i++) {
        try {
          localStorage.setItem(`other-app-${size}-${i}`, chunk);
        } catch {
          break;
        }
      }
    }
  });
  await page.getByLabel("Summary").click();
  await page.getByLabel("Summary").fill("An edit the full storage cannot take. ".repeat(400));
  await expect(builder.saveStatus).toHaveAttribute("data-state", "failed");
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
});

test.describe("with storage switched off", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
  });

  test("the app still works in memory and says plans are not kept", async ({ page }) => {
    await openApp(page);
    const banner = page.getByTestId("storage-unavailable");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("not letting Planwright keep plans");
    await new Library(page).startExample("personalization");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "memory");
    await page.getByLabel("Title of the initiative").fill("Kept in memory");
    await new Builder(page).backToLibrary();
    await expect(page.getByTestId("plan-card")).toHaveCount(1);
    await expect(page.getByTestId("plan-card")).toContainText("Kept in memory");
  });
});
