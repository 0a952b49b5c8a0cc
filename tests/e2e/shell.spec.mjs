// Foundation journey: the release build works when hosted under a sub-path.
import { test, expect, openApp } from "./fixtures.mjs";

test("the app renders under /planwright/ with every asset from that sub-path", async ({ page }) => {
  const assets = [];
  page.on("response", (response) => assets.push({ url: new URL(response.url()), status: response.status() }));

  await openApp(page);

  await expect(page.getByRole("heading", { level: 1, name: "Planwright" })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Start a plan" })).toBeVisible();
  // Sections appear once a plan is open.
  await expect(page.getByRole("navigation", { name: "Plan sections" })).toHaveCount(0);
  await page.getByTestId("new-blank").click();
  await expect(page.getByRole("navigation", { name: "Plan sections" })).toBeVisible();
  await expect(page.getByTestId("privacy-note")).toContainText("never leave this browser");

  const wasm = assets.filter((a) => a.url.pathname.endsWith(".wasm"));
  expect(wasm, "exactly one WebAssembly module is loaded").toHaveLength(1);
  for (const asset of assets) {
    expect(asset.url.pathname, `${asset.url} is served from the sub-path`).toMatch(/^\/planwright\//);
    expect(asset.status, `${asset.url} loads`).toBeLessThan(400);
  }
});

test("the theme follows the system preference", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await openApp(page);
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).not.toEqual(dark);
  expect(dark).toBe("rgb(18, 21, 26)");
});
