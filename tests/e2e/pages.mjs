// Page objects for the journeys: what a person does, in their words.
import { expect } from "@playwright/test";

/** Presses Tab until `target` has the focus; fails after `max` presses. */
export async function tabTo(page, target, max = 400) {
  // Resolve the element first (strict: exactly one match), then only press keys.
  const element = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await element.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Tabs to a control and types into it, keyboard only. */
export async function typeInto(page, target, text) {
  await tabTo(page, target);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** Tabs to a button and presses Enter. */
export async function press(page, target) {
  await tabTo(page, target);
  await page.keyboard.press("Enter");
}

/**
 * Presses an "Add ..." button and waits for the focus to land in the new
 * row's first field, as a person watching the screen would before typing.
 * The app moves the focus on the next frame, so typing at once could land
 * on the button (and a space would press it again).
 */
export async function addAndFocus(page, button) {
  await press(page, button);
  await expect(page.locator("input:focus, textarea:focus, select:focus")).toHaveCount(1);
}

/** The library screen. */
export class Library {
  constructor(page) {
    this.page = page;
    this.cards = page.getByTestId("plan-card");
  }
  async startBlank() {
    await this.page.getByTestId("new-blank").click();
    await expect(this.page.getByTestId("step-objective")).toBeVisible();
  }
  async startExample(key) {
    await this.page.getByTestId(`new-example-${key}`).click();
    await expect(this.page.getByTestId("step-objective")).toBeVisible();
  }
  card(title) {
    return this.cards.filter({ has: this.page.getByRole("heading", { name: title, exact: true }) });
  }
}

/** The builder: steps, navigation and the live panel. */
export class Builder {
  constructor(page) {
    this.page = page;
    this.score = page.getByTestId("overall-score");
    this.band = page.getByTestId("overall-band");
    this.saveStatus = page.getByTestId("save-status");
  }
  step(key) {
    return this.page.getByTestId(`step-${key}`);
  }
  async goTo(key) {
    await this.page.getByTestId(`nav-${key}`).click();
    await expect(this.step(key)).toBeVisible();
  }
  async scoreValue() {
    return Number((await this.score.textContent()).split("/")[0].trim());
  }
  async saved() {
    await expect(this.saveStatus).toHaveAttribute("data-state", "saved");
  }
  async backToLibrary() {
    await this.page.getByTestId("go-library").click();
    await expect(this.page.getByTestId("library")).toBeVisible();
  }
}

/** Reads every Planwright key from local storage. */
export async function storedPlans(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("planwright.v1.plan."))
      .map((k) => ({ key: k, raw: localStorage.getItem(k) })),
  );
}
