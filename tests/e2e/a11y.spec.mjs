// Accessibility: axe-core finds no violations on the library and on every
// step of the builder, in light and dark themes.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

const steps = ["objective", "metrics", "ownership", "stakeholders", "workflow", "data", "technology", "risk", "roadmap", "handoffs", "change", "feedback"];

async function expectNoViolations(page, where) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

for (const scheme of ["light", "dark"]) {
  test(`library and every step pass axe in the ${scheme} theme`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await expectNoViolations(page, "the first visit");
    await new Library(page).startExample("customer-support");
    const builder = new Builder(page);
    for (const step of steps) {
      await builder.goTo(step);
      await expectNoViolations(page, `step ${step}`);
    }
    await builder.backToLibrary();
    await expectNoViolations(page, "the library with a plan");
  });
}
