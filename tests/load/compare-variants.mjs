// Summarises the rooms-*.json results of run-sqlite-variants.sh in one folder: one row per run, then
// the median of each figure per variant (the `busy=<ms>` in each result's label).
//   node tests/load/compare-variants.mjs tests/load/results/variants-<time>
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node compare-variants.mjs DIR");
  process.exit(2);
}

const runs = readdirSync(dir).filter((f) => /^rooms-.*\.json$/.test(f)).sort().map((f) => {
  const j = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
  const r = j.result;
  const label = j.label ?? "";
  return {
    variant: Number(/busy=(\d+)/.exec(label)?.[1] ?? NaN),
    round: Number(/round=(\d+)/.exec(label)?.[1] ?? NaN),
    loadBefore: /loadavg=([\d.]+)/.exec(label)?.[1] ?? "",
    error: r.error ?? null,
    p50: r.delivery?.p50, p95: r.delivery?.p95, p99: r.delivery?.p99, max: r.delivery?.max,
    ackP99: r.ack?.p99,
    savesPerSecond: r.saves?.savesPerSecond,
    expected: r.deliveries?.expected, received: r.deliveries?.received, lost: r.deliveries?.lost, duplicated: r.deliveries?.duplicated,
    cross: r.isolation?.crossRoomEvents, mismatches: r.isolation?.payloadMismatches,
    checked: r.isolation ? Object.values(r.isolation.eventsChecked).reduce((a, b) => a + b, 0) : undefined,
    joinFailures: r.connect?.failedFirstTry,
    slowAcks: r.saves ? Object.values(r.saves.slowAckHistogram).reduce((a, b) => a + b, 0) : undefined,
    slowAckHistogram: r.saves?.slowAckHistogram,
    machine: r.cpuWhileTyping?.machineBusyPercent, server: r.cpuWhileTyping?.serverCpuPercent,
  };
});

const f = (v, d = 1) => (v === undefined || v === null || Number.isNaN(v) ? "–" : Number(v).toFixed(d));
const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number" && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sum = (xs) => xs.reduce((a, b) => a + (b ?? 0), 0);
const name = (v) => (v > 0 ? `busy_timeout ${v} ms` : "provider as-is (no busy_timeout)");

console.log(`\nEvery run (${dir}):\n`);
console.log("| variant | round | load avg before | machine busy | server CPU | saves/s | p50 (ms) | p95 | p99 | max | ack p99 | acks ≥ 50 ms | delivered / expected | lost | dup | cross-room / checked | join failures |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of runs.sort((a, b) => a.round - b.round || a.variant - b.variant)) {
  if (r.error && r.p50 === undefined) {
    console.log(`| ${name(r.variant)} | ${r.round} | ${r.loadBefore} | failed: ${r.error} |||||||||||||`);
    continue;
  }
  console.log(`| ${name(r.variant)} | ${r.round} | ${r.loadBefore} | ${f(r.machine, 0)}% | ${f(r.server, 0)}% | ${f(r.savesPerSecond)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max, 0)} | ${f(r.ackP99)} | ${r.slowAcks} | ` +
    `${r.received} / ${r.expected} | ${r.lost} | ${r.duplicated} | ${r.cross} / ${r.checked} | ${r.joinFailures} |`);
}

console.log("\nMedian per variant (of the runs above; counts are summed):\n");
console.log("| variant | runs | machine busy | p50 (ms) | p95 | p99 | max | ack p99 | acks ≥ 50 ms | delivered / expected | lost | dup | cross-room | acks by ms (summed) |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
for (const v of [...new Set(runs.map((r) => r.variant))].sort((a, b) => a - b)) {
  const rs = runs.filter((r) => r.variant === v && r.p50 !== undefined);
  // Acks of 50 ms or more (rooms.mjs keeps them in 25 ms bins), summed over the runs in four ranges:
  // the provider's 150 ms retry shows as acks from 150 ms up.
  const ranges = [[50, 150], [150, 300], [300, 1000], [1000, Infinity]];
  const counts = ranges.map(() => 0);
  for (const r of rs) {
    for (const [k, n] of Object.entries(r.slowAckHistogram ?? {})) counts[ranges.findIndex(([lo, hi]) => Number(k) >= lo && Number(k) < hi)] += n;
  }
  const hist = ranges.map(([lo, hi], i) => `${lo}${hi === Infinity ? "+" : `–${hi}`}: ${counts[i]}`).join(", ");
  console.log(`| ${name(v)} | ${rs.length} | ${f(median(rs.map((r) => r.machine)), 0)}% | ${f(median(rs.map((r) => r.p50)))} | ${f(median(rs.map((r) => r.p95)))} | ` +
    `${f(median(rs.map((r) => r.p99)))} | ${f(median(rs.map((r) => r.max)), 0)} | ${f(median(rs.map((r) => r.ackP99)))} | ${sum(rs.map((r) => r.slowAcks))} | ` +
    `${sum(rs.map((r) => r.received))} / ${sum(rs.map((r) => r.expected))} | ${sum(rs.map((r) => r.lost))} | ${sum(rs.map((r) => r.duplicated))} | ` +
    `${sum(rs.map((r) => r.cross))} | ${hist || "none"} |`);
}
