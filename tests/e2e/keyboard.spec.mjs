// Build a plan from blank through every step with the keyboard alone, then
// reload and find it intact.
import { test, expect, openApp } from "./fixtures.mjs";
import { tabTo, typeInto, press, addAndFocus } from "./pages.mjs";

test("a plan built with the keyboard alone survives a reload", async ({ page }) => {
  test.setTimeout(240_000);
  const k = page.keyboard;
  const row = (list, n = 0) => page.getByTestId(`${list}-row`).nth(n);
  const next = async (to) => {
    await press(page, page.getByTestId("step-next"));
    await expect(page.getByTestId(`step-${to}`)).toBeVisible();
    // Focus moves to the new step's heading, so the next Tab starts there.
    await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toBeFocused();
  };
  const addRow = async (noun) => {
    await addAndFocus(page, page.getByRole("button", { name: `Add ${noun}`, exact: true }));
  };

  await openApp(page);
  await press(page, page.getByTestId("new-blank"));
  await expect(page.getByTestId("step-objective")).toBeVisible();

  // 1. Objective and process.
  await typeInto(page, page.getByLabel("Title of the initiative"), "Refund approvals assistant");
  await typeInto(page, page.getByLabel("Summary"), "Prepare complete refund packets so approvers decide in one pass.");
  await typeInto(page, page.getByLabel("Business process"), "Refund approvals in customer support");
  await typeInto(page, page.getByLabel("What goes wrong today"), "Approvers wait two days for incomplete packets.");
  await typeInto(page, page.getByLabel("Expected business impact"), "Refunds decided within a day.");
  await addAndFocus(page, page.getByRole("button", { name: "Add in-scope item" }));
  await k.type("Refunds under 500 euros");
  await addAndFocus(page, page.getByRole("button", { name: "Add out-of-scope item" }));
  await k.type("Chargebacks");
  await tabTo(page, page.getByLabel("The workflow repeats often"));
  await k.press("Space");
  await tabTo(page, page.getByLabel("The outcome can be measured"));
  await k.press("Space");
  await next("metrics");

  // 2. Success metrics: a new owner is added from the picker.
  await addRow("metric");
  await k.type("Time to refund decision");
  await typeInto(page, row("metrics").getByLabel("Baseline", { exact: true }), "48");
  await typeInto(page, row("metrics").getByLabel("Target", { exact: true }), "24");
  await tabTo(page, row("metrics").getByLabel("Owner", { exact: true }));
  await k.press("End");
  await expect(page.getByLabel("Name of the new stakeholder")).toBeFocused();
  await k.type("Dana Ortiz");
  await k.press("Enter");
  await expect(row("metrics").getByLabel("Owner", { exact: true })).toHaveValue("stakeholder-1");
  await next("ownership");

  // 3. Sponsor and ownership.
  await tabTo(page, page.getByLabel("Executive sponsor"));
  await k.press("ArrowDown");
  await expect(page.getByLabel("Executive sponsor")).toHaveValue("stakeholder-1");
  await tabTo(page, page.getByLabel("Initiative owner"));
  await k.press("End");
  await k.type("Sam Patel");
  await k.press("Enter");
  await expect(page.getByLabel("Initiative owner")).toHaveValue("stakeholder-2");
  await next("stakeholders");

  // 4. Stakeholders and decisions.
  await addRow("stakeholder");
  await k.type("Lee Chen");
  await addRow("decision");
  await k.type("Approve refunds above the limit");
  await press(page, page.getByTestId("add-role"));
  await next("workflow");

  // 5. Human / AI split.
  await addRow("workflow step");
  await k.type("Assemble the refund packet");
  await tabTo(page, row("workflow").getByLabel("What the AI does"));
  await k.press("ArrowDown");
  await tabTo(page, row("workflow").getByLabel("What a person does"));
  await k.press("ArrowDown");
  await next("data");

  // 6. Data readiness.
  await addRow("data source");
  await k.type("Order history");
  await next("technology");

  // 7. Technology and integration.
  await addRow("system");
  await k.type("Ticketing platform");
  await next("risk");

  // 8. Risk and governance: answers give a tier, controls follow.
  await tabTo(page, page.getByTestId("risk-prohibited").getByLabel("None of these apply"));
  await k.press("Space");
  await tabTo(page, page.getByTestId("risk-areas").getByLabel("None of these areas"));
  await k.press("Space");
  // Tab enters a radio group at its checked option; arrows move within it.
  await tabTo(page, page.getByTestId("risk-interacts").getByLabel("Not answered yet"));
  await k.press("ArrowRight");
  await expect(page.getByTestId("risk-interacts").getByLabel("Yes")).toBeChecked();
  await expect(page.getByTestId("tier-badge")).toHaveText("Limited risk");
  await press(page, page.getByTestId("add-missing-controls"));
  await expect(page.getByTestId("controls-row")).toHaveCount(5);
  await next("roadmap");

  // 9. Roadmap: two tasks, the second waits for the first.
  await addRow("task");
  await k.type("Map the refund process");
  await typeInto(page, row("tasks", 0).getByLabel("Length", { exact: true }), "5");
  await addRow("task");
  await k.type("Pilot with one team");
  await typeInto(page, row("tasks", 1).getByLabel("Length", { exact: true }), "10");
  await press(page, row("tasks", 1).getByTestId("add-dependency"));
  await expect(row("tasks", 1).getByTestId("dependency-select")).toBeFocused();
  await k.press("ArrowDown");
  await press(page, row("tasks", 1).getByTestId("confirm-dependency"));
  await expect(row("tasks", 1).getByTestId("dependency")).toHaveText(/Map the refund process/);
  await expect(page.getByTestId("schedule-length")).toContainText("15 working days");
  await next("handoffs");

  // 10–12.
  await addRow("hand-off");
  await k.type("Packet to approver");
  await next("change");
  await addRow("training");
  await k.type("Refund approvers");
  await next("feedback");
  await addRow("feedback loop");
  await k.type("Share of refunds reversed on appeal");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // Reload: everything is still there.
  const screen = new URL(page.url()).hash;
  await page.reload();
  await expect(page.getByTestId("open-plan-title")).toHaveText("Refund approvals assistant");
  // The reload reopens the screen the person was on.
  expect(new URL(page.url()).hash).toBe(screen);
  await page.getByTestId("nav-objective").click();
  await expect(page.getByLabel("Business process")).toHaveValue("Refund approvals in customer support");
  await page.getByTestId("nav-metrics").click();
  await expect(row("metrics").getByLabel("Name", { exact: true })).toHaveValue("Time to refund decision");
  await expect(row("metrics").getByLabel("Baseline", { exact: true })).toHaveValue("48");
  await page.getByTestId("nav-risk").click();
  await expect(page.getByTestId("tier-badge")).toHaveText("Limited risk");
  await page.getByTestId("nav-roadmap").click();
  await expect(row("tasks", 1).getByTestId("dependency")).toHaveText(/Map the refund process/);
  await page.getByTestId("nav-feedback").click();
  await expect(row("feedback-loops").getByLabel("Signal", { exact: true })).toHaveValue("Share of refunds reversed on appeal");
});
