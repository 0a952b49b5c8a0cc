// Journeys through the app's addresses and screens, as a first-time visitor
// on a phone and on a desktop would make them: every screen has its own
// address, Back and Forward move between screens, a reload stays put, each
// screen opens at its top with focus on its heading, and no screen scrolls
// sideways.
import { test, expect, openApp } from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** The screen's main heading holds the focus and the page is at its top. */
async function arrived(page, heading) {
  // The screen's main heading is its first.
  const h = page.getByRole("main").getByRole("heading", { level: 2 }).first();
  await expect(h).toHaveAccessibleName(heading);
  await expect(h).toBeFocused();
  expect(await page.evaluate(() => window.scrollY), "the screen opens at its top").toBe(0);
}

/** The page itself never scrolls sideways. */
async function fitsWidth(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `${where}: the page is no wider than the screen`).toBeLessThanOrEqual(width);
}

async function startExample(page) {
  await page.getByRole("button", { name: /^Start from this example: .*customer support/i }).click();
  await expect(page.getByRole("main").getByRole("heading", { level: 2, name: /^1\. / })).toBeVisible();
}

function planId(page) {
  const match = new URL(page.url()).hash.match(/^#\/plan\/([^/]+)/);
  expect(match, `the address names the plan (${page.url()})`).not.toBeNull();
  return match[1];
}

for (const [name, size] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
]) {
  test(`on a ${name}, every screen opens at its top, focused on its heading, and fits the width`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page);
      await fitsWidth(page, `library (${scheme})`);
      await startExample(page);
      await arrived(page, /^1\. /);
      await fitsWidth(page, `step 1 (${scheme})`);
      const steps = page.getByRole("navigation", { name: "Plan sections" }).getByRole("link");
      for (const n of [5, 9, 12]) {
        // Scroll away first, so a screen that kept the old position shows.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await steps.filter({ hasText: new RegExp(`^${n}`) }).first().click();
        await arrived(page, new RegExp(`^${n}\\. `));
        await fitsWidth(page, `step ${n} (${scheme})`);
      }
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.getByRole("button", { name: "See the results" }).click();
      await arrived(page, /.+/);
      await expect(page).toHaveURL(/#\/plan\/[^/]+\/results$/);
      await fitsWidth(page, `results (${scheme})`);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.getByRole("link", { name: "Whole plan" }).click();
      await arrived(page, /.+/);
      await fitsWidth(page, `whole plan (${scheme})`);
      // The header's actions stay whole and tappable.
      for (const action of ["All plans", "Results", "Whole plan"]) {
        const box = await page.getByRole("navigation", { name: "Plan views" }).getByRole("link", { name: action }).boundingBox();
        expect(box.width, `"${action}" is wide enough to tap`).toBeGreaterThanOrEqual(44);
        expect(box.x + box.width, `"${action}" is on screen`).toBeLessThanOrEqual(size.width);
      }
      await expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toBeVisible();
      await page.getByRole("link", { name: "All plans" }).click();
      await arrived(page, /.+/);
    }
  });
}

test("the narrowest phone (320 px) still fits every screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openApp(page);
  await fitsWidth(page, "library");
  await startExample(page);
  const id = planId(page);
  for (const [where, hash] of [
    ["step 4", `#/plan/${id}/step/4`],
    ["step 9", `#/plan/${id}/step/9`],
    ["results", `#/plan/${id}/results`],
    ["whole plan", `#/plan/${id}/document`],
  ]) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toBeVisible();
    await fitsWidth(page, where);
  }
});

test("Back and Forward move between screens, and a reload keeps the screen", async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveURL(/#\/plans$/);
  await startExample(page);
  const id = planId(page);
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/step/1$`));
  await page.getByRole("navigation", { name: "Plan sections" }).getByRole("link").filter({ hasText: /^3/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/step/3$`));
  await page.getByRole("link", { name: "Results" }).click();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/results$`));
  await page.getByRole("link", { name: "Whole plan" }).click();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/document$`));
  await expect(page).toHaveTitle(/^Whole plan · .+ · Planwright$/);

  // A reload keeps each screen.
  await page.reload();
  await expect(page.getByRole("link", { name: "Whole plan" })).toHaveAttribute("aria-current", "page");

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/results$`));
  await arrived(page, /.+/);
  await expect(page.getByRole("link", { name: "Results" })).toHaveAttribute("aria-current", "page");
  await page.reload();
  await expect(page.getByRole("link", { name: "Results" })).toHaveAttribute("aria-current", "page");

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/step/3$`));
  await arrived(page, /^3\. /);
  await page.reload();
  await expect(page.getByRole("main").getByRole("heading", { level: 2, name: /^3\. / })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/step/1$`));
  await arrived(page, /^1\. /);
  await page.goBack();
  await expect(page).toHaveURL(/#\/plans$/);
  await expect(page.getByRole("heading", { name: "Start a plan" })).toBeVisible();

  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/step/1$`));
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`#/plan/${id}/step/3$`));
  await arrived(page, /^3\. /);
});

test("a screen's link opens the same screen in a new tab", async ({ page, context }) => {
  await openApp(page);
  await startExample(page);
  const results = page.getByRole("link", { name: "Results" });
  const href = await results.getAttribute("href");
  expect(href).toMatch(/^#\/plan\/[^/]+\/results$/);
  const [tab] = await Promise.all([context.waitForEvent("page"), results.click({ modifiers: ["Control"] })]);
  await tab.waitForLoadState();
  await expect(tab.getByRole("link", { name: "Results" })).toHaveAttribute("aria-current", "page");
  // The first tab did not move.
  await expect(page.getByRole("main").getByRole("heading", { level: 2, name: /^1\. / })).toBeVisible();
});

test("an unknown address or a deleted plan's address lands on the library with a message", async ({ page }) => {
  await openApp(page, "./#/nowhere/at/all");
  await expect(page.getByRole("heading", { name: "Start a plan" })).toBeVisible();
  await expect(page.getByText(/no screen at the address/)).toBeVisible();
  await expect(page).toHaveURL(/#\/plans$/);

  await page.goto("./#/plan/pgone123/results");
  await expect(page.getByRole("heading", { name: "Start a plan" })).toBeVisible();
  await expect(page.getByText(/not stored in this browser/)).toBeVisible();
  await expect(page).toHaveURL(/#\/plans$/);
});

test("from a new plan, three Tabs reach the first field; the file picker shows its focus", async ({ page }) => {
  await openApp(page);
  // The file picker's focus is drawn on its visible label.
  const picker = page.getByLabel("Choose a file…");
  await picker.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(picker).toBeFocused();
  const outline = await page.locator("label", { hasText: "Choose a file…" }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, "the picker's label draws a focus outline").toBe("solid");

  await page.getByRole("button", { name: "Start from scratch" }).click();
  await arrived(page, /^1\. /);
  let presses = 0;
  for (; presses < 3; presses++) {
    await page.keyboard.press("Tab");
    const field = await page.evaluate(() => {
      const el = document.activeElement;
      return ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) && !!el.closest("main");
    });
    if (field) break;
  }
  console.log(`Tabs from a new plan's heading to its first field: ${presses + 1}`);
  expect(presses, "the first field is within three Tabs").toBeLessThan(3);
});

test("the step's Add actions are a Shift+Tab away from its heading", async ({ page }) => {
  await openApp(page);
  await page.getByRole("button", { name: "Start from scratch" }).click();
  await page.getByRole("navigation", { name: "Plan sections" }).getByRole("link").filter({ hasText: /^9/ }).click();
  await arrived(page, /^9\. /);
  const jumps = page.getByRole("list", { name: "On this step" });
  await expect(jumps.getByRole("link", { name: "Add task" })).toBeVisible();
  let presses = 0;
  for (; presses < 10; presses++) {
    await page.keyboard.press("Shift+Tab");
    if (await jumps.getByRole("link", { name: "Add task" }).evaluate((el) => el === document.activeElement)) break;
  }
  console.log(`Shift+Tabs from step 9's heading to "Add task": ${presses + 1}`);
  expect(presses).toBeLessThan(10);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Add task" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main input:focus, main textarea:focus, main select:focus")).toHaveCount(1);
});
