#!/usr/bin/env node
// Timed HTTP run of the rollup page and the findings report over a large
// generated consultation. Signs in as the secretariat, warms up, then requests each URL --rounds
// times, one request at a time, the URLs interleaved within each round so that a burst of load
// from elsewhere on the machine hits them all alike. A light page (GET /guidelines) is measured
// the same way as the baseline. Reports p50/p95 per URL and writes them to --out as JSON.
// Talks only to a loopback address. See README.md beside this file.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cpuSampler, fmt, signIn, summary, withTimeout } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

const defaults = {
  url: "http://127.0.0.1:5000",
  rounds: 30,
  warmup: 5,
  email: "secretariat@demo.local",
  password: "review-demo-2026",
  guideline: "people-centred-smart-cities",
  version: 3,
  area: "Community engagement, participation and capacity", // the drill-down's thematic area, by its name in the matrix
  serverPid: 0,
  out: path.join(here, "results"),
  label: "",
};

const help = `Usage: node rollup.mjs [options]
  --url URL          app base URL, loopback only (default ${defaults.url})
  --rounds R         timed requests per URL (default ${defaults.rounds})
  --warmup W         untimed requests per URL first (default ${defaults.warmup})
  --email E          account to sign in with, Secretariat (default ${defaults.email})
  --password P       its password (default: the demo password)
  --guideline SLUG   (default ${defaults.guideline})
  --version N        (default ${defaults.version})
  --area NAME        thematic area to drill into, as named in the matrix (default "${defaults.area}")
  --server-pid PID   to report the server's CPU use
  --out DIR          where the JSON result goes (default tests/load/results)
  --label TEXT       added to the result file name`;

function fail(message) {
  console.error(message);
  process.exit(2);
}

function options() {
  let values;
  try {
    const spec = Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()), { type: "string", default: String(value) }]));
    values = parseArgs({ options: { ...spec, help: { type: "boolean", short: "h" } } }).values;
  } catch (e) {
    fail(`${e.message}\n${help}`);
  }
  if (values.help) {
    console.log(help);
    process.exit(0);
  }
  const o = Object.fromEntries(Object.entries(defaults).map(([key, value]) => {
    const given = values[key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())];
    return [key, typeof value === "number" ? Number(given) : given];
  }));
  if (!Number.isInteger(o.rounds) || o.rounds < 1 || o.rounds > 1000) fail("--rounds must be a whole number from 1 to 1000");
  if (!Number.isInteger(o.warmup) || o.warmup < 0 || o.warmup > 100) fail("--warmup must be a whole number from 0 to 100");
  const host = new URL(o.url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) fail(`--url must be a loopback address, not ${host}`);
  return o;
}

const opts = options();
const cookie = await signIn(opts.url, opts.password, opts.email);

async function get(pathAndQuery) {
  const start = performance.now();
  const res = await withTimeout(fetch(opts.url + pathAndQuery, { headers: { Cookie: cookie }, redirect: "manual" }), 60000, `GET ${pathAndQuery}`);
  const body = await res.text();
  return { ms: performance.now() - start, status: res.status, body };
}

const rollup = `/guidelines/${opts.guideline}/v/${opts.version}/rollup`;
const page = await get(rollup);
if (page.status !== 200) fail(`GET ${rollup}: HTTP ${page.status} (is ${opts.email} in the Secretariat role?)`);
const total = page.body.match(/data-testid="rollup-total">\s*<strong>([^<]+)<\/strong>/)?.[1] ?? "?";
const areaLink = [...page.body.matchAll(/<th scope="row"><a href="\?area=(\d+)#items">([^<]+)<\/a>/g)].find((m) => m[2].trim() === opts.area);
if (!areaLink) fail(`no thematic area named "${opts.area}" in the matrix of ${rollup}`);

const urls = [
  { name: "GET /guidelines (baseline, light page)", path: "/guidelines" },
  { name: "rollup, no filter", path: rollup },
  { name: "rollup, group + region filter", path: `${rollup}?group=LocalAndRegionalGovernment&region=Africa` },
  { name: `rollup, drill-down into "${opts.area}"`, path: `${rollup}?area=${areaLink[1]}` },
];
// The findings report over everything (the largest export), in each of its formats.
const findings = `/guidelines/${opts.guideline}/v/${opts.version}/findings`;
for (const [format, label] of [["md", "Markdown"], ["docx", "Word"], ["csv", "disposition table CSV"]]) {
  const report = await get(`${findings}?format=${format}`);
  if (report.status !== 200) fail(`GET ${findings}?format=${format}: HTTP ${report.status}`);
  urls.push({ name: `findings report (${label})`, path: `${findings}?format=${format}` });
}

console.log(`== ${opts.url}${rollup}: ${total}; ${opts.warmup} warm-up and ${opts.rounds} timed requests per URL, sequential, URLs interleaved`);
for (let i = 0; i < opts.warmup; i++) {
  for (const u of urls) await get(u.path);
}

const times = urls.map(() => []);
const sizes = urls.map(() => 0);
const cpu = cpuSampler(opts.serverPid || null);
for (let round = 0; round < opts.rounds; round++) {
  for (const [i, u] of urls.entries()) {
    const r = await get(u.path);
    if (r.status !== 200) fail(`GET ${u.path}: HTTP ${r.status}`);
    times[i].push(r.ms);
    sizes[i] = r.body.length;
  }
}
const usage = cpu();

const rows = urls.map((u, i) => ({ ...u, kilobytes: Math.round(sizes[i] / 1024), ...summary(times[i]) }));
const baseline = rows[0].p50;
console.log("\n| URL | p50 (ms) | p95 (ms) | min | max | p50 ÷ baseline | HTML KB |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.min)} | ${fmt(r.max)} | ${fmt(r.p50 / baseline)} | ${r.kilobytes} |`);
}
console.log(`\nserver CPU ${fmt(usage.serverCpuPercent)} % of one core, machine ${fmt(usage.machineBusyPercent)} % busy (${usage.cores} cores), ${fmt(usage.wallSeconds)} s`);

mkdirSync(opts.out, { recursive: true });
const file = path.join(opts.out, `rollup-${new Date().toISOString().replace(/[:.]/g, "")}${opts.label ? "-" + opts.label : ""}.json`);
writeFileSync(file, JSON.stringify({ url: opts.url, total, rounds: opts.rounds, warmup: opts.warmup, rows, usage }, null, 2));
console.log(`result: ${path.relative(process.cwd(), file)}`);
const slow = rows.slice(1, 4).filter((r) => r.p50 >= 300);
process.exit(slow.length === 0 ? 0 : 1);
