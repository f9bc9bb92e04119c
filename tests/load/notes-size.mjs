#!/usr/bin/env node
// Time of one notes save by size, through a real room hub connection (the @microsoft/signalr Node
// client over WebSockets, as the room page): the note-taker's SaveNotes round trip, and the
// moment a second member's NotesChanged arrives. Plain notes of 25,000 / 50,000 / 100,000 /
// 200,000 characters and an 8,000-line list of ~200,000 characters, ROUNDS saves of each, the
// sizes interleaved; medians. A save that scales linearly takes about twice as long at twice the size.
// Loopback only; bounded in count and time. Started by run-notes-size.sh (fresh app, sample meeting).

import { performance } from "node:perf_hooks";
import * as signalR from "@microsoft/signalr";
import { fmt, pct, readOptions, signIn, withTimeout } from "./lib.mjs";

const defaults = { url: "http://127.0.0.1:5000", rounds: 7, password: "review-demo-2026", meeting: "egm-2" };
const help = `Usage: node notes-size.mjs [--url URL] [--rounds N] [--meeting SLUG]`;
const opts = { ...defaults, ...readOptions(process.argv.slice(2), { "--url": "url", "--rounds": "rounds", "--meeting": "meeting", "--password": "password" }, defaults, help, (m) => { console.error(m); process.exit(2); }) };
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(opts.url)) throw new Error(`loopback only: ${opts.url}`);
setTimeout(() => { console.error("deadline of 300 s reached"); process.exit(3); }, 300_000).unref();

const plain = (n) => "The room discussed how the city publishes its data and who may reuse it. ".repeat(Math.ceil(n / 74)).slice(0, n);
const list = () => Array.from({ length: 8000 }, (_, i) => `- point ${String(i + 1).padStart(4, "0")} of the room\n`).join(""); // 25 characters a line
const kinds = [["plain 25,000", plain(25_000)], ["plain 50,000", plain(50_000)], ["plain 100,000", plain(100_000)], ["plain 200,000", plain(200_000)], ["8,000-line list", list()]];

async function connect(email) {
  const cookie = await signIn(opts.url, opts.password, email);
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${opts.url}/hubs/room`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, headers: { Cookie: cookie } })
    .configureLogging(signalR.LogLevel.Warning).build();
  await withTimeout(connection.start(), 15000, `connect ${email}`);
  return { connection, cookie };
}

const noteTaker = await connect("notetaker@demo.local");
const moderator = await connect("moderator@demo.local");
const page = await (await fetch(`${opts.url}/meetings/${opts.meeting}`, { headers: { Cookie: noteTaker.cookie } })).text();
const roomId = Number(page.match(new RegExp(`/meetings/${opts.meeting}/rooms/(\\d+)`))[1]);
let state = await noteTaker.connection.invoke("JoinRoom", roomId);
await moderator.connection.invoke("JoinRoom", roomId);
await moderator.connection.invoke("SetOpen", roomId, true);
let version = state.notesVersion;
noteTaker.connection.on("NotesChanged", () => {}); // its own saves come back too
let waiting = null;
moderator.connection.on("NotesChanged", (_room, v) => { if (waiting && v === waiting.version) waiting.resolve(performance.now()); });

const results = new Map(kinds.map(([k]) => [k, { ack: [], seen: [] }]));
for (let round = -1; round < opts.rounds; round++) { // round -1 warms up and is not counted
  for (const [kind, text] of kinds) {
    const body = `${text.slice(0, -6)}${String(round + 10).padStart(4, "0")}\n`; // every save differs
    let resolve;
    const seen = new Promise((r) => { resolve = r; });
    waiting = { version: version + 1, resolve };
    const start = performance.now();
    const result = await withTimeout(noteTaker.connection.invoke("SaveNotes", roomId, version, body), 60000, "SaveNotes");
    const acked = performance.now();
    if (!result.saved) throw new Error(`${kind}: not saved: ${result.conflict}`);
    version = result.version;
    const seenAt = await withTimeout(seen, 60000, "NotesChanged");
    if (round >= 0) {
      results.get(kind).ack.push(acked - start);
      results.get(kind).seen.push(seenAt - start);
    }
  }
}

console.log(`| notes | characters | save round trip, median | member's NotesChanged, median | per 10,000 characters |`);
console.log(`|---|---|---|---|---|`);
for (const [kind, text] of kinds) {
  const ack = [...results.get(kind).ack].sort((a, b) => a - b);
  const seen = [...results.get(kind).seen].sort((a, b) => a - b);
  console.log(`| ${kind} | ${text.length.toLocaleString("en")} | ${fmt(pct(ack, 50))} ms | ${fmt(pct(seen, 50))} ms | ${fmt(pct(ack, 50) / text.length * 10_000, 2)} ms |`);
}
await noteTaker.connection.stop();
await moderator.connection.stop();
