// The report's logic that needs no page: numbers and dates in the words of the command line,
// finding a node by name, and cooperation paths (the path graph of the view, Dijkstra with
// predecessor lists, the first shortest path in node order, and the explanation as
// `partnergraph path` prints it), the ties and actors of each time slice, and node sizes. The
// page embeds it before report.js, which reads it from the global PartnerGraphReportCore; in
// Node it is a CommonJS module (Tests/ReportScript/ checks its paths and time slices against
// NetworkX's with `node --test`). No DOM, no network, no framework.
//
// It sits in the page's CDATA script element, so it never spells out the end tag of a script
// or the end of a CDATA section (a test checks).
(function (root) {
  'use strict';

  // ---------------------------------------------------------------------------
  // Words, as the command line writes them (PathExplanation.swift).

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  // A Double as Swift's description writes it: "2.0", "0.25", "1e-05", "1.5e+16".
  function swiftNumber(d) {
    if (d === null || Number.isNaN(d)) return 'nan';
    if (!Number.isFinite(d)) return d > 0 ? 'inf' : '-inf';
    if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
    const [mantissa, e] = d.toExponential().split('e');
    const exp = parseInt(e, 10);
    const sign = d < 0 ? '-' : '';
    const digits = mantissa.replace('-', '').replace('.', '');
    if (exp < -4 || exp >= 16) {
      const m = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '');
      return sign + m + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
    }
    if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const fraction = digits.slice(exp + 1);
    return sign + whole + '.' + (fraction || '0');
  }

  // Whole numbers without a decimal point, others as Swift writes them.
  function plainNumber(d) {
    if (d === Math.round(d) && Math.abs(d) < 1e15) return String(Math.round(d) || 0);
    return swiftNumber(d);
  }

  // "2018", "October 2022", "27 October 2022".
  function words(date) {
    const [y, m, d] = date.split('-');
    if (!m) return String(Number(y));
    const month = MONTHS[Number(m) - 1] + ' ' + Number(y);
    return d ? Number(d) + ' ' + month : month;
  }

  function datePhrase(since, until) {
    if (since && until) return since === until ? 'in ' + words(since) : 'from ' + words(since) + ' to ' + words(until);
    if (since) return 'since ' + words(since);
    if (until) return 'until ' + words(until);
    return null;
  }

  // ---------------------------------------------------------------------------
  // Finding a node by name (Network.lookupNode, foldedForMatching).

  const FOLDING = new Map();
  [['àáâãäåāăą', 'a'], ['æ', 'ae'], ['çćĉċč', 'c'], ['ďđð', 'd'], ['èéêëēĕėęě', 'e'],
   ['ĝğġģ', 'g'], ['ĥħ', 'h'], ['ìíîïĩīĭįı', 'i'], ['ĳ', 'ij'], ['ĵ', 'j'], ['ķĸ', 'k'],
   ['ĺļľŀł', 'l'], ['ñńņňŉŋ', 'n'], ['òóôõöøōŏő', 'o'], ['œ', 'oe'], ['ŕŗř', 'r'],
   ['śŝşšſ', 's'], ['ß', 'ss'], ['ţťŧ', 't'], ['þ', 'th'], ['ùúûüũūŭůűų', 'u'], ['ŵ', 'w'],
   ['ýÿŷ', 'y'], ['źżž', 'z']].forEach(([letters, plain]) => { for (const c of letters) FOLDING.set(c, plain); });
  const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

  function fold(text) {
    let out = '', lastWasSpace = true;
    for (const c of text.toLowerCase()) {
      if (COMBINING.test(c)) continue;
      if (/\s/.test(c)) {
        if (!lastWasSpace) out += ' ';
        lastWasSpace = true;
        continue;
      }
      lastWasSpace = false;
      out += FOLDING.get(c) || c;
    }
    return out.endsWith(' ') ? out.slice(0, -1) : out;
  }

  function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  // ---------------------------------------------------------------------------
  // What depends on the page's data (ReportHTML.data()); the fields read here:
  //   nodes[i]      id, name, orig (original name), k (kind id), p (view position, -1 outside
  //                 the view), f (folded id, label and original name), c (component, direction
  //                 ignored)
  //   edges[k]      a, b (node indices, -1 for an unknown end), r (relation index), in (1 when
  //                 the view keeps it), vw (the weight the view read), wt, wa (weight and the
  //                 --weight attribute), role, since, until, src (source ids)
  //   relations[r]  verb, d (directed)
  //   sources       id, title, publisher, date, url
  //   count         the number of nodes in the view
  //   view          weighted, attribute, distance (weights read as distances), follow (paths
  //                 follow edge direction), active (the view options as typed)
  //   time          null, or slices[k] with label, from, until, and edges and actors (the
  //                 first slice) or changes {tiesAppeared, tiesEnded, actorsJoined,
  //                 actorsLeft} (every later one)

  function reportCore(data) {
    const nodes = data.nodes, edges = data.edges, relations = data.relations, view = data.view;
    const sourceById = new Map(data.sources.map((s) => [s.id, s]));

    // Nodes by view position, and the first node of every id (as Network.index(of:)).
    const atPosition = [];
    const firstOfId = new Map();
    nodes.forEach((n, i) => {
      if (n.p >= 0) atPosition[n.p] = i;
      if (!firstOfId.has(n.id)) firstOfId.set(n.id, i);
    });
    const unique = nodes.map((n, i) => i).filter((i) => firstOfId.get(nodes[i].id) === i);

    const nameOf = (i) => nodes[i].name;

    // Subject, verb and object of a hop: a directed relation as the file states it, a
    // symmetric one in walking order.
    function statement(hop) {
      const e = edges[hop.e], r = relations[e.r];
      return { subject: r.d ? e.a : hop.from, verb: r.verb, object: r.d ? e.b : hop.to };
    }

    function clause(hop) {
      const s = statement(hop);
      return nameOf(s.subject) + ' ' + s.verb + ' ' + nameOf(s.object);
    }

    // What follows the clause: " (role; dates; weight)." and the sources.
    function sentenceTail(e, weightAttribute) {
      const details = [];
      if (e.role !== undefined) details.push(e.role);
      const dates = datePhrase(e.since, e.until);
      if (dates) details.push(dates);
      const attribute = weightAttribute || 'weight';
      if (attribute === 'weight') {
        if (e.wt !== undefined) details.push('weight ' + swiftNumber(e.wt));
      } else if (e.wa !== undefined) {
        details.push(attribute + ' ' + swiftNumber(e.wa));
      }
      let s = details.length ? ' (' + details.join('; ') + ').' : '.';
      const src = e.src || [];
      if (src.length) s += (src.length === 1 ? ' Source: ' : ' Sources: ') + src.join(', ') + '.';
      return s;
    }

    function sentence(hop, weightAttribute) {
      return clause(hop) + sentenceTail(edges[hop.e], weightAttribute);
    }

    function pathSummary(path, weightAttribute) {
      const hops = path.hops.length;
      let s = hops + ' hop' + (hops === 1 ? '' : 's') + ' \u00b7 length ' + plainNumber(path.length);
      if (hops > 0) {
        const weakest = path.hops.find((hop) => hop.strength === path.bottleneck);
        if (weightAttribute) {
          s += ' \u00b7 weakest tie: ' + weightAttribute + ' ' + swiftNumber(weakest.w === null ? 1 : weakest.w) + ', ' + clause(weakest);
        } else {
          s += ' \u00b7 weakest tie: every tie counts 1 (unweighted)';
        }
      }
      return s;
    }

    function pathHeader(from, to) {
      const notes = [view.follow ? 'following edge direction' : 'ties walked both ways'];
      if (view.weighted && view.attribute) notes.push("'" + view.attribute + "' read as " + (view.distance ? 'distance' : 'strength'));
      return 'A shortest path from ' + nameOf(from) + ' to ' + nameOf(to) + ' (' + notes.join(', ') + '):';
    }

    function citedSources(path) {
      const cited = [];
      for (const hop of path.hops) for (const s of edges[hop.e].src || []) if (!cited.includes(s)) cited.push(s);
      return cited;
    }

    function sourceLine(id) {
      const s = sourceById.get(id);
      if (!s) return id;
      let line = id + ': ' + s.title;
      const extra = [s.publisher, s.date, s.url].filter((x) => x !== undefined);
      if (extra.length) line += ' (' + extra.join(', ') + ')';
      return line;
    }

    // The whole answer as `partnergraph path FILE FROM TO` prints it.
    function pathText(path) {
      const wa = view.weighted ? view.attribute : null;
      let out = pathHeader(path.nodes[0], path.nodes[path.nodes.length - 1]) + '\n\n';
      out += path.nodes.map(nameOf).join(' \u2192 ') + '\n';
      path.hops.forEach((hop, i) => { out += '  ' + (i + 1) + '. ' + sentence(hop, wa) + '\n'; });
      out += '  ' + pathSummary(path, wa) + '\n';
      const cited = citedSources(path);
      if (cited.length) out += '\nSources:\n' + cited.map((id) => '  ' + sourceLine(id) + '\n').join('');
      return out;
    }

    // The node a text names, as Network.lookupNode finds it: an id, then an exact name (label,
    // original name or alias), then folded names whole, then (3 letters or more) within. {node} | {ambiguous: [nodes]} |
    // {unknown: [suggested nodes]}, all node indices.
    function lookup(query) {
      const q = query.trim();
      if (firstOfId.has(q)) return { node: firstOfId.get(q) };
      const decide = (found) => (found.length === 1 ? { node: found[0] } : found.length > 1 ? { ambiguous: found } : null);
      let r = decide(unique.filter((i) => nodes[i].name === q || nodes[i].orig === q || (nodes[i].aka || []).includes(q)));
      if (r) return r;
      const fq = fold(q);
      if (!fq) return { unknown: [] };
      r = decide(unique.filter((i) => nodes[i].f.includes(fq)));
      if (r) return r;
      if ([...fq].length >= 3) {
        r = decide(unique.filter((i) => nodes[i].f.some((f) => f.includes(fq))));
        if (r) return r;
      }
      const a = [...fq];
      const scored = [];
      unique.forEach((i, order) => {
        let best = Infinity;
        for (const name of nodes[i].f) {
          const b = [...name];
          const d = editDistance(a, b), longest = Math.max(a.length, b.length);
          if (d <= Math.max(2, Math.floor(longest / 3)) && d < longest) best = Math.min(best, d);
        }
        if (best < Infinity) scored.push([best, order, i]);
      });
      scored.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      return { unknown: scored.slice(0, 3).map((x) => x[2]) };
    }

    // ---------------------------------------------------------------------------
    // Cooperation paths (PathGraph.swift, PathSearch.swift).

    let graph = null;

    // One arc per ordered pair of view positions a hop can join: the shortest of the parallel
    // edges (ties to the first in the file); rows sorted by target position.
    function pathGraph() {
      if (graph) return graph;
      const n = data.count;
      const candidates = [];
      edges.forEach((e, k) => {
        if (!e.in || e.a < 0 || e.b < 0) return;
        const u = nodes[e.a].p, v = nodes[e.b].p;
        if (u < 0 || v < 0 || u === v) return;
        const w = e.vw === undefined ? null : e.vw;
        candidates.push([u, v, k, true, w]);
        if (!view.follow || !relations[e.r].d) candidates.push([v, u, k, false, w]);
      });
      candidates.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (x[3] === y[3] ? 0 : x[3] ? -1 : 1));
      const g = { n, start: new Int32Array(n + 1), source: [], target: [], edge: [], weight: [], length: [], strength: [] };
      for (let i = 0; i < candidates.length;) {
        let j = i, best = null, bestLength = Infinity;
        while (j < candidates.length && candidates[j][0] === candidates[i][0] && candidates[j][1] === candidates[i][1]) {
          const w = candidates[j][4];
          const length = w === null ? 1 : view.distance ? w : 1 / w;
          if (best === null || length < bestLength) { best = candidates[j]; bestLength = length; }
          j++;
        }
        const w = best[4];
        g.source.push(best[0]); g.target.push(best[1]); g.edge.push(best[2]); g.weight.push(w);
        g.length.push(bestLength); g.strength.push(w === null ? 1 : view.distance ? 1 / w : w);
        g.start[best[0] + 1]++;
        i = j;
      }
      for (let r = 0; r < n; r++) g.start[r + 1] += g.start[r];
      graph = g;
      return g;
    }

    // Dijkstra from s with every predecessor arc on a shortest path; stops once t is settled.
    function shortestPathTree(g, s, t) {
      const dist = new Float64Array(g.n).fill(Infinity), seen = new Float64Array(g.n).fill(Infinity);
      const settled = new Uint8Array(g.n), pred = Array.from({ length: g.n }, () => []);
      const heap = [];  // [key, sequence, node], a binary min-heap
      let counter = 0;
      const less = (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
      const push = (key, v) => {
        heap.push([key, counter++, v]);
        let i = heap.length - 1;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (less(heap[i], heap[p])) { [heap[i], heap[p]] = [heap[p], heap[i]]; i = p; } else break;
        }
      };
      const pop = () => {
        const top = heap[0], last = heap.pop();
        if (heap.length) {
          heap[0] = last;
          let i = 0;
          for (;;) {
            const l = 2 * i + 1, r = l + 1;
            let m = i;
            if (l < heap.length && less(heap[l], heap[m])) m = l;
            if (r < heap.length && less(heap[r], heap[m])) m = r;
            if (m === i) break;
            [heap[i], heap[m]] = [heap[m], heap[i]];
            i = m;
          }
        }
        return top;
      };
      seen[s] = 0;
      push(0, s);
      while (heap.length) {
        const [d, , v] = pop();
        if (settled[v]) continue;
        settled[v] = 1;
        dist[v] = d;
        if (v === t) break;
        for (let k = g.start[v]; k < g.start[v + 1]; k++) {
          const u = g.target[k];
          const alt = d + g.length[k];
          if (settled[u]) {
            if (alt === dist[u]) pred[u].push(k);
          } else if (alt < seen[u]) {
            seen[u] = alt;
            pred[u] = [k];
            push(alt, u);
          } else if (alt === seen[u]) {
            pred[u].push(k);
          }
        }
      }
      return { dist, pred };
    }

    // The shortest path whose node sequence (by view position) comes first, as arcs.
    function firstShortestPath(g, tree, s, t) {
      if (!(tree.dist[t] < Infinity)) return null;
      const mark = new Uint8Array(g.n);
      mark[t] = 1;
      const stack = [t];
      while (stack.length) {
        const v = stack.pop();
        for (const k of tree.pred[v]) {
          const u = g.source[k];
          if (!mark[u]) { mark[u] = 1; stack.push(u); }
        }
      }
      const best = new Int32Array(g.n).fill(-1);
      for (let v = 0; v < g.n; v++) {
        if (!mark[v] || v === s) continue;
        for (const k of tree.pred[v]) {
          const u = g.source[k];
          if (mark[u] && (best[u] < 0 || g.target[best[u]] > v)) best[u] = k;
        }
      }
      const arcs = [];
      for (let v = s; v !== t;) { const k = best[v]; arcs.push(k); v = g.target[k]; }
      return arcs;
    }

    // Why two nodes of the view have no path (PathFinder.diagnose, without constraints).
    function noPathReason(from, to) {
      const a = nameOf(from), b = nameOf(to);
      if (nodes[from].c !== nodes[to].c) return a + ' and ' + b + ' lie in different components of the network: no chain of ties joins them';
      const g = pathGraph();
      const reached = new Uint8Array(g.n), adjacency = Array.from({ length: g.n }, () => []);
      for (let k = 0; k < g.source.length; k++) { adjacency[g.source[k]].push(g.target[k]); adjacency[g.target[k]].push(g.source[k]); }
      const s = nodes[from].p, stack = [s];
      reached[s] = 1;
      while (stack.length) for (const u of adjacency[stack.pop()]) if (!reached[u]) { reached[u] = 1; stack.push(u); }
      if (!reached[nodes[to].p]) {
        return 'the network joins ' + a + ' and ' + b + ', but not through the relations, kinds and dates the view keeps' +
          (view.active ? ' (view: ' + view.active + ')' : '');
      }
      return 'every chain from ' + a + ' to ' + b + ' runs against the direction of some tie (chains ignoring direction exist); ' +
        'without --follow-direction ties are walked both ways';
    }

    // {path} or {error}; from and to are node indices. A path is {nodes (indices, from first),
    // hops [{from, to, e (edge index), w (weight read, or null), length, strength}], length,
    // bottleneck (the weakest hop's strength)}; the error is a sentence in lower case.
    function findPath(from, to) {
      for (const i of [from, to]) {
        if (nodes[i].p < 0) {
          return { error: 'no path from ' + nameOf(from) + ' to ' + nameOf(to) + ': ' + nameOf(i) + ' is not in the view: its kind (' +
            nodes[i].k + ') is filtered out' + (view.active ? ' (view: ' + view.active + ')' : '') };
        }
      }
      const g = pathGraph(), s = nodes[from].p, t = nodes[to].p;
      let arcs = [];
      if (s !== t) {
        arcs = firstShortestPath(g, shortestPathTree(g, s, t), s, t);
        if (!arcs) return { error: 'no path from ' + nameOf(from) + ' to ' + nameOf(to) + ': ' + noPathReason(from, to) };
      }
      const path = { nodes: [from], hops: [], length: 0, bottleneck: null };
      for (const k of arcs) {
        const hop = { from: atPosition[g.source[k]], to: atPosition[g.target[k]], e: g.edge[k], w: g.weight[k], length: g.length[k], strength: g.strength[k] };
        path.hops.push(hop);
        path.nodes.push(hop.to);
        path.length += hop.length;
        path.bottleneck = path.bottleneck === null ? hop.strength : Math.min(path.bottleneck, hop.strength);
      }
      return { path };
    }

    // -------------------------------------------------------------------------
    // Time slices (data.time, from ReportHTML.timeData; null without dates): what each slice
    // holds. The first slice lists its ties and active actors; every later one is the slice
    // before with its changes applied, which are exact set differences (SliceChanges), so
    // that the page's slices are the ones `partnergraph timeline` cuts.

    // Per slice: label, from, until, ties (a Set of edge indices) and actors (a Set of node
    // indices); an empty list without time data.
    function timeSlices() {
      if (!data.time) return [];
      const out = [];
      let ties = new Set(), actors = new Set();
      for (const s of data.time.slices) {
        if (!s.changes) {
          ties = new Set(s.edges);
          actors = new Set(s.actors);
        } else {
          ties = new Set(ties);
          actors = new Set(actors);
          for (const k of s.changes.tiesEnded) ties.delete(k);
          for (const k of s.changes.tiesAppeared) ties.add(k);
          for (const i of s.changes.actorsLeft) actors.delete(i);
          for (const i of s.changes.actorsJoined) actors.add(i);
        }
        out.push({ label: s.label, from: s.from, until: s.until, ties, actors });
      }
      return out;
    }

    // What report.js and the tests use.
    return Object.freeze({
      atPosition, sourceById, nameOf, statement, clause, sentenceTail, sentence, pathSummary, pathHeader, pathText,
      lookup, findPath, timeSlices,
    });
  }

  // ---------------------------------------------------------------------------
  // Node sizes (DOTEncoder and NodeStyling.scaled).

  // Values scaled to 0…1 from their least to their greatest; null (not a number, or an actor
  // not active), and every value when all are equal, give 0.
  function scaled(values) {
    const finite = values.filter((v) => v !== null && Number.isFinite(v));
    const lo = finite.length ? Math.min(...finite) : 0, hi = finite.length ? Math.max(...finite) : 0;
    return values.map((v) => (hi > lo && v !== null && Number.isFinite(v) ? (v - lo) / (hi - lo) : 0));
  }

  // How much larger an actor drawn at scaled size `before` is at scaled size `after`: the
  // ratio of the font sizes the diagram gives them (10 + 6√s points), which sets the size of
  // a node drawn around its label.
  function sizeRatio(before, after) {
    return (10 + 6 * Math.sqrt(after)) / (10 + 6 * Math.sqrt(before));
  }

  // The page's script reads this as the global PartnerGraphReportCore; Node as module.exports.
  const api = Object.freeze({ reportCore, swiftNumber, plainNumber, words, datePhrase, fold, editDistance, scaled, sizeRatio });
  if (typeof module === 'object' && module !== null && module.exports) module.exports = api;
  else root.PartnerGraphReportCore = api;
})(typeof globalThis === 'object' ? globalThis : this);
