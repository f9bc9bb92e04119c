// Helpers shared by the load drivers (fanout.mjs, rooms.mjs, translate.mjs): timing, percentiles, CPU
// sampling from /proc, and signing in to the app with a demo account.
import { readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";

// ---------------------------------------------------------------- helpers

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Nearest-rank percentile of an ascending-sorted array. */
export function pct(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summary(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: n,
    min: n ? sorted[0] : null,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    max: n ? sorted[n - 1] : null,
    mean: n ? sum / n : null,
  };
}

export const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
export const fmt = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(digits));

// ---------------------------------------------------------------- CPU sampling (Linux /proc)

const clockTicks = 100; // USER_HZ on Linux
export function procCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime + stime
  } catch {
    return null;
  }
}

export function machineCpu() {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = line[3] + (line[4] || 0);
    const total = line.reduce((a, b) => a + b, 0);
    return { idle, total };
  } catch {
    return null;
  }
}

export function cpuSampler(serverPid) {
  const t0 = performance.now();
  const driver0 = process.cpuUsage();
  const server0 = serverPid ? procCpuSeconds(serverPid) : null;
  const machine0 = machineCpu();
  return () => {
    const wall = (performance.now() - t0) / 1000;
    const d = process.cpuUsage(driver0);
    const server1 = serverPid ? procCpuSeconds(serverPid) : null;
    const machine1 = machineCpu();
    const out = {
      wallSeconds: r1(wall),
      driverCpuPercent: r1(((d.user + d.system) / 1e6 / wall) * 100), // 100 = one core busy
      serverCpuPercent: server0 !== null && server1 !== null ? r1(((server1 - server0) / wall) * 100) : null,
      machineBusyPercent: null, // of all cores
      cores: os.cpus().length,
    };
    if (machine0 && machine1 && machine1.total > machine0.total) {
      out.machineBusyPercent = r1((1 - (machine1.idle - machine0.idle) / (machine1.total - machine0.total)) * 100);
    }
    return out;
  };
}

// ---------------------------------------------------------------- sign-in and page scraping


export function mergeCookies(jar, res) {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(";")[0];
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? m[1] : null;
}

export async function signIn(url, password, email) {
  const jar = new Map();
  const page = await withTimeout(fetch(`${url}/account/login`, { redirect: "manual" }), 15000, "GET /account/login");
  mergeCookies(jar, page);
  const html = await page.text();
  const input = html.match(/<input[^>]*name="__RequestVerificationToken"[^>]*>/);
  const token = input && attr(input[0], "value");
  if (!token) throw new Error(`no __RequestVerificationToken on /account/login (HTTP ${page.status})`);
  const form = new URLSearchParams({ "Input.Email": email, "Input.Password": password, __RequestVerificationToken: token });
  const res = await withTimeout(fetch(`${url}/account/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: form,
  }), 15000, "POST /account/login");
  mergeCookies(jar, res);
  await res.arrayBuffer();
  if (res.status !== 302 || ![...jar.keys()].some((k) => k.startsWith("gr.auth"))) {
    const why = res.status === 429 ? "the server limits failed sign-ins per address per minute (GuidelinesReview__FailedSignInsPerMinute)" : "demo accounts exist only in Development";
    throw new Error(`sign-in as ${email} failed: HTTP ${res.status}, no gr.auth cookie (${why})`);
  }
  return cookieHeader(jar);
}

/** The draft page of a version: its id (`<article id="draft" data-version-id>`) and its paragraph anchors, to post on. */
export async function findDraftVersion(url, slug, version, cookie) {
  const where = `${url}/guidelines/${slug}/v/${version}`;
  const res = await withTimeout(fetch(where, { redirect: "manual", headers: { Cookie: cookie } }), 15000, `GET ${where}`);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${where} answered ${res.status}`);
  const article = html.match(/<article[^>]*\sid="draft"[^>]*>/);
  const versionId = article && Number(attr(article[0], "data-version-id"));
  if (!versionId) throw new Error(`no <article id="draft" data-version-id> on ${where}`);
  const anchors = [...new Set([...html.matchAll(/\sdata-anchor="([^"]+)"/g)].map((m) => m[1]))];
  const paragraphs = anchors.filter((a) => /-p\d+$/.test(a));
  return { versionId, anchors: paragraphs.length ? paragraphs : anchors.length ? anchors : ["s2.1-p1"] };
}

/** The SignalR client's own warnings and errors (`LogLevel`: the client's enum), counted with the first ten kept for the report. */
export function clientLogRecorder(LogLevel) {
  const clientLog = { errors: 0, warnings: 0, samples: [] };
  const clientLogger = {
    log(level, message) {
      if (level < LogLevel.Warning) return;
      if (level >= LogLevel.Error) clientLog.errors++;
      else clientLog.warnings++;
      if (clientLog.samples.length < 10) clientLog.samples.push(String(message).slice(0, 300));
    },
  };
  return { clientLog, clientLogger };
}

/** A refused hub call's message without SignalR's "An unexpected error occurred invoking …" prefix: the server's own sentence. */
export const errorText = (e) => String(e?.message ?? e).replace(/^An unexpected error occurred invoking '[^']+' on the server\. (HubException: )?/, "");

/** The machine and client versions a load report was measured with (here: the drivers' folder, for its node_modules). */
export function environment(here) {
  return {
    node: process.version,
    signalr: JSON.parse(readFileSync(new URL("node_modules/@microsoft/signalr/package.json", `file://${here}/`), "utf8")).version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: r1(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg(),
    note: "the driver and the server share this machine's cores",
  };
}

/**
 * Reads "--name value" and "--name=value" arguments into the option keys that `names` maps them
 * to (numbers where the default is a number); -h/--help prints `help` and exits; anything else
 * goes to `fail`. Shared by the drivers so each only lists its options.
 */
export function readOptions(argv, names, defaults, help, fail) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      console.log(help);
      process.exit(0);
    }
    let value;
    const eq = arg.indexOf("=");
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    } else {
      value = argv[++i];
    }
    const key = names[arg];
    if (!key || value === undefined) fail(`unknown option or missing value: ${arg}\n${help}`);
    o[key] = typeof defaults[key] === "number" ? Number(value) : value;
  }
  return o;
}
