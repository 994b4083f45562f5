// What the report-script tests share: the repository root, report-core.js as Node loads it,
// the partnergraph binary they make reports with, and the page data of a report. Not a test
// file itself (`node --test` runs only *.test.mjs here).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const { reportCore } = createRequire(import.meta.url)(path.join(root, 'Sources/PartnerGraphCLI/Report/report-core.js'));
export const binary = process.env.PARTNERGRAPH_BINARY || path.join(root, '.build/debug/partnergraph');
if (!fs.existsSync(binary)) {
  throw new Error('no partnergraph binary at ' + binary + ': run `swift build` first, or set PARTNERGRAPH_BINARY');
}

// The JSON of the page's pg-data element of `partnergraph report FILE ARGS` (script-safe: it
// holds no `<`, so the element's end is the first one after it).
export function pageData(file, args) {
  const html = execFileSync(binary, ['report', file, '-o', '-', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const open = html.indexOf('<script type="application/json" id="pg-data">');
  assert.ok(open >= 0, 'the report has no pg-data element');
  const start = html.indexOf('>', open) + 1;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
}
