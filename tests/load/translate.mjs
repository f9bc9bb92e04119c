#!/usr/bin/env node
// Translation workspace driver for the translation hub (/hubs/translate).
//
// N translator connections join one workspace (a version in one language: JoinWorkspace), then each
// saves a segment of its own every --interval-ms for --seconds (SaveTranslation, base revision = the
// revision its previous save of that segment returned; a few saves per segment, as autosave does
// while someone types, then the next segment of its own). Every save is pushed to the workspace
// group as TranslationChanged. Reports, per save, the invoke round trip (send -> result) and the
// fan-out (send -> TranslationChanged received by every other connection of the workspace), with
// exact expected/received/lost/duplicated counts, conflicts and errors.
//
// Talks only to a loopback address (refuses anything else); every loop is bounded in count and
// time, and a hard deadline ends the process whatever happens. See README.md beside this file.

import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as signalR from "@microsoft/signalr";
import { cpuSampler, environment, fmt, r1, signIn as signInAs, sleep, summary, withTimeout, readOptions, clientLogRecorder, errorText } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options

const defaults = {
  url: "http://127.0.0.1:5000",
  versionId: 0, // the draft version whose workspace is used (required)
  language: "fr",
  segments: "", // file with the segment ids of that version, one a line (required)
  accounts: "translator@demo.local,translator2@demo.local", // translators of --language; connection i signs in as account i mod count
  n: 20,
  intervalMs: 1000, // one save per translator every this many ms
  seconds: 30,
  savesPerSegment: 5, // consecutive saves of one segment by its translator before it moves to its next one
  textChars: 400, // about this many characters per saved translation
  batch: 20,
  graceSeconds: 10,
  settleMs: 1500,
  warmup: 200, // saves on a segment of no translator, before the window, not measured: enough for the JIT to tier the save path up
  p99Limit: 250, // ms; the run fails when the fan-out p99 is at or over it (0 = no limit)
  probeMs: 100, // a GET of a small static file every this many ms during the window, as the machine's baseline (0 = none)
  probePath: "/css/print.css",
  password: "review-demo-2026",
  serverPid: 0,
  maxSeconds: 600,
  out: path.join(here, "results"),
  label: "",
};

const help = `Usage: node translate.mjs --version-id ID --segments FILE [options]
  --url URL             app base URL, loopback only (default ${defaults.url})
  --version-id ID       the draft version (DraftVersions.Id) whose workspace is used
  --language L          the workspace's language (default ${defaults.language})
  --segments FILE       the version's segment ids, one a line (e.g. its paragraph anchors)
  --accounts A,B,...    translators of that language; connection i signs in as account i mod count (default ${defaults.accounts})
  --n N                 translator connections (default ${defaults.n})
  --interval-ms I       one save per translator every I ms (default ${defaults.intervalMs})
  --seconds D           saving window, seconds (default ${defaults.seconds})
  --saves-per-segment S consecutive saves of one segment before its translator moves on (default ${defaults.savesPerSegment})
  --text-chars C        about C characters per saved translation (default ${defaults.textChars})
  --batch B             connections opened at once (default ${defaults.batch})
  --grace S             seconds to wait for missing pushes after the last save (default ${defaults.graceSeconds})
  --warmup W            unmeasured saves before the window (default ${defaults.warmup})
  --p99-limit MS        fail when the fan-out p99 is MS or more, 0 = no limit (default ${defaults.p99Limit})
  --probe-ms P          GET --probe-path every P ms during the window, one at a time: the machine's baseline, 0 = none (default ${defaults.probeMs})
  --probe-path PATH     a small static file (default ${defaults.probePath})
  --server-pid PID      sample the server's CPU time from /proc (optional)
  --max-seconds S       hard deadline for the whole run (default ${defaults.maxSeconds})
  --out DIR             where the JSON result goes (default tests/load/results)
  --label TEXT          free text stored in the JSON result`;

function fail(message) {
  console.error(`translate: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { ...defaults };
  const names = {
    "--url": "url", "--version-id": "versionId", "--language": "language", "--segments": "segments", "--accounts": "accounts",
    "--n": "n", "--interval-ms": "intervalMs", "--seconds": "seconds", "--saves-per-segment": "savesPerSegment",
    "--text-chars": "textChars", "--batch": "batch", "--grace": "graceSeconds", "--settle-ms": "settleMs", "--warmup": "warmup",
    "--p99-limit": "p99Limit", "--probe-ms": "probeMs", "--probe-path": "probePath", "--password": "password", "--server-pid": "serverPid", "--max-seconds": "maxSeconds",
    "--out": "out", "--label": "label",
  };
  Object.assign(o, readOptions(argv, names, defaults, help, fail));
  for (const [k, v] of Object.entries({ "version-id": o.versionId, n: o.n, "interval-ms": o.intervalMs, seconds: o.seconds, "saves-per-segment": o.savesPerSegment, "text-chars": o.textChars, batch: o.batch, "max-seconds": o.maxSeconds })) {
    if (!Number.isFinite(v) || v <= 0) fail(`--${k} must be a positive number`);
  }
  for (const [k, v] of Object.entries({ warmup: o.warmup, grace: o.graceSeconds, "p99-limit": o.p99Limit, "probe-ms": o.probeMs })) {
    if (!Number.isFinite(v) || v < 0) fail(`--${k} must be 0 or more`);
  }
  if (!Number.isInteger(o.n) || o.n < 2 || o.n > 500) fail("--n must be a whole number from 2 to 500");
  if (o.intervalMs < 50) fail("--interval-ms must be at least 50");
  if ((o.seconds * 1000) / o.intervalMs > 10000) fail("--seconds / --interval-ms is capped at 10000 saves per translator");
  if (o.textChars > 10000) fail("--text-chars is capped at 10000 (the server accepts 20,000)");
  if (o.probeMs > 0 && o.probeMs < 20) fail("--probe-ms must be 0 or at least 20");
  if (!o.probePath.startsWith("/")) fail("--probe-path must start with /");
  if (!o.segments) fail("--segments FILE is required (run-translate.sh writes it from the database)");
  o.url = o.url.replace(/\/+$/, "");
  const host = new URL(o.url).hostname.replace(/^\[|\]$/g, "");
  // Load goes to this machine only.
  if (!(host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    fail(`--url must point at a loopback address (127.0.0.0/8, localhost, [::1]); got ${host}`);
  }
  o.accountList = o.accounts.split(",").map((a) => a.trim()).filter(Boolean);
  if (o.accountList.length === 0) fail("--accounts lists no account");
  o.segmentList = readFileSync(o.segments, "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
  const perTranslator = Math.ceil(Math.floor((o.seconds * 1000) / o.intervalMs) / o.savesPerSegment);
  if (o.segmentList.length < o.n * perTranslator + 1) {
    fail(`${o.segments} lists ${o.segmentList.length} segments; ${o.n} translators x ${perTranslator} segments each + 1 for the warm-up need ${o.n * perTranslator + 1} (raise --saves-per-segment)`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));

const hardDeadline = setTimeout(() => {
  console.error(`translate: hard deadline of ${opts.maxSeconds} s reached; exiting`);
  process.exit(3);
}, opts.maxSeconds * 1000);
hardDeadline.unref();

const roundSummary = (s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "count" ? v : r1(v)]));

// ---------------------------------------------------------------- one connection

const { clientLog, clientLogger } = clientLogRecorder(signalR.LogLevel);

/** Every save sent in the window, by the id written in its text; filled by the saving loops. */
const allSaves = new Map();
const markOf = (text) => /\[load ([0-9a-f-]{36})\]/.exec(typeof text === "string" ? text : "")?.[1] ?? null;

class Client {
  constructor(index, account, cookie) {
    this.index = index;
    this.email = account;
    this.cookie = cookie;
    this.pushes = new Map(); // save id -> { first: ms, count }
    this.foreign = 0; // TranslationChanged for another version or language than the one joined
    this.unknown = 0; // TranslationChanged whose text carries no id of a save of this run (the warm-up's)
    this.people = null; // the latest PresenceChanged list
    this.closedUnexpectedly = null;
    this.stopping = false;
    this.joined = null;
    this.connectJoinMs = null;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(`${opts.url}/hubs/translate`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, headers: { Cookie: cookie } })
      .configureLogging(clientLogger)
      .build();
    this.connection.on("TranslationChanged", (versionId, language, view) => {
      const at = performance.now();
      if (versionId !== opts.versionId || language !== opts.language) {
        this.foreign++;
        return;
      }
      const id = markOf(view?.text);
      if (!id || !allSaves.has(id)) {
        this.unknown++;
        return;
      }
      const seen = this.pushes.get(id);
      if (seen) seen.count++;
      else this.pushes.set(id, { first: at, count: 1, revision: view.revision });
    });
    this.connection.on("TranslationCommented", () => {});
    this.connection.on("PresenceChanged", (versionId, language, people) => {
      if (versionId === opts.versionId && language === opts.language) this.people = people;
    });
    this.connection.onclose((error) => {
      if (!this.stopping) this.closedUnexpectedly = String(error ?? "closed");
    });
  }

  async startAndJoin() {
    const t = performance.now();
    await withTimeout(this.connection.start(), 30000, "connection start");
    this.joined = await withTimeout(this.connection.invoke("JoinWorkspace", opts.versionId, opts.language), 30000, "JoinWorkspace");
    if (!this.joined?.rights?.canTranslate) throw new Error(`${this.email} joined but may not translate ${opts.language}: ${JSON.stringify(this.joined?.rights)}`);
    this.connectJoinMs = performance.now() - t;
  }

  async stop() {
    this.stopping = true;
    try {
      await withTimeout(this.connection.stop(), 10000, "connection stop");
    } catch {
      // the run is over for this client
    }
  }
}

// ---------------------------------------------------------------- texts

const words = [
  "les collectivités locales", "devraient établir", "des plateformes de données ouvertes", "en concertation avec les habitants",
  "les ministères nationaux", "sont encouragés à revoir", "les règles de passation des marchés", "à tous les niveaux de gouvernement",
  "les services publics", "doivent protéger", "les canaux de retour des habitants", "avec un contrôle indépendant",
  "les autorités régionales", "peuvent renforcer", "les programmes de compétences numériques", "à l'échelle du quartier",
];

/** A French-looking translation of about --text-chars characters, carrying the save's id. */
function translationText(id, translator, k) {
  let text = `[load ${id}] Traducteur ${translator}, enregistrement ${k} :`;
  for (let w = (translator * 7 + k) % words.length; text.length < opts.textChars; w = (w + 5) % words.length) text += ` ${words[w]}`;
  return `${text}.`;
}

// ---------------------------------------------------------------- the run

const loopResolutionMs = 2;

async function warmUp(client) {
  if (opts.warmup <= 0) return null;
  const segment = opts.segmentList[opts.segmentList.length - 1]; // no translator's segment
  const t = performance.now();
  let revision = 0;
  for (let k = 0; k < opts.warmup; k++) {
    const answer = await withTimeout(client.connection.invoke("SaveTranslation", opts.versionId, opts.language, segment,
      `Échauffement ${k} : ${"texte ".repeat(40)}`, revision, false), 30000, "warm-up SaveTranslation");
    if (!answer.saved) throw new Error(`warm-up save ${k} of ${segment} not saved: ${answer.conflict}`);
    revision = answer.current.revision;
  }
  return { saves: opts.warmup, segment, ms: Math.round(performance.now() - t) };
}

async function run(cookies) {
  const result = { n: opts.n, versionId: opts.versionId, language: opts.language, intervalMs: opts.intervalMs, seconds: opts.seconds, accounts: opts.accountList.length };
  const all = Array.from({ length: opts.n }, (_, i) => {
    const account = opts.accountList[i % opts.accountList.length];
    return new Client(i, account, cookies.get(account));
  });
  console.error(`\n== ${opts.n} translator connections (${opts.accountList.length} accounts), workspace of version ${opts.versionId} in ${opts.language}`);
  try {
    const connectStart = performance.now();
    const failures = [];
    for (let from = 0; from < all.length; from += opts.batch) {
      const batch = all.slice(from, from + opts.batch);
      const outcomes = await Promise.allSettled(batch.map((c) => c.startAndJoin()));
      outcomes.forEach((o, k) => {
        if (o.status === "rejected") failures.push(`connection ${batch[k].index} (${batch[k].email}): ${errorText(o.reason)}`);
      });
    }
    result.connect = {
      allMs: Math.round(performance.now() - connectStart),
      joined: all.filter((c) => c.joined).length,
      failed: failures.length,
      failures: failures.slice(0, 10),
      perConnectionMs: roundSummary(summary(all.filter((c) => c.joined).map((c) => c.connectJoinMs))),
    };
    if (failures.length) throw new Error(`${failures.length} connections could not join the workspace, e.g. ${failures[0]}`);

    result.warmUp = await warmUp(all[0]);
    if (result.warmUp) console.error(`   warm-up: ${result.warmUp.saves} saves of ${result.warmUp.segment} in ${result.warmUp.ms} ms (not measured)`);
    await sleep(opts.settleMs);
    // Presence counts people, not connections: with one account per connection everyone sees n.
    result.connect.peoplePresent = Math.max(...all.map((c) => c.people?.length ?? 0));
    console.error(`   ${result.connect.joined}/${all.length} joined in ${(result.connect.allMs / 1000).toFixed(2)} s; ${result.connect.peoplePresent} people present`);

    // Save: translator t saves every interval (translators staggered over the interval). Its k-th
    // save goes to its segment floor(k / savesPerSegment): the segments of translator t are
    // segmentList[t], [t + n], [t + 2n], ..., so no two translators share one. A save's base revision
    // is the revision the previous save of that segment returned (0 for a segment not saved yet), so
    // a translator's saves are sequential: one due while the previous is pending waits (lateSaves).
    const perTranslator = Math.floor((opts.seconds * 1000) / opts.intervalMs);
    const saveErrors = [];
    const conflicts = [];
    let lateSaves = 0;
    let maxSendLagMs = 0;
    const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
    loopDelay.enable();
    const cpu = cpuSampler(opts.serverPid);
    const t0 = performance.now() + 200;
    console.error(`   saving: ${perTranslator} saves per translator, one every ${opts.intervalMs} ms (${fmt((opts.n * 1000) / opts.intervalMs, 0)} saves/s offered), ${opts.savesPerSegment} per segment, for ${opts.seconds} s`);

    // The baseline: a small static file fetched one request at a time through the same Kestrel,
    // with no database and no hub. What it suffers (CPU taken by other processes, GC pauses) every
    // save suffers too; what it does not, the saves cost themselves.
    const probeTimes = [];
    const probeErrors = [];
    const probing = opts.probeMs > 0 && (async () => {
      const probeUrl = `${opts.url}${opts.probePath}`;
      const end = t0 + opts.seconds * 1000;
      for (let k = 0; performance.now() < end && k < 100000; k++) {
        const due = t0 + k * opts.probeMs;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        const sent = performance.now();
        try {
          const res = await withTimeout(fetch(probeUrl, { headers: { Cookie: all[0].cookie } }), 30000, `GET ${opts.probePath}`);
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
          probeTimes.push(performance.now() - sent);
        } catch (e) {
          probeErrors.push(errorText(e));
        }
      }
    })();

    const saving = all.map(async (client, t) => {
      const offset = (t * opts.intervalMs) / opts.n;
      let revision = 0;
      let segment = null;
      for (let k = 0; k < perTranslator; k++) {
        const next = opts.segmentList[t + Math.floor(k / opts.savesPerSegment) * opts.n];
        if (next !== segment) [segment, revision] = [next, 0];
        const due = t0 + offset + k * opts.intervalMs;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        else if (wait < -opts.intervalMs / 2) lateSaves++;
        const id = randomUUID();
        const text = translationText(id, t, k);
        const save = { translator: t, k, id, segment, baseRevision: revision, sentAt: performance.now(), ackAt: null, saved: false, revision: null, error: null };
        maxSendLagMs = Math.max(maxSendLagMs, save.sentAt - due);
        allSaves.set(id, save);
        try {
          const answer = await withTimeout(client.connection.invoke("SaveTranslation", opts.versionId, opts.language, segment, text, revision, false), 30000, "SaveTranslation");
          save.ackAt = performance.now();
          if (answer.saved) {
            save.saved = true;
            save.revision = answer.current.revision;
            revision = answer.current.revision;
          } else {
            save.error = `conflict: ${answer.conflict}`;
            conflicts.push(`translator ${t} save ${k} (${segment}, base ${save.baseRevision}, current ${answer.current?.revision}): ${answer.conflict}`);
            if (answer.current) revision = answer.current.revision;
          }
        } catch (e) {
          save.error = errorText(e);
          saveErrors.push(`translator ${t} save ${k} (${segment}): ${save.error}`);
          if (/timed out|connection/i.test(save.error)) break; // the connection is gone or stuck: stop this translator
        }
      }
    });
    await Promise.all(saving); // every call is bounded by its own 30 s timeout
    await probing;
    const lastAck = performance.now();
    const cpuSaving = cpu();
    loopDelay.disable();
    const windowEnd = t0 + opts.seconds * 1000;

    // Grace: wait until every connection has every saved save, or the time is up.
    const saves = [...allSaves.values()];
    const saved = saves.filter((s) => s.saved);
    const complete = () => saved.every((s) => all.every((c) => c.pushes.has(s.id)));
    const graceStart = performance.now();
    while (!complete() && performance.now() - graceStart < opts.graceSeconds * 1000) await sleep(100);
    const graceWaitedMs = performance.now() - graceStart;
    await sleep(300); // late duplicates, if any, have a chance to show

    // Exact accounting per (save, connection). The saver's own connection is counted apart (echo):
    // the fan-out of a save is to the n - 1 others.
    const pairs = [];
    const fanout = [];
    let expected = 0, received = 0, lost = 0, duplicated = 0, echoReceived = 0;
    const lostSamples = [];
    for (const s of saved) {
      let last = 0;
      let everyOther = true;
      for (const c of all) {
        const got = c.pushes.get(s.id);
        if (c.index === s.translator) {
          if (got) {
            echoReceived++;
            duplicated += got.count - 1;
          }
          continue;
        }
        expected++;
        if (!got) {
          lost++;
          everyOther = false;
          if (lostSamples.length < 10) lostSamples.push(`connection ${c.index} missed translator ${s.translator}'s save ${s.k} (${s.segment} r${s.revision})`);
          continue;
        }
        received++;
        duplicated += got.count - 1;
        pairs.push(got.first - s.sentAt);
        last = Math.max(last, got.first - s.sentAt);
      }
      if (everyOther) fanout.push(last);
    }
    for (const c of all) {
      for (const [id, got] of c.pushes) {
        if (!allSaves.get(id).saved) duplicated += got.count; // pushed although not saved
      }
    }
    const savedInWindow = saved.filter((s) => s.ackAt <= windowEnd).length;
    result.ack = roundSummary(summary(saved.map((s) => s.ackAt - s.sentAt)));
    result.fanout = roundSummary(summary(fanout)); // per save: until the last of the n - 1 others had it
    result.delivery = roundSummary(summary(pairs)); // per (save, other connection)
    result.probe = opts.probeMs > 0 ? { path: opts.probePath, everyMs: opts.probeMs, ...roundSummary(summary(probeTimes)), errors: probeErrors.length, errorSamples: probeErrors.slice(0, 3) } : null;
    result.saves = {
      offeredPerSecond: r1((opts.n * 1000) / opts.intervalMs),
      sent: saves.length,
      saved: saved.length,
      conflicts: conflicts.length,
      conflictSamples: conflicts.slice(0, 5),
      failed: saveErrors.length,
      errors: saveErrors.slice(0, 10),
      savesPerSecond: r1(savedInWindow / opts.seconds),
      savesPerSecondOverall: r1(saved.length / ((lastAck - t0) / 1000)),
      segments: new Set(saves.map((s) => s.segment)).size,
      lateSaves,
      maxSendLagMs: r1(maxSendLagMs),
      slowest: saved.toSorted((a, b) => (b.ackAt - b.sentAt) - (a.ackAt - a.sentAt)).slice(0, 15)
        .map((s) => ({ translator: s.translator, k: s.k, segment: s.segment, revision: s.revision, sentAtMs: Math.round(s.sentAt - t0), ackMs: r1(s.ackAt - s.sentAt) })),
    };
    result.pushes = {
      expected,
      received,
      lost,
      duplicated,
      lostSamples,
      echo: { expected: saved.length, received: echoReceived },
      foreign: all.reduce((a, c) => a + c.foreign, 0),
      unknown: all.reduce((a, c) => a + c.unknown, 0), // the warm-up's saves
      graceWaitedMs: Math.round(graceWaitedMs),
    };
    result.connections = {
      closedUnexpectedly: all.filter((c) => c.closedUnexpectedly).length,
      closeSamples: all.filter((c) => c.closedUnexpectedly).slice(0, 5).map((c) => `connection ${c.index}: ${c.closedUnexpectedly}`),
    };
    result.cpuWhileSaving = cpuSaving;
    const lag = (ns) => r1(Math.max(0, ns / 1e6 - loopResolutionMs));
    result.driverEventLoopLagMs = { p50: lag(loopDelay.percentile(50)), p99: lag(loopDelay.percentile(99)), max: lag(loopDelay.max) };
    console.error(`   ack p50/p95/p99/max ${fmt(result.ack.p50)}/${fmt(result.ack.p95)}/${fmt(result.ack.p99)}/${fmt(result.ack.max)} ms; ` +
      `fan-out p50/p95/p99/max ${fmt(result.fanout.p50)}/${fmt(result.fanout.p95)}/${fmt(result.fanout.p99)}/${fmt(result.fanout.max)} ms; ` +
      `${received}/${expected} pushes, ${lost} lost, ${duplicated} duplicated; ${saved.length}/${saves.length} saved, ${conflicts.length} conflicts, ${saveErrors.length} errors; ` +
      (result.probe ? `static GET p50/p99/max ${fmt(result.probe.p50)}/${fmt(result.probe.p99)}/${fmt(result.probe.max)} ms; ` : "") +
      `driver loop lag p99/max ${fmt(result.driverEventLoopLagMs.p99)}/${fmt(result.driverEventLoopLagMs.max)} ms; ` +
      `CPU server ${fmt(cpuSaving.serverCpuPercent, 0)}% driver ${fmt(cpuSaving.driverCpuPercent, 0)}% machine ${fmt(cpuSaving.machineBusyPercent, 0)}% of ${cpuSaving.cores} cores`);
  } catch (e) {
    result.error = e?.message ?? String(e);
    console.error(`   run failed: ${result.error}`);
  } finally {
    await Promise.all(all.map((c) => c.stop()));
  }
  return result;
}

// ---------------------------------------------------------------- report

function markdown(r) {
  const head = [
    "| translators | saves/s | saved | conflicts | errors | ack p50 (ms) | p95 | p99 | max | fan-out p50 (ms) | p95 | p99 | max | pushes expected | lost | dup | static GET p50 (ms) | p99 | server CPU | driver CPU | machine busy |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  if (!r.fanout) return [...head, `| ${r.n} | failed: ${r.error} |||||||||||||||||||`].join("\n");
  const cpu = r.cpuWhileSaving;
  const pc = (v) => (v === null ? "–" : `${fmt(v, 0)}%`);
  return [...head,
    `| ${r.n} | ${fmt(r.saves.savesPerSecond)} | ${r.saves.saved}/${r.saves.sent} | ${r.saves.conflicts} | ${r.saves.failed} | ` +
    `${fmt(r.ack.p50)} | ${fmt(r.ack.p95)} | ${fmt(r.ack.p99)} | ${fmt(r.ack.max)} | ${fmt(r.fanout.p50)} | ${fmt(r.fanout.p95)} | ${fmt(r.fanout.p99)} | ${fmt(r.fanout.max)} | ` +
    `${r.pushes.expected} | ${r.pushes.lost} | ${r.pushes.duplicated} | ${fmt(r.probe?.p50)} | ${fmt(r.probe?.p99)} | ${pc(cpu.serverCpuPercent)} | ${pc(cpu.driverCpuPercent)} | ${pc(cpu.machineBusyPercent)} |`].join("\n");
}

// ---------------------------------------------------------------- main

async function main() {
  const runTag = randomUUID().slice(0, 8);
  const startedAt = new Date();
  console.error(`translate ${runTag}: ${opts.url}, version ${opts.versionId} in ${opts.language}, ${opts.n} translators, a save every ${opts.intervalMs} ms each for ${opts.seconds} s`);
  const cookies = new Map();
  for (const account of new Set(opts.accountList.slice(0, opts.n))) cookies.set(account, await signInAs(opts.url, opts.password, account));
  console.error(`   signed in ${cookies.size} accounts`);
  opts.accountList = opts.accountList.slice(0, Math.min(opts.n, opts.accountList.length));

  const result = await run(cookies);
  const table = markdown(result);
  const limit = opts.p99Limit > 0 && result.fanout ? { ms: opts.p99Limit, met: result.fanout.p99 < opts.p99Limit } : null;
  const report = {
    tool: "tests/load/translate.mjs",
    runTag,
    label: opts.label,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { ...opts, password: undefined, segmentList: undefined, segmentsListed: opts.segmentList.length },
    environment: environment(here),
    clientLog,
    result,
    p99Limit: limit,
    markdown: table,
  };
  mkdirSync(opts.out, { recursive: true });
  const file = path.join(opts.out, `translate-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");

  console.log(`\nTranslation workspace: ${opts.n} translators (${opts.accountList.length} accounts) in version ${opts.versionId} / ${opts.language}, ` +
    `each saving every ${opts.intervalMs} ms for ${opts.seconds} s; ack = SaveTranslation round trip; fan-out = send -> TranslationChanged at all ${opts.n - 1} other connections; ` +
    `${os.cpus().length} cores shared by driver and server.\n`);
  console.log(table);
  if (limit) console.log(`\nfan-out p99 ${fmt(result.fanout.p99)} ms: ${limit.met ? "under" : "NOT under"} the ${limit.ms} ms limit`);
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
  if (clientLog.errors) console.log(`client log: ${clientLog.errors} errors, e.g. ${clientLog.samples[0]}`);
  const r = result;
  const bad = r.error || r.saves?.failed || r.saves?.conflicts || r.pushes?.lost || r.pushes?.duplicated || r.pushes?.foreign ||
    r.pushes?.echo.received !== r.pushes?.echo.expected || r.connections?.closedUnexpectedly || (limit && !limit.met);
  return bad ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`translate: ${e?.stack ?? e}`);
    process.exit(2);
  },
);
