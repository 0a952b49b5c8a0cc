// Takes screenshots of the built site for the README: serves dist/ under
// /planwright/ and saves PNGs into docs/.
//   node scripts/screenshot.mjs [--out docs] [--scheme light|dark]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const out = opt("out", "docs");
const scheme = opt("scheme", "light");
const port = 4199;
mkdirSync(out, { recursive: true });

const server = spawn("node", ["tests/e2e/serve.mjs"], { env: { ...process.env, PORT: String(port) }, stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, colorScheme: scheme });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/planwright/`);
  await page.getByTestId("app-title").waitFor();
  await page.screenshot({ path: `${out}/library.png` });
  await page.getByTestId("new-example-customer-support").click();
  await page.getByTestId("step-objective").waitFor();
  const top = () => page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId("nav-metrics").click();
  await page.getByTestId("step-metrics").waitFor();
  await top();
  await page.screenshot({ path: `${out}/builder.png` });
  await page.getByTestId("go-dashboard").click();
  await page.getByTestId("gantt-bar").first().waitFor();
  await top();
  await page.screenshot({ path: `${out}/dashboard.png` });
  await page.getByTestId("dash-schedule").screenshot({ path: `${out}/timeline.png` });
  for (const step of (opt("steps", "") || "").split(",").filter(Boolean)) {
    await page.getByTestId(`nav-${step}`).click();
    await page.getByTestId(`step-${step}`).waitFor();
    await page.screenshot({ path: `${out}/step-${step}.png`, fullPage: true });
  }
  if (errors.length) console.error("page errors:\n" + errors.join("\n"));
} finally {
  await browser.close();
  server.kill();
}
