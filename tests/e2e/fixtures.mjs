// Shared fixtures: every test's page is watched, and the test fails if the
// page logs an error, throws, or sends any request outside its own origin
// (plans must never leave the browser).
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  /** Console messages (regular expressions) a test expects and tolerates. */
  allowedConsoleErrors: [[], { option: true }],

  page: async ({ page, baseURL, allowedConsoleErrors }, use) => {
    const origin = new URL(baseURL).origin;
    const problems = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol === "data:" || url.protocol === "blob:") return;
      if (url.origin !== origin) problems.push(`request left the page's origin: ${request.url()}`);
    });
    await use(page);
    expect(problems, "the page logged errors or sent requests elsewhere").toEqual([]);
  },
});

export { expect };

/** Opens the app and waits until the WebAssembly has rendered. */
export async function openApp(page, path = "./") {
  await page.goto(path);
  await expect(page.getByTestId("app-title")).toBeVisible();
}
