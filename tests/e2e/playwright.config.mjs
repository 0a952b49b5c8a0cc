// Playwright drives Debian's Chromium (never a downloaded browser) against
// the release build served under a sub-path by serve.mjs.
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  outputDir: `${repo}/artifacts/e2e-results`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/planwright/`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  // The timing journey runs last and alone, so the figures it prints are
  // not those of two browsers sharing the machine.
  projects: [
    { name: "journeys", testIgnore: "perf.spec.mjs" },
    { name: "timing", testMatch: "perf.spec.mjs", dependencies: ["journeys"] },
  ],
  webServer: {
    command: "node tests/e2e/serve.mjs",
    cwd: repo,
    env: { PORT: String(port), DIST_DIR: `${repo}/dist`, BASE_PATH: "/planwright/" },
    url: `http://127.0.0.1:${port}/planwright/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
