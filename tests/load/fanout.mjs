#!/usr/bin/env node
// Fan-out load driver for the review hub (/hubs/review).
//
// For each N in --n: connects N SignalR clients (WebSockets, cookie auth) to one draft version,
// all of them JoinVersion; the first --posters of them (signed in as writers) post comments at a
// fixed total rate for a fixed time; every client records when each CommentChanged arrives.
// Reports delivery latency (poster's send -> each client's arrival), ack latency, sustained
// comments/s, exact lost/duplicated counts and the time to connect and join all N.
//
// Talks only to a loopback address (refuses anything else); every loop is bounded in count and
// time, and a hard deadline ends the process whatever happens. See README.md beside this file.

import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as signalR from "@microsoft/signalr";
import { cpuSampler, environment, fmt, machineCpu, mergeCookies, pct, procCpuSeconds, r1, signIn as signInAs, sleep, summary, withTimeout, readOptions, findDraftVersion, clientLogRecorder } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options

const defaults = {
  url: "http://127.0.0.1:5000",
  n: "50,200,500",
  rate: 5, // comments per second, all posters together
  seconds: 20, // posting window per N
  posters: 3,
  batch: 50, // connections started at once while ramping up
  batchPauseMs: 50,
  graceSeconds: 10, // after the last ack, how long to wait for missing deliveries
  settleMs: 1500, // pause between "all joined" and the first post (presence updates drain)
  warmup: 20, // comments posted (and not measured) before the first round, so JIT start-up is not measured
  joinSince: "latest", // "latest" (catch up from the current seq) or a number (0 = full history)
  slug: "people-centred-smart-cities",
  version: 3,
  password: "review-demo-2026",
  serverPid: 0, // if given, the server's CPU time is sampled from /proc/<pid>/stat
  maxSeconds: 900, // hard deadline for the whole process
  out: path.join(here, "results"),
  label: "",
};

const help = `Usage: node fanout.mjs [options]
  --url URL            app base URL, loopback only (default ${defaults.url})
  --n LIST             client counts, comma-separated (default ${defaults.n})
  --rate R             comments per second, all posters together (default ${defaults.rate})
  --seconds D          posting window per N, seconds (default ${defaults.seconds})
  --posters P          poster connections, signed in as writers; part of the N (default ${defaults.posters})
  --batch B            connections opened at once while ramping up (default ${defaults.batch})
  --grace S            seconds to wait for missing deliveries after the last ack (default ${defaults.graceSeconds})
  --warmup W           comments posted before the first round and not measured (default ${defaults.warmup})
  --join-since X       "latest" or a seq number; 0 makes every join load the full history (default ${defaults.joinSince})
  --server-pid PID     sample the server's CPU time from /proc (optional)
  --max-seconds S      hard deadline for the whole run (default ${defaults.maxSeconds})
  --out DIR            where the JSON result goes (default tests/load/results)
  --label TEXT         free text stored in the JSON result`;

function parseArgs(argv) {
  const o = { ...defaults };
  const names = {
    "--url": "url", "--n": "n", "--rate": "rate", "--seconds": "seconds", "--posters": "posters",
    "--batch": "batch", "--batch-pause-ms": "batchPauseMs", "--grace": "graceSeconds", "--warmup": "warmup", "--settle-ms": "settleMs",
    "--join-since": "joinSince", "--slug": "slug", "--version": "version", "--password": "password",
    "--server-pid": "serverPid", "--max-seconds": "maxSeconds", "--out": "out", "--label": "label",
  };
  Object.assign(o, readOptions(argv, names, defaults, help, fail));
  o.ns = String(o.n).split(",").map((s) => Number(s.trim())).filter((x) => x > 0);
  const positive = { rate: o.rate, seconds: o.seconds, posters: o.posters, batch: o.batch, maxSeconds: o.maxSeconds };
  for (const [k, v] of Object.entries(positive)) {
    if (!Number.isFinite(v) || v <= 0) fail(`--${k} must be a positive number`);
  }
  if (o.ns.length === 0 || o.ns.some((x) => !Number.isInteger(x) || x > 5000)) fail("--n must list whole numbers from 1 to 5000");
  if (o.ns.some((x) => x < o.posters)) fail("every N must be at least --posters (the posters are among the N clients)");
  if (o.rate * o.seconds > 100000) fail("--rate x --seconds is capped at 100000 comments per N");
  o.url = o.url.replace(/\/+$/, "");
  const host = new URL(o.url).hostname.replace(/^\[|\]$/g, "");
  // Load goes to this machine only.
  if (!(host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    fail(`--url must point at a loopback address (127.0.0.0/8, localhost, [::1]); got ${host}`);
  }
  return o;
}

function fail(message) {
  console.error(`fanout: ${message}`);
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));
const hardDeadline = setTimeout(() => {
  console.error(`fanout: hard deadline of ${opts.maxSeconds} s reached; exiting`);
  process.exit(3);
}, opts.maxSeconds * 1000);
hardDeadline.unref();

// ---------------------------------------------------------------- sign-in and shared helpers (lib.mjs)

const accounts = ["admin", "secretariat", "moderator", "notetaker", "expert", "expert2", "translator", "observer"]
  .map((name) => `${name}@demo.local`);
const writers = ["expert", "expert2", "moderator", "notetaker", "secretariat", "admin"].map((name) => `${name}@demo.local`);
const signIn = (email) => signInAs(opts.url, opts.password, email);

const findVersion = (cookie) => findDraftVersion(opts.url, opts.slug, opts.version, cookie);

// ---------------------------------------------------------------- one client

class Client {
  constructor(index, email, cookie, poster) {
    this.index = index;
    this.email = email;
    this.poster = poster;
    this.received = new Map(); // clientId -> { first: ms, count }
    this.events = 0;
    this.presenceEvents = 0;
    this.closedUnexpectedly = null;
    this.stopping = false;
    this.join = null;
    this.connectJoinMs = null;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(`${opts.url}/hubs/review`, {
        transport: signalR.HttpTransportType.WebSockets,
        skipNegotiation: true,
        headers: { Cookie: cookie },
      })
      .configureLogging(clientLogger)
      .build();
    this.connection.on("CommentChanged", (comment) => {
      const at = performance.now();
      this.events++;
      const key = comment && comment.clientId;
      const seen = this.received.get(key);
      if (seen) seen.count++;
      else this.received.set(key, { first: at, count: 1, id: comment.id });
    });
    this.connection.on("PresenceChanged", () => {
      this.presenceEvents++;
    });
    this.connection.onclose((error) => {
      if (!this.stopping) this.closedUnexpectedly = String(error ?? "closed");
    });
  }

  async startAndJoin(versionId, since) {
    const t = performance.now();
    await withTimeout(this.connection.start(), 30000, "connection start");
    this.join = await withTimeout(this.connection.invoke("JoinVersion", versionId, since), 30000, "JoinVersion");
    this.connectJoinMs = performance.now() - t;
  }

  async stop() {
    this.stopping = true;
    try {
      await withTimeout(this.connection.stop(), 10000, "connection stop");
    } catch {
      // counted nowhere: the run is over for this client
    }
  }
}

const { clientLog, clientLogger } = clientLogRecorder(signalR.LogLevel);

// ---------------------------------------------------------------- one round (one N)

async function runRound(n, cookies, version, runTag) {
  console.error(`\n== N=${n}: connecting in batches of ${opts.batch}`);
  const clients = [];
  for (let i = 0; i < n; i++) {
    const poster = i < opts.posters;
    const email = poster ? writers[i % writers.length] : accounts[i % accounts.length];
    clients.push(new Client(i, email, cookies.get(email), poster));
  }

  const result = { n, posters: opts.posters, rate: opts.rate, seconds: opts.seconds };
  try {
    // Where to catch up from: the current seq, so that joins do not fetch the comments of earlier rounds.
    let since = 0;
    if (opts.joinSince === "latest") {
      await clients[0].startAndJoin(version.versionId, 0);
      since = clients[0].join.seq;
    } else {
      since = Number(opts.joinSince) || 0;
    }

    // Ramp up.
    const connectStart = performance.now();
    const connectCpu = cpuSampler(opts.serverPid);
    const failures = [];
    for (let from = 0; from < n; from += opts.batch) {
      const batch = clients.slice(from, from + opts.batch).filter((c) => !c.join);
      const outcomes = await Promise.allSettled(batch.map((c) => c.startAndJoin(version.versionId, since)));
      outcomes.forEach((o, k) => {
        if (o.status === "rejected") failures.push(`client ${batch[k].index} (${batch[k].email}): ${o.reason?.message ?? o.reason}`);
      });
      if (opts.batchPauseMs > 0 && from + opts.batch < n) await sleep(opts.batchPauseMs);
    }
    const connectMs = performance.now() - connectStart;
    const cpuConnecting = connectCpu();
    const joined = clients.filter((c) => c.join);
    result.connect = {
      allMs: Math.round(connectMs),
      joined: joined.length,
      failed: failures.length,
      failures: failures.slice(0, 10),
      perClientMs: roundSummary(summary(joined.map((c) => c.connectJoinMs))),
      joinSince: since,
      commentsReturnedPerJoin: joined.length ? joined[joined.length - 1].join.comments.length : null,
      cpu: cpuConnecting,
    };
    console.error(`   ${joined.length}/${n} joined in ${(connectMs / 1000).toFixed(2)} s` + (failures.length ? `; ${failures.length} failed, e.g. ${failures[0]}` : ""));

    const posters = clients.filter((c) => c.poster && c.join);
    if (posters.length === 0) throw new Error("no poster connection joined");
    for (const p of posters) {
      if (!p.join.canWrite) throw new Error(`${p.email} cannot write on version ${version.versionId}: ${p.join.readOnlyReason}`);
    }

    await sleep(opts.settleMs);

    // Post at a fixed total rate (open loop: the next send does not wait for the previous ack).
    const total = Math.floor(opts.rate * opts.seconds);
    const intervalMs = 1000 / opts.rate;
    const sent = new Map(); // clientId -> record
    const acks = [];
    const postErrors = [];
    let maxSendLagMs = 0;
    const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
    loopDelay.enable();
    const cpu = cpuSampler(opts.serverPid);
    const t0 = performance.now();
    console.error(`   posting ${total} comments at ${opts.rate}/s for ${opts.seconds} s from ${posters.length} posters`);
    for (let k = 0; k < total; k++) {
      const due = t0 + k * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const poster = posters[k % posters.length];
      const clientId = randomUUID();
      const anchor = version.anchors[k % version.anchors.length];
      const record = { k, clientId, poster: poster.index, sentAt: 0, ackAt: null, id: null, error: null };
      sent.set(clientId, record);
      record.sentAt = performance.now();
      maxSendLagMs = Math.max(maxSendLagMs, record.sentAt - due);
      const p = poster.connection.invoke("PostComment", {
        clientId,
        versionId: version.versionId,
        anchor,
        type: "general",
        body: `Load test ${runTag} N=${n} comment ${k} id ${clientId}`,
        proposedText: null,
        quote: null,
        parentId: null,
      });
      acks.push(
        withTimeout(p, 30000, "PostComment").then(
          (view) => {
            record.ackAt = performance.now();
            record.id = view?.id ?? null;
            if (view?.clientId !== clientId) record.error = `ack carried clientId ${view?.clientId}`;
          },
          (e) => {
            record.error = e?.message ?? String(e);
            postErrors.push(`comment ${k}: ${record.error}`);
          },
        ),
      );
    }
    await Promise.all(acks); // each is bounded by its own 30 s timeout
    const lastAck = performance.now();
    const cpuPosting = cpu();
    loopDelay.disable();

    const acked = [...sent.values()].filter((r) => r.ackAt !== null && !r.error);
    const windowEnd = t0 + opts.seconds * 1000;

    // Grace period: wait until every joined client has every acked comment, or the time is up.
    const graceStart = performance.now();
    const expected = acked.length * joined.length;
    const countReceived = () => {
      let got = 0;
      for (const c of joined) for (const r of acked) if (c.received.has(r.clientId)) got++;
      return got;
    };
    while (countReceived() < expected && performance.now() - graceStart < opts.graceSeconds * 1000) {
      await sleep(50);
    }
    const graceWaitedMs = performance.now() - graceStart;

    // Exact accounting, per client and comment.
    const latencies = [];
    const firstArrival = new Map(); // clientId -> [min, max] over clients, for the fan-out spread
    let received = 0;
    let lost = 0;
    let duplicated = 0;
    let unknown = 0;
    const lostSamples = [];
    const lostClients = new Set();
    for (const c of joined) {
      for (const r of acked) {
        const got = c.received.get(r.clientId);
        if (!got) {
          lost++;
          lostClients.add(c.index);
          if (lostSamples.length < 10) lostSamples.push(`client ${c.index} missed comment ${r.k} (#${r.id})`);
          continue;
        }
        received++;
        duplicated += got.count - 1;
        latencies.push(got.first - r.sentAt);
        const span = firstArrival.get(r.clientId);
        if (span) {
          span[0] = Math.min(span[0], got.first);
          span[1] = Math.max(span[1], got.first);
        } else firstArrival.set(r.clientId, [got.first, got.first]);
      }
      for (const key of c.received.keys()) if (!sent.has(key)) unknown++;
      // Duplicates of comments whose post failed still count as duplicates.
      for (const r of sent.values()) {
        if (r.error || r.ackAt === null) {
          const got = c.received.get(r.clientId);
          if (got) duplicated += got.count - 1;
        }
      }
    }
    const failedButDelivered = [...sent.values()].filter((r) => (r.error || r.ackAt === null) && joined.some((c) => c.received.has(r.clientId))).length;
    const ackLatencies = acked.map((r) => r.ackAt - r.sentAt);
    const ackedInWindow = acked.filter((r) => r.ackAt <= windowEnd).length;

    result.delivery = roundSummary(summary(latencies));
    result.ack = roundSummary(summary(ackLatencies));
    result.fanoutSpread = roundSummary(summary([...firstArrival.values()].map(([a, b]) => b - a)));
    result.posting = {
      offeredPerSecond: opts.rate,
      sent: sent.size,
      acked: acked.length,
      failed: sent.size - acked.length,
      errors: postErrors.slice(0, 10),
      commentsPerSecond: r1(ackedInWindow / opts.seconds), // acks inside the D-second window / D
      commentsPerSecondOverall: r1(acked.length / ((lastAck - t0) / 1000)), // acks / (first send .. last ack)
      maxSendLagMs: r1(maxSendLagMs),
    };
    result.deliveries = {
      expected,
      received,
      lost,
      duplicated,
      clientsWithLosses: lostClients.size,
      lostSamples,
      unknownComments: unknown,
      failedPostsDeliveredAnyway: failedButDelivered,
      graceWaitedMs: Math.round(graceWaitedMs),
      graceSeconds: opts.graceSeconds,
    };
    result.connections = {
      closedUnexpectedly: joined.filter((c) => c.closedUnexpectedly).length,
      closeSamples: joined.filter((c) => c.closedUnexpectedly).slice(0, 5).map((c) => `client ${c.index}: ${c.closedUnexpectedly}`),
      presenceEvents: clients.reduce((a, c) => a + c.presenceEvents, 0),
    };
    result.cpuWhilePosting = cpuPosting;
    // The histogram measures timer expiry, so it includes the resolution itself: report the excess.
    const lag = (ns) => r1(Math.max(0, ns / 1e6 - loopResolutionMs));
    result.driverEventLoopLagMs = { p50: lag(loopDelay.percentile(50)), p99: lag(loopDelay.percentile(99)), max: lag(loopDelay.max) };
    console.error(`   delivery p50/p99/max ${fmt(result.delivery.p50)}/${fmt(result.delivery.p99)}/${fmt(result.delivery.max)} ms; ` +
      `${received}/${expected} received, ${lost} lost, ${duplicated} duplicated; ack p99 ${fmt(result.ack.p99)} ms; ` +
      `CPU server ${fmt(cpuPosting.serverCpuPercent, 0)}% driver ${fmt(cpuPosting.driverCpuPercent, 0)}% machine ${fmt(cpuPosting.machineBusyPercent, 0)}% of ${cpuPosting.cores} cores; ` +
      `driver loop lag p99 ${fmt(result.driverEventLoopLagMs.p99)} ms`);
  } catch (e) {
    result.error = e?.message ?? String(e);
    console.error(`   round failed: ${result.error}`);
  } finally {
    // Close everything, in batches, before the next round.
    for (let from = 0; from < clients.length; from += opts.batch * 4) {
      await Promise.all(clients.slice(from, from + opts.batch * 4).map((c) => c.stop()));
    }
  }
  return result;
}

const loopResolutionMs = 2;

/** Posts a few comments through one writer connection so the server's JIT and caches are warm. */
async function warmUp(cookies, version, runTag) {
  if (opts.warmup <= 0) return null;
  const c = new Client(-1, writers[0], cookies.get(writers[0]), true);
  const t = performance.now();
  try {
    await c.startAndJoin(version.versionId, 0);
    for (let k = 0; k < opts.warmup; k++) {
      await withTimeout(c.connection.invoke("PostComment", {
        clientId: randomUUID(), versionId: version.versionId, anchor: version.anchors[k % version.anchors.length],
        type: "general", body: `Load test ${runTag} warm-up ${k}`, proposedText: null, quote: null, parentId: null,
      }), 30000, "warm-up PostComment");
    }
    return { comments: opts.warmup, ms: Math.round(performance.now() - t) };
  } finally {
    await c.stop();
  }
}

function roundSummary(s) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "count" ? v : r1(v)]));
}

// ---------------------------------------------------------------- report

function markdown(results) {
  const head = [
    "| N | connect+join all (s) | delivery p50 (ms) | p95 | p99 | max | ack p50 (ms) | ack p99 | comments/s | expected | received | lost | dup | server CPU | driver CPU |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = results.map((r) => {
    if (r.error && !r.delivery) return `| ${r.n} | failed: ${r.error} |||||||||||||`;
    const d = r.delivery;
    const x = r.deliveries;
    const cpu = r.cpuWhilePosting;
    return `| ${r.n} | ${fmt(r.connect.allMs / 1000, 2)} | ${fmt(d.p50)} | ${fmt(d.p95)} | ${fmt(d.p99)} | ${fmt(d.max)} | ` +
      `${fmt(r.ack.p50)} | ${fmt(r.ack.p99)} | ${fmt(r.posting.commentsPerSecond, 2)} | ${x.expected} | ${x.received} | ${x.lost} | ${x.duplicated} | ` +
      `${cpu.serverCpuPercent === null ? "–" : `${fmt(cpu.serverCpuPercent, 0)}%`} | ${fmt(cpu.driverCpuPercent, 0)}% |`;
  });
  return [...head, ...rows].join("\n");
}

// ---------------------------------------------------------------- main

async function main() {
  const runTag = randomUUID().slice(0, 8);
  const startedAt = new Date();
  console.error(`fanout ${runTag}: ${opts.url}, N=${opts.ns.join(",")}, ${opts.rate} comments/s for ${opts.seconds} s, ${opts.posters} posters`);

  // One sign-in per demo account, shared by all connections of that account.
  const cookies = new Map();
  for (const email of accounts) cookies.set(email, await signIn(email));
  const version = await findVersion(cookies.get(writers[0]));
  console.error(`   signed in ${cookies.size} accounts; version id ${version.versionId}, ${version.anchors.length} paragraph anchors`);

  const warm = await warmUp(cookies, version, runTag);
  if (warm) console.error(`   warm-up: ${warm.comments} comments in ${warm.ms} ms (not measured)`);

  const results = [];
  let interrupted = false;
  process.once("SIGINT", () => {
    interrupted = true;
    console.error("fanout: interrupted; finishing the current round");
  });
  for (const n of opts.ns) {
    if (interrupted) break;
    results.push(await runRound(n, cookies, version, runTag));
    await sleep(1000); // let the server drop the closed connections
  }

  const table = markdown(results);
  const report = {
    tool: "tests/load/fanout.mjs",
    runTag,
    label: opts.label,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { ...opts, password: undefined },
    environment: environment(here),
    versionId: version.versionId,
    warmUp: warm,
    clientLog,
    results,
    markdown: table,
  };
  mkdirSync(opts.out, { recursive: true });
  const file = path.join(opts.out, `fanout-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");

  console.log(`\nFan-out: ${opts.rate} comments/s for ${opts.seconds} s per N, ${opts.posters} posters among the N clients; ` +
    `latency = poster's send -> each client's CommentChanged; ${os.cpus().length} cores shared by driver and server.\n`);
  console.log(table);
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
  const bad = results.some((r) => r.error || r.deliveries?.lost || r.deliveries?.duplicated || r.posting?.failed);
  if (clientLog.errors) console.log(`client log: ${clientLog.errors} errors, e.g. ${clientLog.samples[0]}`);
  return bad ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`fanout: ${e?.stack ?? e}`);
    process.exit(2);
  },
);
