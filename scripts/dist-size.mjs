// Prints the size of every file in a build folder, raw and gzipped, and fails
// when the gzipped total is over the budget in tests/size-budget.json.
//
//   node scripts/dist-size.mjs [dist]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const budget = JSON.parse(readFileSync(new URL("../tests/size-budget.json", import.meta.url)));

function walk(path) {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const rows = walk(dir)
  .sort()
  .map((file) => {
    const bytes = readFileSync(file);
    return { file: relative(dir, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
const width = Math.max(5, ...rows.map((r) => r.file.length));

console.log(`${"file".padEnd(width)}  ${"raw".padStart(11)}  ${"gzip".padStart(11)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${kb(r.raw)}  ${kb(r.gzip)}`);
console.log(`${"total".padEnd(width)}  ${kb(total.raw)}  ${kb(total.gzip)}`);

const limit = budget.gzip_total_kb * 1024;
const verdict = total.gzip <= limit ? "within" : "OVER";
console.log(`gzip total ${kb(total.gzip).trim()} is ${verdict} the budget of ${budget.gzip_total_kb} KB (tests/size-budget.json)`);
if (total.gzip > limit) process.exit(1);
