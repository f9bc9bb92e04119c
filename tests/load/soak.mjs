#!/usr/bin/env node
// Soak driver: the whole platform busy at a human pace for a set duration, then the books checked.
//
// Keeps running at once, for --duration:
// - readers: connections on /hubs/review that JoinVersion on one draft version and count every
//   CommentChanged pushed to them;
// - posters: connections on the same version that PostComment at a human rate (one every
//   --post-every seconds on average, each with a fresh clientId), recording every acknowledged write;
// - rooms: in each breakout room of the generated meeting (meeting.mjs), the moderator opens the
//   room, the note-taker saves the notes every --notes-every seconds (recording the last
//   acknowledged save), the members listen;
// - the secretariat downloading the findings report (Markdown and Word) and the disposition table
//   (CSV) over HTTP, one after the other, again and again.
// Samples the server's RSS (/proc/<pid>/status), open file descriptors (/proc/<pid>/fd) and
// established TCP connections to its port (ss) every --sample-every seconds, and at start, after
// --warmup and at the end. Then reads the SQLite database with the sqlite3 CLI: every acknowledged
// comment's clientId must be there exactly once and each room's notes must be its last acknowledged
// save. Exits 1 when a write is missing, something failed, or RSS grew more than --max-growth-mib
// between the end of the warm-up and the end of the run.
//
// Talks only to a loopback address (refuses anything else); every loop is bounded in count and
// time, and a hard deadline ends the process whatever happens. See README.md beside this file.

import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as signalR from "@microsoft/signalr";
import { cpuSampler, environment, fmt, findDraftVersion, r1, readOptions, signIn as signInAs, sleep, summary, withTimeout, clientLogRecorder, errorText } from "./lib.mjs";
import { findMeetingRooms, notesPhrases } from "./meeting.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options

const defaults = {
  url: "http://127.0.0.1:5000",
  duration: "10m",
  warmup: "", // default: a fifth of the duration, at most 60 s
  readers: 200,
  posters: 10,
  postEvery: 20, // seconds between one poster's comments, on average (30 a minute per person is the app's limit)
  rooms: 4,
  notesEvery: 3, // seconds between one note-taker's saves
  exportPause: 1, // seconds the secretariat waits after each download
  sampleEvery: 30,
  maxGrowthMib: 100,
  graceSeconds: 15,
  db: "",
  serverPid: 0,
  slug: "people-centred-smart-cities",
  version: 3,
  meeting: "load-test",
  password: "review-demo-2026",
  out: path.join(here, "results"),
  label: "",
};

const help = `Usage: node soak.mjs --server-pid PID --db FILE [options]
  --url URL            app base URL, loopback only (default ${defaults.url})
  --duration D         how long the load runs: 45s, 10m or seconds (default ${defaults.duration})
  --warmup W           load before the "after warm-up" sample (default: a fifth of the duration, at most 60s)
  --readers N          connections reading the version (default ${defaults.readers})
  --posters P          connections posting comments, each as its own account, at most 10 (default ${defaults.posters})
  --post-every S       seconds between one poster's comments, on average (default ${defaults.postEvery})
  --rooms R            breakout rooms of --meeting used, each with a note-taker, moderator and 3 members (default ${defaults.rooms})
  --notes-every S      seconds between one note-taker's saves (default ${defaults.notesEvery})
  --export-pause S     seconds the secretariat waits after each download (default ${defaults.exportPause})
  --sample-every S     seconds between samples of memory, descriptors and connections (default ${defaults.sampleEvery})
  --max-growth-mib M   fail when RSS grows more than M MiB from after warm-up to the end (default ${defaults.maxGrowthMib})
  --grace S            seconds to wait for pushes still on their way at the end (default ${defaults.graceSeconds})
  --db FILE            the app's SQLite database, read back with the sqlite3 CLI (required)
  --server-pid PID     the app's process, sampled from /proc (required)
  --slug SLUG          guideline (default ${defaults.slug})
  --version N          version the readers and posters use (default ${defaults.version})
  --meeting SLUG       meeting whose rooms are used, written by rooms.mjs --write-meeting (default ${defaults.meeting})
  --out DIR            where the JSON result goes (default tests/load/results)
  --label TEXT         free text stored in the JSON result`;

function fail(message) {
  console.error(`soak: ${message}`);
  process.exit(2);
}

/** "45s", "10m", "1h" or a number of seconds, as seconds; null when it is none of these. */
function seconds(text) {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(String(text).trim());
  if (!m) return null;
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] ?? "s"];
}

function parseArgs(argv) {
  const names = {
    "--url": "url", "--duration": "duration", "--warmup": "warmup", "--readers": "readers", "--posters": "posters",
    "--post-every": "postEvery", "--rooms": "rooms", "--notes-every": "notesEvery", "--export-pause": "exportPause",
    "--sample-every": "sampleEvery", "--max-growth-mib": "maxGrowthMib", "--grace": "graceSeconds", "--db": "db",
    "--server-pid": "serverPid", "--slug": "slug", "--version": "version", "--meeting": "meeting", "--password": "password",
    "--out": "out", "--label": "label",
  };
  const o = { ...defaults, ...readOptions(argv, names, defaults, help, fail) };
  o.durationSeconds = seconds(o.duration);
  if (!o.durationSeconds || o.durationSeconds < 10 || o.durationSeconds > 24 * 3600) fail("--duration must be from 10s to 24h, e.g. 45s, 10m or 600");
  o.warmupSeconds = o.warmup === "" ? Math.min(60, o.durationSeconds / 5) : seconds(o.warmup);
  if (o.warmupSeconds === null || o.warmupSeconds >= o.durationSeconds) fail("--warmup must be shorter than --duration, e.g. 15s or 1m");
  for (const [k, v] of Object.entries({ readers: o.readers, rooms: o.rooms, "post-every": o.postEvery, "notes-every": o.notesEvery, "sample-every": o.sampleEvery, "max-growth-mib": o.maxGrowthMib })) {
    if (!Number.isFinite(v) || v <= 0) fail(`--${k} must be a positive number`);
  }
  if (!Number.isInteger(o.readers) || o.readers > 2000) fail("--readers must be a whole number from 1 to 2000");
  if (!Number.isInteger(o.posters) || o.posters < 1 || o.posters > posterAccounts.length) fail(`--posters must be a whole number from 1 to ${posterAccounts.length} (one account each)`);
  if (!Number.isInteger(o.rooms) || o.rooms > 20) fail("--rooms must be a whole number from 1 to 20");
  if (!Number.isFinite(o.exportPause) || o.exportPause < 0) fail("--export-pause must be 0 or more");
  if (!Number.isInteger(o.serverPid) || o.serverPid <= 0) fail("--server-pid is required: the app's process id");
  if (!o.db) fail("--db is required: the app's SQLite file (<data folder>/guidelines.db)");
  o.url = o.url.replace(/\/+$/, "");
  const host = new URL(o.url).hostname.replace(/^\[|\]$/g, "");
  // Load goes to this machine only.
  if (!(host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    fail(`--url must point at a loopback address (127.0.0.0/8, localhost, [::1]); got ${host}`);
  }
  o.port = Number(new URL(o.url).port || 80);
  return o;
}

const email = (name) => `${name}@demo.local`;
// One account per poster, so each stays far below the app's 30 posts a minute per person.
const posterAccounts = ["expert", "expert2", "expert3", "expert4", "expert5", "expert6", "expert7", "expert8", "moderator", "notetaker"].map(email);
const readerAccounts = ["observer", "translator", "expert", "admin", "secretariat", "moderator", "notetaker", "expert2"].map(email);
const secretariat = email("secretariat");

const opts = parseArgs(process.argv.slice(2));
const hardDeadline = setTimeout(() => {
  console.error(`soak: hard deadline reached (${opts.durationSeconds} s of load + 300 s); exiting`);
  process.exit(3);
}, (opts.durationSeconds + 300) * 1000);
hardDeadline.unref();

const signIn = (account) => signInAs(opts.url, opts.password, account);

// ---------------------------------------------------------------- the server, seen from outside

function procStatusKiB(pid, field) {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : null;
}

/** RSS, peak RSS, anonymous RSS (the managed heap lives there), threads, open descriptors, established connections to the app's port. */
function sampleServer(phase) {
  const pid = opts.serverPid;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1]);
  const established = execFileSync("ss", ["-Htn", "state", "established", `( sport = :${opts.port} )`], { encoding: "utf8" })
    .split("\n").filter((l) => l.trim()).length;
  return {
    phase,
    at: performance.now(), // made seconds into the load in the report
    rssMiB: r1(procStatusKiB(pid, "VmRSS") / 1024),
    peakRssMiB: r1(procStatusKiB(pid, "VmHWM") / 1024),
    anonRssMiB: r1(procStatusKiB(pid, "RssAnon") / 1024),
    threads,
    fds: readdirSync(`/proc/${pid}/fd`).length,
    established,
  };
}

// ---------------------------------------------------------------- connections

const { clientLog, clientLogger } = clientLogRecorder(signalR.LogLevel);

const allConnections = [];

/** One SignalR connection (WebSockets, the account's cookie) that remembers whether it closed on its own. */
function connect(hub, account, cookie) {
  const c = {
    account,
    closedUnexpectedly: null,
    stopping: false,
    connection: new signalR.HubConnectionBuilder()
      .withUrl(`${opts.url}${hub}`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, headers: { Cookie: cookie } })
      .configureLogging(clientLogger)
      .build(),
  };
  c.connection.onclose((error) => {
    if (!c.stopping) c.closedUnexpectedly = String(error ?? "closed");
  });
  allConnections.push(c);
  return c;
}

async function stopAll() {
  for (let from = 0; from < allConnections.length; from += 100) {
    await Promise.all(allConnections.slice(from, from + 100).map(async (c) => {
      c.stopping = true;
      await withTimeout(c.connection.stop(), 10000, "connection stop").catch(() => {});
    }));
  }
}

/** Starts connections 50 at a time, each followed by its join call; a failure fails the run. */
async function startInBatches(list, join) {
  for (let from = 0; from < list.length; from += 50) {
    await Promise.all(list.slice(from, from + 50).map(async (c) => {
      await withTimeout(c.connection.start(), 30000, `${c.account} connection start`);
      await join(c);
    }));
  }
}

// ---------------------------------------------------------------- the load

/** Waits ms, but not past `until`: the end sample then falls when the load ends, not a poster's pause later. */
const pause = (ms, until) => sleep(Math.max(0, Math.min(ms, until - performance.now())));

/** Posts until `until` (performance.now()), one comment every postEvery s on average, jittered ±50 %. */
async function poster(c, version, runTag, k0, until, acked, errors) {
  let k = 0;
  await pause(Math.random() * opts.postEvery * 1000, until); // posters do not start in step
  while (performance.now() < until) {
    const clientId = randomUUID();
    const anchor = version.anchors[(k0 + k * 7) % version.anchors.length];
    try {
      const view = await withTimeout(c.connection.invoke("PostComment", {
        clientId, versionId: version.versionId, anchor, type: "general",
        body: `Soak ${runTag}: ${c.account} comment ${k} on ${anchor}, id ${clientId}`,
        proposedText: null, quote: null, parentId: null,
      }), 30000, "PostComment");
      if (view?.clientId !== clientId) errors.push(`${c.account} comment ${k}: the ack carried clientId ${view?.clientId}`);
      else acked.push({ clientId, id: view.id, account: c.account, ackAt: performance.now() });
    } catch (e) {
      errors.push(`${c.account} comment ${k}: ${errorText(e)}`);
    }
    k++;
    await pause(opts.postEvery * 1000 * (0.5 + Math.random()), until);
  }
}

/** The note-taker of one room saves its notes every notesEvery s until `until`; remembers the last acknowledged save. */
async function noteTaker(room, until, runTag, errors) {
  const lines = [];
  let version = room.taker.state.notesVersion;
  for (let k = 0; performance.now() < until; k++) {
    lines.push(`- [${runTag} r${room.id} k${k}] ${notesPhrases[k % notesPhrases.length]}`);
    if (lines.length > 60) lines.shift(); // notes of a long session keep their recent part, as a note-taker tidies up
    const notes = `# Notes of room ${room.id} (soak)\n\n${lines.join("\n")}`;
    try {
      const result = await withTimeout(room.taker.connection.invoke("SaveNotes", room.id, version, notes), 30000, "SaveNotes");
      if (result?.saved) {
        version = result.version;
        room.lastSave = { version, notes, k };
        room.saves++;
      } else {
        errors.push(`room ${room.id} save ${k}: not saved (conflict: ${JSON.stringify(result?.conflict)})`);
        version = result?.version ?? version;
      }
    } catch (e) {
      errors.push(`room ${room.id} save ${k}: ${errorText(e)}`);
    }
    await pause(opts.notesEvery * 1000, until);
  }
}


const exportFormats = [
  { format: "md", check: (bytes, type) => type.startsWith("text/markdown") && bytes.length > 0 },
  { format: "docx", check: (bytes, type) => type.startsWith("application/vnd.openxmlformats") && bytes[0] === 0x50 && bytes[1] === 0x4b }, // a zip: "PK"
  { format: "csv", check: (bytes, type) => type.startsWith("text/csv") && bytes.length > 0 },
];

/** The secretariat downloads the findings report (Markdown, Word) and the disposition table (CSV) in turn until `until`. */
async function exporter(cookie, until, downloads, errors) {
  for (let k = 0; performance.now() < until; k++) {
    const { format, check } = exportFormats[k % exportFormats.length];
    const where = `${opts.url}/guidelines/${opts.slug}/v/${opts.version}/findings?format=${format}`;
    const t = performance.now();
    try {
      const res = await withTimeout(fetch(where, { redirect: "manual", headers: { Cookie: cookie } }), 60000, `GET ${where}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const ms = performance.now() - t;
      const type = res.headers.get("content-type") ?? "";
      if (res.status !== 200 || !check(bytes, type)) errors.push(`${format} export ${k}: HTTP ${res.status}, ${type}, ${bytes.length} bytes`);
      else downloads.push({ format, ms, bytes: bytes.length });
    } catch (e) {
      errors.push(`${format} export ${k}: ${errorText(e)}`);
    }
    await pause(opts.exportPause * 1000, until);
  }
}

// ---------------------------------------------------------------- reading the books

function sqlite(query) {
  const out = execFileSync("sqlite3", ["-readonly", "-json", opts.db, query], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  return out.trim() ? JSON.parse(out) : [];
}

/** Every acknowledged comment present exactly once (by clientId) and each room's notes equal to its last acknowledged save. */
function checkDatabase(versionId, acked, rooms) {
  const counts = new Map(sqlite(`SELECT lower(ClientId) AS clientId, COUNT(*) AS n FROM Comments WHERE VersionId = ${versionId} GROUP BY lower(ClientId)`)
    .map((r) => [r.clientId, r.n]));
  const missing = acked.filter((a) => !counts.has(a.clientId));
  const duplicated = acked.filter((a) => counts.get(a.clientId) > 1);
  const saved = new Map(sqlite(`SELECT Id AS id, NotesVersion AS version, Notes AS notes FROM BreakoutRooms WHERE Id IN (${rooms.map((r) => r.id).join(",")})`)
    .map((r) => [r.id, r]));
  const notes = rooms.map((r) => {
    const row = saved.get(r.id);
    const same = !!row && !!r.lastSave && row.version === r.lastSave.version && row.notes === r.lastSave.notes;
    return { roomId: r.id, saves: r.saves, lastAckedVersion: r.lastSave?.version ?? null, savedVersion: row?.version ?? null, same };
  });
  return {
    commentsAcknowledged: acked.length,
    commentsPresent: acked.length - missing.length,
    missing: missing.slice(0, 10).map((a) => a.clientId),
    missingCount: missing.length,
    duplicatedCount: duplicated.length,
    notes,
    notesMismatches: notes.filter((n) => !n.same).length,
  };
}

// ---------------------------------------------------------------- main

async function main() {
  const runTag = randomUUID().slice(0, 8);
  const startedAt = new Date();
  const samples = [sampleServer("start")];
  console.error(`soak ${runTag}: ${opts.url}, ${opts.durationSeconds} s (warm-up ${opts.warmupSeconds} s), ${opts.readers} readers, ` +
    `${opts.posters} posters (a comment every ~${opts.postEvery} s each), ${opts.rooms} rooms (notes every ${opts.notesEvery} s), secretariat exporting`);

  const cookies = new Map();
  const rooms = [];
  const needed = new Set([secretariat, ...posterAccounts.slice(0, opts.posters), ...readerAccounts.slice(0, opts.readers)]);
  for (const account of needed) cookies.set(account, await signIn(account));
  const version = await findDraftVersion(opts.url, opts.slug, opts.version, cookies.get(secretariat));
  for (const room of await findMeetingRooms(opts.url, opts.meeting, opts.rooms, cookies.get(secretariat))) {
    for (const account of [room.noteTaker, room.moderator, ...room.members]) {
      if (!cookies.has(account)) cookies.set(account, await signIn(account));
    }
    rooms.push({ ...room, saves: 0, lastSave: null });
  }
  console.error(`   signed in ${cookies.size} accounts; version ${version.versionId}; rooms ${rooms.map((r) => r.id).join(", ")}`);

  // Connect everyone: readers and posters on the version, each room's people in their room.
  const received = new Map(); // clientId -> number of readers it reached (each reader counts once per arrival)
  const readers = Array.from({ length: opts.readers }, (_, i) => {
    const account = readerAccounts[i % readerAccounts.length];
    const c = connect("/hubs/review", account, cookies.get(account));
    c.seen = new Set();
    c.duplicates = 0;
    c.connection.on("CommentChanged", (comment) => {
      const id = comment?.clientId;
      if (c.seen.has(id)) {
        c.duplicates++;
        return;
      }
      c.seen.add(id);
      received.set(id, (received.get(id) ?? 0) + 1);
    });
    return c;
  });
  const posters = posterAccounts.slice(0, opts.posters).map((account) => connect("/hubs/review", account, cookies.get(account)));
  const connectStart = performance.now();
  await startInBatches([...readers, ...posters], async (c) => {
    c.join = await withTimeout(c.connection.invoke("JoinVersion", version.versionId, 0), 30000, `${c.account} JoinVersion`);
  });
  for (const p of posters) {
    if (!p.join.canWrite) throw new Error(`${p.account} cannot write on version ${version.versionId}: ${p.join.readOnlyReason}`);
  }
  const roomPeople = [];
  for (const room of rooms) {
    room.taker = connect("/hubs/room", room.noteTaker, cookies.get(room.noteTaker));
    room.listeners = [room.moderator, ...room.members].map((account) => connect("/hubs/room", account, cookies.get(account)));
    for (const l of room.listeners) {
      l.lastNotesVersion = 0;
      l.connection.on("NotesChanged", (roomId, v) => {
        if (roomId === room.id) l.lastNotesVersion = Math.max(l.lastNotesVersion, v);
      });
    }
    roomPeople.push(room.taker, ...room.listeners);
  }
  await startInBatches(roomPeople, async (c) => {
    c.state = await withTimeout(c.connection.invoke("JoinRoom", rooms.find((r) => r.taker === c || r.listeners.includes(c)).id), 30000, `${c.account} JoinRoom`);
  });
  for (const room of rooms) {
    await withTimeout(room.listeners[0].connection.invoke("SetOpen", room.id, true), 30000, "SetOpen");
    room.taker.state = await withTimeout(room.taker.connection.invoke("JoinRoom", room.id), 30000, "JoinRoom"); // its rights now that the room is open
    if (!room.taker.state.you?.canEditNotes) throw new Error(`${room.noteTaker} may not edit the notes of room ${room.id}`);
  }
  const connectSeconds = (performance.now() - connectStart) / 1000;
  console.error(`   ${allConnections.length} connections joined in ${fmt(connectSeconds)} s; load runs for ${opts.durationSeconds} s`);

  // The load, with samples every sampleEvery s and one at the end of the warm-up.
  const loadStart = performance.now();
  const until = loadStart + opts.durationSeconds * 1000;
  const acked = [];
  const postErrors = [];
  const saveErrors = [];
  const downloads = [];
  const exportErrors = [];
  const cpu = cpuSampler(opts.serverPid);
  let warm = null;
  const sampler = (async () => {
    const warmAt = loadStart + opts.warmupSeconds * 1000;
    let next = loadStart + opts.sampleEvery * 1000;
    for (;;) {
      const warmNext = !warm && warmAt <= next;
      const due = warmNext ? warmAt : next;
      if (due >= until) break;
      await sleep(Math.max(0, due - performance.now()) + 1);
      const sample = sampleServer(warmNext ? "after warm-up" : "load");
      samples.push(sample);
      if (warmNext) warm = sample;
      if (!warmNext || next === warmAt) next += opts.sampleEvery * 1000;
      console.error(`   ${fmt((performance.now() - loadStart) / 1000, 0)} s, ${sample.phase}: RSS ${fmt(sample.rssMiB)} MiB, ${sample.fds} fds, ${sample.established} connections; ` +
        `${acked.length} comments, ${rooms.reduce((a, r) => a + r.saves, 0)} notes saves, ${downloads.length} exports`);
    }
  })();
  await Promise.all([
    sampler,
    ...posters.map((p, i) => poster(p, version, runTag, i, until, acked, postErrors)),
    ...rooms.map((room) => noteTaker(room, until, runTag, saveErrors)),
    exporter(cookies.get(secretariat), until, downloads, exportErrors),
  ]);
  const cpuLoad = cpu();
  const end = sampleServer("end");
  samples.push(end);

  // Pushes still on their way: every reader should have every acknowledged comment, every room member the last save.
  const graceStart = performance.now();
  const delivered = () => acked.every((a) => received.get(a.clientId) === readers.length) &&
    rooms.every((r) => !r.lastSave || r.listeners.every((l) => l.lastNotesVersion >= r.lastSave.version));
  while (!delivered() && performance.now() - graceStart < opts.graceSeconds * 1000) await sleep(100);
  const readerPairs = acked.length * readers.length;
  const readerReceived = acked.reduce((a, c) => a + (received.get(c.clientId) ?? 0), 0);
  const membersBehind = rooms.flatMap((r) => r.listeners.filter((l) => r.lastSave && l.lastNotesVersion < r.lastSave.version).map((l) => `${l.account} in room ${r.id}`));
  const closed = allConnections.filter((c) => c.closedUnexpectedly);

  await stopAll();
  await sleep(5000); // the server notices the closed sockets and lets go of them
  samples.push(sampleServer("after the connections closed"));
  for (const s of samples) {
    s.atSeconds = r1((s.at - loadStart) / 1000); // negative: before the load began
    delete s.at;
  }

  const books = checkDatabase(version.versionId, acked, rooms);
  const exportMs = (format) => summary(downloads.filter((d) => !format || d.format === format).map((d) => d.ms));
  const growthMiB = r1(end.rssMiB - warm.rssMiB);
  const result = {
    connections: { total: allConnections.length, readers: readers.length, posters: posters.length, roomConnections: roomPeople.length, connectSeconds: r1(connectSeconds) },
    memory: { startMiB: samples[0].rssMiB, afterWarmupMiB: warm.rssMiB, endMiB: end.rssMiB, growthAfterWarmupMiB: growthMiB, maxGrowthMiB: opts.maxGrowthMib, peakMiB: end.peakRssMiB },
    fds: { start: samples[0].fds, afterWarmup: warm.fds, end: end.fds, afterClose: samples[samples.length - 1].fds },
    established: { start: samples[0].established, afterWarmup: warm.established, end: end.established, afterClose: samples[samples.length - 1].established },
    writes: { ...books, postErrors: postErrors.length, postErrorSamples: postErrors.slice(0, 10), notesSaves: rooms.reduce((a, r) => a + r.saves, 0), saveErrors: saveErrors.length, saveErrorSamples: saveErrors.slice(0, 10) },
    deliveries: { readerPairs, readerReceived, readerDuplicates: readers.reduce((a, c) => a + c.duplicates, 0), membersBehind },
    exports: {
      count: downloads.length,
      errors: exportErrors.length,
      errorSamples: exportErrors.slice(0, 10),
      ms: Object.fromEntries([["all", exportMs()], ...exportFormats.map((f) => [f.format, exportMs(f.format)])].map(([k, s]) => [k, { count: s.count, p50: r1(s.p50), p95: r1(s.p95), max: r1(s.max) }])),
      bytes: Object.fromEntries(exportFormats.map((f) => [f.format, downloads.find((d) => d.format === f.format)?.bytes ?? null])),
    },
    closedUnexpectedly: closed.length,
    closeSamples: closed.slice(0, 5).map((c) => `${c.account}: ${c.closedUnexpectedly}`),
    cpuDuringLoad: cpuLoad,
    samples,
  };

  const problems = [];
  if (books.missingCount) problems.push(`${books.missingCount} acknowledged comments missing from the database, e.g. ${books.missing[0]}`);
  if (books.duplicatedCount) problems.push(`${books.duplicatedCount} acknowledged comments saved more than once`);
  if (books.notesMismatches) problems.push(`${books.notesMismatches} rooms whose saved notes are not their last acknowledged save`);
  if (growthMiB > opts.maxGrowthMib) problems.push(`RSS grew ${growthMiB} MiB after warm-up (limit ${opts.maxGrowthMib} MiB)`);
  if (postErrors.length) problems.push(`${postErrors.length} posts failed, e.g. ${postErrors[0]}`);
  if (saveErrors.length) problems.push(`${saveErrors.length} notes saves failed, e.g. ${saveErrors[0]}`);
  if (exportErrors.length) problems.push(`${exportErrors.length} exports failed, e.g. ${exportErrors[0]}`);
  if (readerReceived < readerPairs) problems.push(`${readerPairs - readerReceived} (reader, comment) pushes never arrived`);
  if (result.deliveries.readerDuplicates) problems.push(`${result.deliveries.readerDuplicates} comments pushed twice to the same reader`);
  if (membersBehind.length) problems.push(`${membersBehind.length} room members never got their room's last notes, e.g. ${membersBehind[0]}`);
  if (closed.length) problems.push(`${closed.length} connections closed by the server, e.g. ${result.closeSamples[0]}`);
  if (acked.length === 0 || books.notes.some((n) => n.saves === 0) || downloads.length === 0) problems.push("some part of the load did nothing (no comment, notes save or export acknowledged)");
  result.problems = problems;

  const report = {
    tool: "tests/load/soak.mjs", runTag, label: opts.label, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(),
    options: { ...opts, password: undefined }, environment: environment(here), clientLog, result,
  };
  mkdirSync(opts.out, { recursive: true });
  const file = path.join(opts.out, `soak-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");

  const m = result.memory;
  const e = result.exports;
  console.log(`\nSoak ${opts.durationSeconds} s: ${readers.length} readers, ${posters.length} posters, ${rooms.length} rooms (${roomPeople.length} connections), the secretariat exporting; ` +
    `server CPU ${fmt(cpuLoad.serverCpuPercent, 0)} %, machine ${fmt(cpuLoad.machineBusyPercent, 0)} % busy of ${cpuLoad.cores} cores.\n`);
  console.log("| | start | after warm-up | end | after close |\n|---|---:|---:|---:|---:|");
  console.log(`| RSS (MiB) | ${m.startMiB} | ${m.afterWarmupMiB} | ${m.endMiB} | ${samples[samples.length - 1].rssMiB} |`);
  console.log(`| anonymous RSS (MiB; the managed heap is in it) | ${samples[0].anonRssMiB} | ${warm.anonRssMiB} | ${end.anonRssMiB} | ${samples[samples.length - 1].anonRssMiB} |`);
  console.log(`| open file descriptors | ${result.fds.start} | ${result.fds.afterWarmup} | ${result.fds.end} | ${result.fds.afterClose} |`);
  console.log(`| established connections | ${result.established.start} | ${result.established.afterWarmup} | ${result.established.end} | ${result.established.afterClose} |`);
  console.log(`\nRSS growth after warm-up: ${growthMiB} MiB (limit ${opts.maxGrowthMib}); samples every ${opts.sampleEvery} s: ${samples.map((s) => s.rssMiB).join(" ")} MiB.`);
  console.log(`Comments: ${books.commentsAcknowledged} acknowledged, ${books.commentsPresent} in the database (${books.duplicatedCount} more than once); ` +
    `pushes to readers ${readerReceived} / ${readerPairs}. Notes: ${result.writes.notesSaves} saves, ${books.notes.length - books.notesMismatches} / ${books.notes.length} rooms hold their last acknowledged save.`);
  console.log(`Exports: ${e.count} (${exportFormats.map((f) => `${f.format} ${e.ms[f.format].count}`).join(", ")}), median ${fmt(e.ms.all.p50)} ms ` +
    `(${exportFormats.map((f) => `${f.format} ${fmt(e.ms[f.format].p50)}`).join(", ")}), p95 ${fmt(e.ms.all.p95)} ms, ${e.errors} failed.`);
  console.log(`JSON: ${path.relative(process.cwd(), file)}`);
  if (problems.length) console.log(`\nFAILED:\n- ${problems.join("\n- ")}`);
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`soak: ${e?.stack ?? e}`);
    stopAll().finally(() => process.exit(2));
  },
);
