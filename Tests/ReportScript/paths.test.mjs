// The report page's path search and its explanations (Sources/PartnerGraphCLI/Report/
// report-core.js, the script the page runs) against NetworkX: the fixtures of
// scripts/make_path_fixtures.py in Tests/PartnerGraphAlgorithmsTests/Fixtures/paths/ (their
// format is in the README there), the same ones `partnergraph path` is tested on.
//
// How the check stays real: for every fixture network and case the test runs the built
// `partnergraph report` on the network with the case's view (--weight weight --weight-as
// distance|strength, --follow-direction) and takes the page's data from the report's
// pg-data element, so that report-core.js builds its path graph from exactly what a page
// carries. A generated network (no graphFile) is first written as a JSON network file the way
// the Swift fixture tests build it: every node an organisation, `funds` for a directed edge,
// `partners-with` for a symmetric one, the fixture's weight as the edge's weight. Every
// expected value comes from the fixture (NetworkX 3.6.1); none is computed by our code.
//
// For every case it checks that
// - the page's data is the fixture's network (node and edge counts, every node in the view,
//   the view weighted and following direction as the case says) and every fixture id is found
//   by the page's lookup;
// - from every sampled source, the path the page finds to each node has the fixture's length
//   (`lengths`; the hop count too when unweighted), starts and ends where asked and walks real
//   ties of the view (the right way round when following direction); a node the fixture's
//   source does not reach gives the page's "no path" error, with the reason (different
//   components, or against the direction of some tie) that the fixture's undirected
//   reachability implies;
// - for every pair of `allShortest`, the path the page picks is one of NetworkX's shortest
//   paths and the first of them in node order (the fixture sorts them so; checked too);
// - its explanation (`pathText`, the text of `partnergraph path`) has the expected shape: the
//   header naming both ends and the view, the chain of names, one numbered sentence per hop
//   stating the tie (a directed relation as the file states it, a symmetric one in walking
//   order) and its weight, the summary with the hop count, the length and the weakest tie,
//   and the sources cited.
//
// Run it after `swift build`: `node --test Tests/ReportScript/` (PARTNERGRAPH_BINARY names
// another partnergraph binary). `swift test` runs it too (ReportScriptTests). Plain Node 20,
// no npm packages.

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, reportCore, pageData } from './report-support.mjs';

const fixtureFolder = path.join(root, 'Tests/PartnerGraphAlgorithmsTests/Fixtures/paths');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-report-script-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const fixtures = fs.readdirSync(fixtureFolder).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(fixtureFolder, f), 'utf8')));

// Every assertion goes through here, so that each test can say how many it made.
let checks = 0;
const ok = (value, message) => { checks++; assert.ok(value, message); };
const equal = (actual, expected, message) => { checks++; assert.deepStrictEqual(actual, expected, message); };
const close = (actual, expected, message) => {
  checks++;
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(actual), Math.abs(expected)), message + ': ' + actual + ' vs ' + expected);
};

// ---------------------------------------------------------------------------------------------
// The page's data, from `partnergraph report`.

// The network file of a fixture: its Graphs/ file, or the generated network as a JSON file.
function networkFile(f) {
  if (f.graphFile) return path.join(root, f.graphFile);
  const network = {
    name: f.name,
    nodes: f.nodes.map((id) => ({ id, kind: 'organisation' })),
    edges: f.edges.map(([from, to, directed, weight]) => {
      const e = { from, to, relation: directed ? 'funds' : 'partners-with' };
      if (weight !== null && weight !== undefined) e.weight = weight;
      return e;
    }),
  };
  const file = path.join(scratch, f.name + '.json');
  fs.writeFileSync(file, JSON.stringify(network));
  return file;
}

// The view options of a case, as `partnergraph report` takes them.
function viewArguments(c) {
  const args = [];
  if (c.weight) args.push('--weight', c.weight, '--weight-as', c.weightAs);
  if (c.traversal === 'follow-direction') args.push('--follow-direction');
  return args;
}

// ---------------------------------------------------------------------------------------------
// What the fixture itself says.

// The nodes `s` reaches with ties walked both ways, from the fixture alone: an undirected
// case's lengths when it sampled `s`, else the generated edges; null when it cannot tell.
function undirectedReach(f, s) {
  const sampled = f.cases.find((c) => c.traversal === 'undirected' && c.lengths[s]);
  if (sampled) return new Set(Object.keys(sampled.lengths[s]));
  if (!f.edges) return null;
  const next = new Map(f.nodes.map((id) => [id, []]));
  for (const [a, b] of f.edges) { next.get(a).push(b); next.get(b).push(a); }
  const seen = new Set([s]), stack = [s];
  while (stack.length) for (const v of next.get(stack.pop())) if (!seen.has(v)) { seen.add(v); stack.push(v); }
  return seen;
}

// Whether node list `x` comes before `y` by node positions (as the fixture sorts paths).
function beforeInNodeOrder(x, y, position) {
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    if (position.get(x[k]) !== position.get(y[k])) return position.get(x[k]) < position.get(y[k]);
  }
  return x.length <= y.length;
}

// ---------------------------------------------------------------------------------------------
// The checks.

// A path of the page walks real ties of the view, from `from` to `to`, without repeating a node.
function checkWalk(data, path, from, to, label) {
  const follow = data.view.follow;
  equal(path.nodes[0], from, label + ': starts at the source');
  equal(path.nodes[path.nodes.length - 1], to, label + ': ends at the target');
  equal(new Set(path.nodes).size, path.nodes.length, label + ': repeats no node');
  equal(path.hops.length, path.nodes.length - 1, label + ': one hop between each two nodes');
  let total = 0;
  path.hops.forEach((hop, k) => {
    const e = data.edges[hop.e];
    ok(hop.from === path.nodes[k] && hop.to === path.nodes[k + 1], label + ': hop ' + (k + 1) + ' joins its nodes');
    ok(e.in === 1, label + ': hop ' + (k + 1) + ' uses a tie of the view');
    const forward = e.a === hop.from && e.b === hop.to, backward = e.a === hop.to && e.b === hop.from;
    ok(forward || (backward && !(follow && data.relations[e.r].d)), label + ': hop ' + (k + 1) + ' walks its tie ' + (follow ? 'the way it points' : 'either way'));
    total += hop.length;
  });
  equal(total, path.length, label + ': the hops add up to the length');
}

// The explanation of a path between fixture ids `from` and `to`, whose node ids are `ids`.
function checkExplanation(core, data, c, path, ids, expectedLength, label) {
  const name = (i) => data.nodes[i].name;
  const lines = core.pathText(path).split('\n');
  const hops = ids.length - 1;
  const notes = [c.traversal === 'follow-direction' ? 'following edge direction' : 'ties walked both ways'];
  if (c.weight) notes.push("'" + c.weight + "' read as " + c.weightAs);
  equal(lines[0], 'A shortest path from ' + name(path.nodes[0]) + ' to ' + name(path.nodes[hops]) + ' (' + notes.join(', ') + '):', label + ': header');
  equal(lines[1], '', label + ': blank line after the header');
  const byId = new Map(data.nodes.map((n, i) => [n.id, i]));
  equal(lines[2], ids.map((id) => name(byId.get(id))).join(' \u2192 '), label + ': the chain of names');
  const clauses = [];
  path.hops.forEach((hop, k) => {
    const e = data.edges[hop.e], r = data.relations[e.r];
    const [subject, object] = r.d ? [e.a, e.b] : [hop.from, hop.to];
    const clause = name(subject) + ' ' + r.verb + ' ' + name(object);
    clauses.push(clause);
    const line = lines[3 + k];
    ok(line.startsWith('  ' + (k + 1) + '. ' + clause), label + ': hop ' + (k + 1) + ' states its tie: ' + JSON.stringify(line) + ' should start with ' + JSON.stringify(clause));
    ok(line.endsWith('.'), label + ': hop ' + (k + 1) + ' is a sentence');
    if (e.wt !== undefined) {
      const m = / \(.*\bweight ([^;)]+)\)\./.exec(line);
      ok(m && Number(m[1]) === e.wt, label + ': hop ' + (k + 1) + ' gives the weight ' + e.wt + ': ' + JSON.stringify(line));
    }
  });
  const summary = /^ {2}(\d+) hops? \u00b7 length (\S+) \u00b7 weakest tie: (.*)$/.exec(lines[3 + hops]);
  ok(summary, label + ': summary line ' + JSON.stringify(lines[3 + hops]));
  equal(Number(summary[1]), hops, label + ': the summary counts the hops');
  ok(summary[0].includes(hops === 1 ? ' 1 hop \u00b7' : hops + ' hops \u00b7'), label + ': hop or hops');
  if (c.weight === null) {
    equal(summary[2], String(expectedLength), label + ': the length, a whole number');
    equal(summary[3], 'every tie counts 1 (unweighted)', label + ': the weakest tie, unweighted');
  } else {
    close(Number(summary[2]), expectedLength, label + ': the length');
    // The weakest tie: the smallest weight read as strength, the largest read as distance.
    const weights = path.hops.map((hop) => (hop.w === null ? 1 : hop.w));
    const weakest = c.weightAs === 'strength' ? Math.min(...weights) : Math.max(...weights);
    const m = /^weight (\S+), (.*)$/.exec(summary[3]);
    ok(m && Number(m[1]) === weakest, label + ': the weakest tie weighs ' + weakest + ': ' + summary[3]);
    equal(m[2], clauses[weights.indexOf(weakest)], label + ': the weakest tie is stated');
  }
  // The sources the hops cite, each once, in the order first cited.
  const cited = [];
  for (const hop of path.hops) for (const s of data.edges[hop.e].src || []) if (!cited.includes(s)) cited.push(s);
  const rest = lines.slice(4 + hops);
  if (cited.length) {
    equal(rest.slice(0, 2), ['', 'Sources:'], label + ': the sources follow');
    equal(rest.slice(2, 2 + cited.length).map((l) => l.split(':')[0]), cited.map((s) => '  ' + s), label + ': every source cited, once');
    equal(rest.slice(2 + cited.length), [''], label + ': ends with a line break');
  } else {
    equal(rest, [''], label + ': ends with a line break, no sources');
  }
}

function checkCase(f, c) {
  const label0 = f.name + ' ' + c.traversal + '/' + (c.weightAs || '-');
  const data = pageData(networkFile(f), viewArguments(c));
  const core = reportCore(data);

  // The page's data is the fixture's network, in the case's view.
  equal(data.nodes.length, f.nodeCount, label0 + ': nodes');
  equal(data.edges.length, f.edgeCount, label0 + ': edges');
  equal(data.count, f.nodeCount, label0 + ': every node in the view');
  equal(data.view.weighted, c.weight !== null, label0 + ': weighted');
  if (c.weight) equal(data.view.distance, c.weightAs === 'distance', label0 + ': weights read as ' + c.weightAs);
  equal(data.view.follow, c.traversal === 'follow-direction', label0 + ': follows direction');
  const index = new Map();
  data.nodes.forEach((n, i) => {
    equal(core.lookup(n.id), { node: i }, label0 + ': lookup finds ' + n.id);
    index.set(n.id, i);
  });
  const name = (i) => data.nodes[i].name;

  // Lengths from every sampled source; unreachable nodes give the page's error.
  for (const [s, expected] of Object.entries(c.lengths)) {
    const from = index.get(s);
    const reach = undirectedReach(f, s);
    for (const [t, to] of index) {
      const label = label0 + ' ' + s + ' \u2192 ' + t;
      const r = core.findPath(from, to);
      if (t in expected) {
        ok(r.path, label + ': NetworkX finds a path, the page says ' + r.error);
        close(r.path.length, expected[t], label + ': length');
        if (c.weight === null) equal(r.path.hops.length, expected[t], label + ': hops');
        checkWalk(data, r.path, from, to, label);
      } else {
        ok(r.error, label + ': NetworkX finds no path, the page finds one');
        const apart = name(from) + ' and ' + name(to) + ' lie in different components of the network: no chain of ties joins them';
        const against = 'every chain from ' + name(from) + ' to ' + name(to) + ' runs against the direction of some tie (chains ignoring direction exist); ' +
          'without --follow-direction ties are walked both ways';
        const reasons = c.traversal === 'undirected' || (reach && !reach.has(t)) ? [apart] : reach ? [against] : [apart, against];
        ok(reasons.some((why) => r.error === 'no path from ' + name(from) + ' to ' + name(to) + ': ' + why), label + ': the error ' + JSON.stringify(r.error));
      }
    }
  }

  // The path picked is NetworkX's first shortest path in node order, and explained.
  ok(c.allShortest.length > 0, label0 + ': pairs with all their shortest paths');
  const position = new Map(data.nodes.map((n, i) => [n.id, i]));
  for (const pair of c.allShortest) {
    const label = label0 + ' ' + pair.from + ' \u2192 ' + pair.to;
    ok(pair.paths.every((p) => beforeInNodeOrder(pair.paths[0], p, position)), label + ': the fixture lists the first path in node order first');
    const r = core.findPath(index.get(pair.from), index.get(pair.to));
    ok(r.path, label + ': a path, not ' + r.error);
    const ids = r.path.nodes.map((i) => data.nodes[i].id);
    ok(pair.paths.some((p) => p.length === ids.length && p.every((id, k) => id === ids[k])), label + ': ' + ids.join(' ') + ' is a shortest path of NetworkX');
    equal(ids, pair.paths[0], label + ': the first shortest path in node order');
    checkWalk(data, r.path, index.get(pair.from), index.get(pair.to), label);
    const sampled = c.lengths[pair.from];
    const length = c.weight === null ? pair.paths[0].length - 1 : sampled && pair.to in sampled ? sampled[pair.to] : r.path.length;
    checkExplanation(core, data, c, r.path, pair.paths[0], length, label);
  }
}

let total = 0;
for (const f of fixtures) {
  describe(f.name, () => {
    for (const c of f.cases) {
      test(c.traversal + ', ' + (c.weight ? "'" + c.weight + "' as " + c.weightAs : 'unweighted'), (t) => {
        const before = checks;
        checkCase(f, c);
        t.diagnostic((checks - before) + ' checks');
        total += checks - before;
      });
    }
  });
}

test('every fixture was checked', (t) => {
  equal(fixtures.length, 8, 'the fixtures of Tests/PartnerGraphAlgorithmsTests/Fixtures/paths');
  t.diagnostic(total + ' checks in ' + fixtures.reduce((n, f) => n + f.cases.length, 0) + ' cases of ' + fixtures.length + ' networks');
});
