// The report page's time slices (Sources/PartnerGraphCLI/Report/report-core.js, timeSlices:
// the ties and actors of each slice, rebuilt from the first slice and the changes the page
// carries) against NetworkX: the fixtures of scripts/make_timeline_fixtures.py in
// Tests/PartnerGraphAlgorithmsTests/Fixtures/timeline/, the same ones `partnergraph timeline`
// is tested on. The script cut those slices itself (Python's calendar) and decided from the
// file's dates which ties and actors each holds.
//
// How the check stays real: for every fixture that slices by calendar periods (--every, with
// --from/--until or over the span of the dates; the slider has no windows, cumulative slices
// or chosen dates) the test runs the built `partnergraph report` on the fixture's network
// with the same step and range, and --size-by the fixture's measure, and takes the page's data
// from the report's pg-data element. Every expected value comes from the fixture (NetworkX
// 3.6.1); none is computed by our code.
//
// For every slice it checks that
// - the page's slice has the fixture's label, first and last day;
// - timeSlices() gives exactly the fixture's ties (edge indices in file order) and active
//   actors (ids);
// - the changes the page lists are the fixture's (ties that appeared and ended, actors that
//   joined and left), with one line of words for each;
// - the figures the page shows are NetworkX's (to 1e-9; modularity, Leiden's, at least the
//   mean of NetworkX's Louvain over ten seeds less 0.03 and at most the exact optimum where
//   the fixture has it);
// - with a measure, the value that sizes each active actor is NetworkX's (to 1e-9), and an
//   actor not active has none.
//
// Run it after `swift build`: `node --test Tests/ReportScript/` (PARTNERGRAPH_BINARY names
// another partnergraph binary). `swift test` runs it too (ReportScriptTests). Plain Node 20,
// no npm packages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, reportCore, pageData } from './report-support.mjs';

const fixtureFolder = path.join(root, 'Tests/PartnerGraphAlgorithmsTests/Fixtures/timeline');

let checks = 0;
const equal = (actual, expected, message) => { checks++; assert.deepStrictEqual(actual, expected, message); };
const ok = (value, message) => { checks++; assert.ok(value, message); };
const close = (actual, expected, message) => {
  checks++;
  assert.ok(Math.abs(actual - expected) <= 1e-9, message + ': ' + actual + ' vs NetworkX ' + expected);
};

// The report's arguments for a fixture's timeline arguments: the same step (a year when the
// fixture gives none, as timeline's default) and range; null for slicings the slider lacks.
function reportArguments(f) {
  const args = f.arguments;
  if (args.some((a) => ['--window', '--cumulative', '--dates'].includes(a))) return null;
  const out = args.includes('--every') ? [] : ['--every', 'year'];
  return out.concat(args, f.measure ? ['--size-by', f.measure] : []);
}


const fixtures = fs.readdirSync(fixtureFolder).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(fixtureFolder, f), 'utf8')))
  .filter((f) => reportArguments(f) !== null);

for (const f of fixtures) {
  test(f.name + ' (' + reportArguments(f).join(' ') + ')', () => {
    const data = pageData(path.join(root, f.graphFile), reportArguments(f));
    ok(data.time, 'the page has no time data');
    const slices = reportCore(data).timeSlices();
    const ids = data.nodes.map((n) => n.id);
    const keys = data.time.figures.map((x) => x.key);
    equal(slices.length, f.slices.length, 'the number of slices');
    equal(data.time.measure, f.measure || 'betweenness', 'the size measure');
    f.slices.forEach((want, k) => {
      const got = slices[k], page = data.time.slices[k], where = f.name + ' ' + want.label;
      equal([got.label, got.from, got.until], [want.label, want.from, want.until], where + ': name and days');
      equal([...got.ties].sort((a, b) => a - b), [...want.ties].sort((a, b) => a - b), where + ': ties');
      equal(new Set([...got.actors].map((i) => ids[i])), new Set(want.active), where + ': active actors');

      if (want.changes) {
        const c = page.changes;
        equal(c.tiesAppeared, want.changes.tiesAppeared, where + ': ties that appeared');
        equal(c.tiesEnded, want.changes.tiesEnded, where + ': ties that ended');
        equal(c.actorsJoined.map((i) => ids[i]), want.changes.actorsJoined, where + ': actors who joined');
        equal(c.actorsLeft.map((i) => ids[i]), want.changes.actorsLeft, where + ': actors who left');
        const n = want.changes.tiesAppeared.length + want.changes.tiesEnded.length + want.changes.actorsJoined.length + want.changes.actorsLeft.length;
        equal(page.events.length, n, where + ': a line for each change');
      } else {
        equal(k, 0, where + ': only the first slice has no changes');
      }

      for (const key of ['nodes', 'ties', 'density', 'components', 'largestComponent', 'averageClustering', 'diameter']) {
        const a = page.fig[keys.indexOf(key)], b = want.figures[key];
        if (b === null || b === undefined) equal(a, null, where + ' ' + key);
        else close(a, b, where + ' ' + key);
      }
      const m = page.fig[keys.indexOf('modularity')];
      if (want.figures.louvain) {
        const mean = want.figures.louvain.reduce((s, x) => s + x, 0) / want.figures.louvain.length;
        ok(m !== null && m >= mean - 0.03, where + ': modularity ' + m + ', Louvain averages ' + mean);
        if (typeof want.figures.optimum === 'number') ok(m <= want.figures.optimum + 1e-9, where + ': modularity ' + m + ' above the optimum ' + want.figures.optimum);
      } else {
        equal(m, null, where + ': a slice without ties has no modularity');
      }

      if (f.measure) {
        data.nodes.forEach((n) => {
          if (n.p < 0) return;
          const v = page.v[n.p];
          if (want.values[n.id] === undefined) equal(v, null, where + ' ' + n.id + ': not active, no value');
          else close(v, want.values[n.id], where + ' ' + n.id + ' ' + f.measure);
        });
      }
    });
  });
}

test('every fixture that slices by calendar period was checked', (t) => {
  equal(fixtures.map((f) => f.name), ['coleman-by-year', 'dated-random-by-year', 'dated-random-months-2004', 'nordic-by-year', 'nordic-quarters-2022'],
    'the fixtures of Tests/PartnerGraphAlgorithmsTests/Fixtures/timeline that slice by calendar period');
  t.diagnostic(checks + ' time-slice checks in ' + fixtures.length + ' cases of ' + new Set(fixtures.map((f) => f.graphFile)).size + ' networks');
});
