// Handing the plan to work tools from the results: each file downloads with
// a name that says what it is and the content its tool expects. The files'
// full checks (every column, MPXJ, icalendar) are in tests/interop.
import { readFileSync } from "node:fs";
import { test, expect, openApp } from "./fixtures.mjs";

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test("results hand tasks, the schedule and the dates to work tools as files", async ({ page }) => {
  await openApp(page);
  await page.getByRole("button", { name: /^Start from this example: .*customer support/i }).click();
  await page.getByRole("link", { name: "Results" }).click();
  const region = page.getByRole("region", { name: "Hand the work over" });
  await expect(region).toBeVisible();

  const csv = await download(page, "Tasks as CSV (Jira, Linear, Asana, GitHub)");
  expect(csv.name).toMatch(/tasks\.csv$/);
  const text = csv.bytes.toString("utf8");
  expect(text.startsWith("Title,Description,")).toBe(true);
  expect(text).toContain("\r\n");

  const excel = await download(page, "Tasks as CSV for Excel");
  expect(excel.name).toMatch(/tasks-excel\.csv$/);
  expect([...excel.bytes.subarray(0, 3)], "Excel's copy starts with a UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);

  const project = await download(page, "Schedule as Microsoft Project XML");
  expect(project.name).toMatch(/project\.xml$/);
  expect(project.bytes.toString("utf8")).toContain('<Project xmlns="http://schemas.microsoft.com/project">');

  const first = await download(page, "Dates as a calendar (.ics)");
  expect(first.name).toMatch(/calendar\.ics$/);
  const ics = first.bytes.toString("utf8");
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const uids = (s) => [...s.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]).sort();
  expect(uids(ics).length).toBeGreaterThan(0);
  // A second export after an edit keeps every event's identity.
  await page.getByRole("navigation", { name: "Plan sections" }).getByRole("link").filter({ hasText: /^1\D/ }).click();
  await page.getByLabel("Title of the initiative").fill("Renamed for the calendar");
  await page.getByRole("link", { name: "Results" }).click();
  const second = await download(page, "Dates as a calendar (.ics)");
  expect(uids(second.bytes.toString("utf8"))).toEqual(uids(ics));
  await expect(page.getByRole("status").filter({ hasText: /^Downloaded/ })).toBeVisible();
});
