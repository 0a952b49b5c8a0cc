// What the person takes away: files, Markdown, share links, print; and what
// comes in: imports, including bad and hostile files.
import { readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.mjs";
import { Builder, Library } from "./pages.mjs";

mkdirSync("artifacts", { recursive: true });

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

async function importFile(page, name, contents, mimeType = "application/json") {
  await page.getByTestId("import-file").setInputFiles({ name, mimeType, buffer: Buffer.from(contents) });
}

/** The share link the export bar makes for the open plan. */
async function shareLink(page) {
  await page.getByRole("button", { name: "Copy share link" }).click();
  return page.getByLabel("Share link").inputValue();
}

test("exported JSON imports back as an equal, separate plan", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("customer-support");
  await page.getByTestId("go-dashboard").click();
  const first = await download(page, () => page.getByTestId("download-json").click());
  expect(first.name).toBe("reply-drafting-and-triage-for-customer-support.json");
  await new Builder(page).backToLibrary();
  await importFile(page, first.name, first.text);
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await expect(page.getByTestId("notice").filter({ hasText: "Imported 'reply-drafting-and-triage-for-customer-support.json' as a new plan" })).toHaveCount(1);
  // The same title is in the library already, so the import is called a copy.
  await expect(page.getByTestId("notice").filter({ hasText: "so this copy is called" })).toHaveCount(1);
  const second = await download(page, () => page.getByTestId("download-json").click());
  const title = '"title": "Reply drafting and triage for customer support"';
  expect(second.text).toBe(first.text.replace(title, title.replace(/"$/, ' (copy)"')));
  await new Builder(page).backToLibrary();
  await expect(page.getByTestId("plan-card")).toHaveCount(2);
});

test("a dropped version 1 file becomes a new plan and says what was brought up to date", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("finance");
  await new Builder(page).backToLibrary();
  await expect(page.getByTestId("plan-card")).toHaveCount(1);
  // A person drags the file from their desktop onto the import area.
  const text = readFileSync(new URL("../../crates/planwright-core/tests/fixtures/v1-claims-triage.json", import.meta.url), "utf8");
  await page.getByTestId("import-zone").evaluate((zone, contents) => {
    const files = new DataTransfer();
    files.items.add(new File([contents], "claims-triage.json", { type: "application/json" }));
    zone.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: files }));
    zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: files }));
  }, text);
  await expect(page.getByTestId("dashboard")).toBeVisible();
  const notices = page.getByTestId("notice");
  await expect(notices.first()).toContainText("Imported 'claims-triage.json' as a new plan");
  await expect(notices.filter({ hasText: "This plan was saved in format version 1 and has been brought up to version 3" })).toHaveCount(1);
  await expect(notices.filter({ hasText: "from weeks to working days" })).toHaveCount(1);
  await expect(page.getByTestId("open-plan-title")).toHaveText("Claims intake triage");
  await new Builder(page).backToLibrary();
  await expect(page.getByTestId("plan-card")).toHaveCount(2);
  await expect(new Library(page).card("Supplier invoice matching with review checkpoints")).toHaveCount(1);
});

test("the Markdown export has every section, the analysis and a Mermaid timeline", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page);
  await new Library(page).startExample("finance");
  await page.getByTestId("go-dashboard").click();
  const md = await download(page, () => page.getByTestId("download-md").click());
  expect(md.name).toMatch(/\.md$/);
  for (const heading of [
    "## At a glance",
    "## 1. Business objective and process",
    "## 2. Success metrics",
    "## 3. Sponsor and ownership",
    "## 4. Stakeholders and roles",
    "## 5. Human and AI split",
    "## 6. Data readiness and governance",
    "## 7. Technology and integration",
    "## 8. Risk, ethics and regulation",
    "## 9. Roadmap and phases",
    "## 10. Approvals and hand-offs",
    "## 11. Change management and adoption",
    "## 12. Feedback, monitoring and iteration",
  ]) {
    expect(md.text, heading).toContain(`\n${heading}\n`);
  }
  const mermaid = md.text.match(/```mermaid\n([\s\S]*?)```/);
  expect(mermaid, "a mermaid block").not.toBeNull();
  expect(mermaid[1]).toContain("gantt");
  expect(mermaid[1]).toContain("excludes weekends");
  expect(mermaid[1]).toMatch(/crit/);
  expect(mermaid[1]).toMatch(/after t\d+/);
  expect(md.text).toMatch(/- \[(x| )\] \*\*/);

  await page.getByTestId("copy-md").click();
  await expect(page.getByTestId("export-status")).toContainText("on the clipboard");
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(md.text);
});

test("a share link opens the plan read-only and can be saved as a copy", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page);
  await new Library(page).startExample("personalization");
  await page.getByTestId("go-dashboard").click();
  await page.getByTestId("share-link").click();
  await expect(page.getByTestId("export-status")).toContainText("Share link copied");
  const url = await page.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/planwright\/#share=3\.[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // The link says how long it is and where it travels; this one is long,
  // so the file is offered instead.
  const length = url.length.toLocaleString("en-US");
  await expect(page.getByLabel("Share link")).toHaveAccessibleDescription(
    `This link is ${length} characters long and is too long for most chat tools: send it by mail, or share the plan file instead.`,
  );
  const file = await download(page, () => page.getByRole("button", { name: "Download the plan file to share instead" }).click());
  expect(file.name).toMatch(/\.json$/);

  // A fresh browser (no stored plans) opens the link.
  const other = await context.browser().newContext();
  const reader = await other.newPage();
  await reader.goto(url);
  await expect(reader.getByTestId("dashboard")).toBeVisible();
  await expect(reader.getByTestId("shared-status")).toHaveText("Shared plan, read-only");
  await expect(reader.getByTestId("open-plan-title")).toHaveText(await page.getByTestId("open-plan-title").textContent());
  // Steps show values as text, with nothing to edit.
  await reader.getByTestId("nav-metrics").click();
  await expect(reader.getByTestId("step-metrics")).toBeVisible();
  await expect(reader.locator("[data-testid=step-metrics] input, [data-testid=step-metrics] textarea, [data-testid=step-metrics] select")).toHaveCount(0);
  expect(await reader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("planwright.v1.plan.")).length)).toBe(0);

  await reader.getByTestId("save-shared-copy").click();
  await expect(reader.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  expect(new URL(reader.url()).hash, "the saved copy has its own address, not the link").toMatch(/^#\/plan\/[^/]+\/results$/);
  expect(await reader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("planwright.v1.plan.")).length)).toBe(1);
  await other.close();
});

test.describe("damaged links", () => {
  test.use({ allowedConsoleErrors: [] });
  for (const [name, hash] of [
    ["not base64", "#share=abc!!def"],
    ["cut short", null],
    ["empty", "#share="],
  ]) {
    test(`a ${name} link says so instead of showing a blank page`, async ({ page, context }) => {
      let target = hash;
      if (target === null) {
        await context.grantPermissions(["clipboard-read", "clipboard-write"]);
        await openApp(page);
        await new Library(page).startExample("finance");
        await page.getByTestId("go-dashboard").click();
        await page.getByTestId("share-link").click();
        const url = await page.getByTestId("share-url").inputValue();
        target = url.slice(url.indexOf("#"), url.indexOf("#") + Math.floor((url.length - url.indexOf("#")) / 2));
      }
      // Opened in a fresh tab, so the page starts from the link.
      const tab = await context.newPage();
      await tab.goto(`./${target}`);
      await expect(tab.getByTestId("app-title")).toBeVisible();
      await expect(tab.getByTestId("notice").first()).toContainText("share link");
      await expect(tab.getByTestId("notice").first()).toContainText(/damaged|incomplete|cut short/);
      await expect(tab.getByTestId("dashboard")).toHaveCount(0);
      expect(new URL(tab.url()).hash, "the damaged link is cleared from the address").toBe("#/plans");
    });
  }
});

test("a share link with one character changed is refused with a message, and links of the older formats open", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page);
  await new Library(page).startExample("finance");
  await page.getByTestId("go-dashboard").click();
  const url = await shareLink(page);
  // One character in the middle of the plan data, changed as a chat tool
  // or a hand retyping it might.
  const at = url.indexOf("#share=3.") + Math.floor((url.length - url.indexOf("#")) / 2);
  const changed = url.slice(0, at) + (url[at] === "A" ? "B" : "A") + url.slice(at + 1);
  const tab = await context.newPage();
  await tab.goto(changed);
  await expect(tab.getByTestId("app-title")).toBeVisible();
  await expect(tab.getByRole("alert").filter({ hasText: "share link" })).toContainText("changed on the way");
  await expect(tab.getByTestId("dashboard")).toHaveCount(0);
  expect(new URL(tab.url()).hash, "the refused link is cleared from the address").toBe("#/plans");

  // A link made before link versions (the fixture was made by that encoder).
  const old = readFileSync(new URL("../../crates/planwright-core/tests/fixtures/share-v1.txt", import.meta.url), "utf8").trim();
  const reader = await context.newPage();
  await reader.goto(`./#${old}`);
  await expect(reader.getByTestId("dashboard")).toBeVisible();
  await expect(reader.getByTestId("shared-status")).toHaveText("Shared plan, read-only");
  await expect(reader.getByTestId("open-plan-title")).toHaveText('Personalised "next read" recommendations');

  // A link of version 2 (DEFLATE against a dictionary) of the same plan.
  const v2 = readFileSync(new URL("../../crates/planwright-core/tests/fixtures/share-v2.txt", import.meta.url), "utf8").trim();
  expect(v2).toMatch(/^share=2\./);
  const second = await context.newPage();
  await second.goto(`./#${v2}`);
  await expect(second.getByTestId("dashboard")).toBeVisible();
  await expect(second.getByTestId("shared-status")).toHaveText("Shared plan, read-only");
  await expect(second.getByTestId("open-plan-title")).toHaveText('Personalised "next read" recommendations');
});

test("an exported Markdown document, edited in a wiki, imports back as the same plan", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("customer-support");
  await page.getByTestId("go-dashboard").click();
  const json = await download(page, () => page.getByRole("button", { name: "Download JSON" }).click());
  const md = await download(page, () => page.getByRole("button", { name: "Download Markdown" }).click());
  expect(md.text).toContain("\n## Plan file\n");
  // Someone tidies the readable part in a wiki and keeps the plan block.
  const [readable, block] = [md.text.slice(0, md.text.indexOf("\n## Plan file\n")), md.text.slice(md.text.indexOf("\n## Plan file\n"))];
  const edited = readable.replace("## At a glance", "## Summary for the steering group").replace("\n\n", "\n\nReviewed by the team on Monday.\n\n") + block;
  await new Builder(page).backToLibrary();
  await page.getByLabel("Choose a file…").setInputFiles({ name: md.name, mimeType: "text/markdown", buffer: Buffer.from(edited) });
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Imported '${md.name}' as a new plan` })).toHaveCount(1);
  const again = await download(page, () => page.getByRole("button", { name: "Download JSON" }).click());
  // The same plan; only its title says it is a copy of the one in the library.
  const original = JSON.parse(json.text);
  const imported = JSON.parse(again.text);
  expect(imported.title).toBe(`${original.title} (copy)`);
  expect({ ...imported, title: original.title }).toEqual(original);

  // A Markdown file without the plan block says so, and changes nothing.
  await new Builder(page).backToLibrary();
  await expect(page.getByTestId("plan-card")).toHaveCount(2);
  await page.getByLabel("Choose a file…").setInputFiles({ name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from(readable) });
  await expect(page.getByRole("alert").filter({ hasText: "'notes.md' was not imported" })).toContainText(
    "This Markdown file has no Planwright plan inside; export it again from Planwright",
  );
  await expect(page.getByTestId("plan-card")).toHaveCount(2);
});

test("bad and hostile files give clear messages, change nothing, run nothing", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("finance");
  await new Builder(page).backToLibrary();
  await expect(page.getByTestId("plan-card")).toHaveCount(1);
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const error = page.getByTestId("import-error");

  const cases = [
    ["broken.json", '{\n  "format": "planwright-plan",\n  "version": 2,\n  "title": oops\n}', /Line 4, column 12: this is not valid JSON/],
    ["types.json", '{"format":"planwright-plan","version":2,"tasks":[{"id":"a"},{"id":"b","depends_on":[7]}]}', /At tasks\[1\]\.depends_on\[0\]: invalid type: integer `7`, expected a string/],
    ["future.json", '{"format":"planwright-plan","version":9}', /saved in format version 9/],
    ["other.json", '{"format":"something-else","version":1}', /not a Planwright plan/],
    ["list.json", "[1,2,3]", /holds a list rather than an object/],
    ["binary.json", "\u0000\u0001garbage\uFFFF", /not valid JSON|not UTF-8/],
  ];
  for (const [name, text, message] of cases) {
    await importFile(page, name, text);
    await expect(error).toContainText(`'${name}' was not imported; your plans are unchanged.`);
    await expect(error).toContainText(message);
  }
  // 50 MB is refused before it is read.
  const huge = "artifacts/huge-50mb.json";
  writeFileSync(huge, Buffer.alloc(50_000_000, " "));
  const started = Date.now();
  await page.getByTestId("import-file").setInputFiles(huge);
  await expect(error).toContainText("'huge-50mb.json' was not imported");
  await expect(error).toContainText("larger than 16 MB are refused");
  console.log(`50 MB file refused after ${Date.now() - started} ms`);
  rmSync(huge);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
  await expect(page.getByTestId("plan-card")).toHaveCount(1);

  // HTML and script in every text field: imported as text, nothing runs.
  const plan = JSON.parse(readFileSync(new URL("../../crates/planwright-core/plans/finance.json", import.meta.url), "utf8"));
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"><svg onload=window.__pwned=3>';
  const poison = (value) => {
    if (typeof value === "string") return value + payload;
    if (Array.isArray(value)) return value.map(poison);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ["id", "format"].includes(k) || /(_|^)(owner|phase|approver|from|to|stakeholder|start_date|date|due|kind|status|role|function|quality|accessibility|access_approval|compliance|area|cadence|cause|direction|ai_role|human_role|integration|security_review|autonomy|personal_data|outcome|decided_by|decided_on|actual_start|actual_finish|as_of|working_weekdays|person)$/.test(k) || k === "depends_on" || k === "gate_approvers" || k === "prohibited" || k === "high_risk_areas" ? v : poison(v)]));
    }
    return value;
  };
  await importFile(page, "hostile.json", JSON.stringify(poison(plan)));
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await expect(page.getByTestId("open-plan-title")).toContainText("<script>");
  for (const step of ["objective", "stakeholders", "roadmap", "feedback"]) {
    await page.getByTestId(`nav-${step}`).click();
    await expect(page.getByTestId(`step-${step}`)).toBeVisible();
  }
  await page.getByTestId("go-document").click();
  await expect(page.getByTestId("document")).toBeVisible();
  await page.getByTestId("go-dashboard").click();
  const md = await download(page, () => page.getByTestId("download-md").click());
  expect(md.text).not.toContain("<script");
  expect(md.text).not.toContain("<img src=x");
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator("script:not([type=module])").count()).toBe(0);
});

test("the dashboard prints as a clean document", async ({ page }) => {
  await openApp(page);
  await new Library(page).startExample("customer-support");
  await page.getByTestId("go-dashboard").click();
  await expect(page.getByTestId("gantt-bar").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("export-bar")).toBeHidden();
  await expect(page.getByTestId("section-nav")).toBeHidden();
  await expect(page.locator(".pw-chart svg").first()).toBeVisible();
  await page.screenshot({ path: "artifacts/print-dashboard.png", fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync("artifacts/print-dashboard.pdf", pdf);
  expect(pdf.length).toBeGreaterThan(20_000);
  await page.emulateMedia({ media: "screen" });
  await page.getByTestId("go-document").click();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "artifacts/print-plan.png", fullPage: true });
  writeFileSync("artifacts/print-plan.pdf", await page.pdf({ format: "A4" }));
});

for (const scheme of ["light", "dark"]) {
  test(`the dashboard and the plan document pass axe in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await new Library(page).startExample("customer-support");
    await page.getByTestId("go-dashboard").click();
    await expect(page.getByTestId("gantt-bar").first()).toBeVisible();
    for (const where of ["dashboard", "document"]) {
      if (where === "document") await page.getByTestId("go-document").click();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target})`);
      expect(summary, `axe on the ${where}`).toEqual([]);
    }
  });
}
