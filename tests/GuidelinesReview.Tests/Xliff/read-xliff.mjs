// Reads an XLIFF 2.0 or 1.2 file with the npm package 'xliff', a reader independent of ours, and
// prints what it saw as JSON:
//   {"version", "sourceLanguage", "targetLanguage", "resources": {unitId: {"source", "target", "notes"}}}
// (target is left out when the unit has none). XliffTests runs it on every export.
//
// Usage: NODE_PATH=src/GuidelinesReview.Web/node_modules node read-xliff.mjs file.xlf
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// The package lives in the web project's node_modules, not beside this script: a CommonJS require
// honours NODE_PATH, an ES import does not.
const require = createRequire(import.meta.url);
const { xliff2js, xliff12ToJs } = require('xliff');

const xml = readFileSync(process.argv[2], 'utf8');
const version = /<xliff\b[^>]*\bversion="1\.2"/.test(xml) ? '1.2' : '2.0';
const js = await (version === '1.2' ? xliff12ToJs(xml) : xliff2js(xml));

const resources = {};
for (const units of Object.values(js.resources ?? {})) {
  for (const [id, unit] of Object.entries(units)) {
    const notes = unit.note === undefined ? [] : [unit.note].flat();
    resources[id] = { source: unit.source, target: unit.target, notes };
  }
}

process.stdout.write(JSON.stringify({
  version,
  sourceLanguage: js.sourceLanguage,
  targetLanguage: js.targetLanguage,
  files: Object.keys(js.resources ?? {}).length,
  resources,
}));
