(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('pg-data').textContent);
  const nodes = data.nodes, edges = data.edges, relations = data.relations, columns = data.columns;
  const view = data.view;
  const $ = (id) => document.getElementById(id);
  const svg = $('pg-svg');
  const diagram = $('diagram');
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));

  // Nodes by view position, and the first node of every id (as Network.index(of:)).
  const atPosition = [];
  const firstOfId = new Map();
  nodes.forEach((n, i) => {
    if (n.p >= 0) atPosition[n.p] = i;
    if (!firstOfId.has(n.id)) firstOfId.set(n.id, i);
  });
  const unique = nodes.map((n, i) => i).filter((i) => firstOfId.get(nodes[i].id) === i);

  // Every edge at its two ends, in file order.
  const incident = nodes.map(() => []);
  edges.forEach((e, k) => {
    if (e.a < 0 || e.b < 0) return;
    incident[e.a].push(k);
    if (e.b !== e.a) incident[e.b].push(k);
  });

  // A small element builder: h('p', {class: 'x'}, 'text', child, ...).
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }

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

  // {node} | {ambiguous: [nodes]} | {unknown: [suggested nodes]}
  function lookup(query) {
    const q = query.trim();
    if (firstOfId.has(q)) return { node: firstOfId.get(q) };
    const decide = (found) => (found.length === 1 ? { node: found[0] } : found.length > 1 ? { ambiguous: found } : null);
    let r = decide(unique.filter((i) => nodes[i].name === q || nodes[i].orig === q));
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

  // {path} or {error}; from and to are node indices.
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

  // ---------------------------------------------------------------------------
  // Pan and zoom: the diagram's viewBox.

  const box = (svg.getAttribute('viewBox') || '0 0 100 100').trim().split(/[\s,]+/).map(Number);
  const home = { x: box[0], y: box[1], w: box[2], h: box[3] };
  const vb = Object.assign({}, home);
  function applyViewBox() { svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h); }
  function toDiagram(clientX, clientY) {
    const m = svg.getScreenCTM();
    if (!m) return { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }
  function zoomBy(factor, cx, cy) {
    if (cx === undefined) { cx = vb.x + vb.w / 2; cy = vb.y + vb.h / 2; }
    const w = Math.min(Math.max(vb.w / factor, home.w / 40), home.w * 3);
    const f = vb.w / w;
    vb.x = cx - (cx - vb.x) / f;
    vb.y = cy - (cy - vb.y) / f;
    vb.w = w;
    vb.h = vb.h / f;
    applyViewBox();
  }
  function panBy(dxScreen, dyScreen) {
    const m = svg.getScreenCTM();
    const scale = m ? m.a : 1;
    vb.x -= dxScreen / scale;
    vb.y -= dyScreen / scale;
    applyViewBox();
  }
  function fit() { Object.assign(vb, home); applyViewBox(); }

  // The part of the diagram the card does not cover, in screen coordinates.
  function openArea() {
    const d = diagram.getBoundingClientRect();
    const card = $('card');
    const area = { left: d.left, right: d.right, top: d.top, bottom: d.bottom };
    if (!card.hidden && getComputedStyle(card).position === 'absolute') area.right = Math.max(d.left + d.width / 3, card.getBoundingClientRect().left - 8);
    return area;
  }

  // Brings a node into sight (keeping the zoom) when it is outside the open part of the diagram.
  function reveal(i) {
    const g = $('pg-n-' + i);
    if (!g) return;
    const r = g.getBoundingClientRect(), a = openArea();
    if (r.width === 0) return;
    if (r.left >= a.left && r.right <= a.right && r.top >= a.top && r.bottom <= a.bottom) return;
    const c = toDiagram(r.left + r.width / 2, r.top + r.height / 2), mid = toDiagram((a.left + a.right) / 2, (a.top + a.bottom) / 2);
    vb.x += c.x - mid.x;
    vb.y += c.y - mid.y;
    applyViewBox();
  }

  $('zoom-in').addEventListener('click', () => zoomBy(1.4));
  $('zoom-out').addEventListener('click', () => zoomBy(1 / 1.4));
  $('zoom-fit').addEventListener('click', fit);
  diagram.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const p = toDiagram(ev.clientX, ev.clientY);
    const step = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaMode === 2 ? ev.deltaY * 400 : ev.deltaY;
    zoomBy(Math.exp(-step * 0.0015), p.x, p.y);
  }, { passive: false });

  let drag = null, dragged = false;
  diagram.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    drag = { id: ev.pointerId, x: ev.clientX, y: ev.clientY, moved: false };
    dragged = false;
  });
  diagram.addEventListener('pointermove', (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      try { diagram.setPointerCapture(ev.pointerId); } catch (e) { /* a synthetic pointer */ }
      diagram.classList.add('dragging');
    }
    panBy(dx, dy);
    drag.x = ev.clientX;
    drag.y = ev.clientY;
  });
  const endDrag = (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    dragged = drag.moved;
    drag = null;
    diagram.classList.remove('dragging');
  };
  diagram.addEventListener('pointerup', endDrag);
  diagram.addEventListener('pointercancel', endDrag);

  const typing = (el) => el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    const inDiagram = diagram.contains(ev.target);
    let done = true;
    if (ev.key === '+' || ev.key === '=') zoomBy(1.4);
    else if (ev.key === '-' || ev.key === '_' || ev.key === '\u2212') zoomBy(1 / 1.4);
    else if (ev.key === '0') fit();
    else if (ev.key === 'Escape' && !$('card').hidden) closeCard();
    else if (inDiagram && ev.key === 'ArrowLeft') panBy(80, 0);
    else if (inDiagram && ev.key === 'ArrowRight') panBy(-80, 0);
    else if (inDiagram && ev.key === 'ArrowUp') panBy(0, 80);
    else if (inDiagram && ev.key === 'ArrowDown') panBy(0, -80);
    else done = false;
    if (done) ev.preventDefault();
  });
  window.addEventListener('beforeprint', () => {
    fit();
    for (const d of document.querySelectorAll('#card details')) d.open = true;
  });

  // ---------------------------------------------------------------------------
  // Selection and the actor card.

  let selected = -1;

  svg.addEventListener('click', (ev) => {
    if (dragged) { dragged = false; return; }
    const g = ev.target.closest('g.node[data-n]');
    if (g) select(Number(g.getAttribute('data-n')), { reveal: true });
  });

  document.addEventListener('click', (ev) => {
    const b = ev.target.closest('.node-link[data-n]');
    if (!b || ev.button || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;  // a new tab opens the card there
    ev.preventDefault();
    select(Number(b.getAttribute('data-n')), { reveal: true, focusCard: true });
  });

  function select(i, options) {
    const opts = options || {};
    for (const el of svg.querySelectorAll('g.node.selected, g.edge.tie')) el.classList.remove('selected', 'tie');
    for (const el of document.querySelectorAll('#actors-table tr.current')) el.classList.remove('current');
    selected = i;
    const g = $('pg-n-' + i);
    if (g) g.classList.add('selected');
    for (const k of incident[i]) { const e = $('pg-e-' + k); if (e) e.classList.add('tie'); }
    const row = document.querySelector('#actors-table tr[data-n="' + i + '"]');
    if (row) row.classList.add('current');
    renderCard(i);
    if (opts.focusCard) {
      const frame = $('diagram-frame').getBoundingClientRect();
      if (frame.top < 0 || frame.top > window.innerHeight / 2) $('diagram-frame').scrollIntoView({ block: 'start' });
      $('card').focus({ preventScroll: true });
    }
    if (opts.reveal) reveal(i);
  }

  function closeCard() {
    const card = $('card');
    card.hidden = true;
    card.classList.add('empty');
    for (const el of svg.querySelectorAll('g.node.selected, g.edge.tie')) el.classList.remove('selected', 'tie');
    for (const el of document.querySelectorAll('#actors-table tr.current')) el.classList.remove('current');
    selected = -1;
    diagram.focus({ preventScroll: true });
  }

  function nodeLink(i) {
    return h('a', { class: 'node-link', href: '#node=' + encodeURIComponent(nodes[i].id), 'data-n': i }, nameOf(i));
  }

  function nodeButton(i) {
    if (i === selected) return h('strong', null, nameOf(i));
    return nodeLink(i);
  }

  function sourceRefs(ids) {
    return ids.map((id, k) => {
      const s = sourceById.get(id);
      const link = h('a', { href: '#source-' + id.replace(/[^A-Za-z0-9_-]/gu, (c) => '_' + c.codePointAt(0).toString(16)), title: s ? s.title : null }, id);
      return k ? [', ', link] : [link];
    });
  }

  function tieItem(i, k) {
    const e = edges[k], r = relations[e.r];
    const other = e.a === i ? e.b : e.a;
    const hop = { from: i, to: other, e: k };
    const st = statement(hop);
    const tail = sentenceTail(Object.assign({}, e, { src: [] }), null);
    const arrow = !r.d ? '\u2194' : e.a === i ? '\u2192' : '\u2190';
    const li = h('li', null,
      h('span', { class: 'dir', title: !r.d ? 'symmetric' : e.a === i ? 'outgoing' : 'incoming', 'aria-hidden': 'true' }, arrow),
      nodeButton(st.subject), ' ' + st.verb + ' ', nodeButton(st.object), tail);
    if (e.src && e.src.length) li.append(h('span', { class: 'src' }, ' ', e.src.length === 1 ? 'Source: ' : 'Sources: ', sourceRefs(e.src), '.'));
    if (e.attrs) for (const [key, value] of e.attrs) li.append(h('span', { class: 'extra' }, key + ': \u201c' + value + '\u201d'));
    return li;
  }

  function ordinalRank(rank, count) { return rank === null ? '\u2013' : rank + ' of ' + count; }

  function renderCard(i) {
    const n = nodes[i];
    const card = $('card');
    card.classList.remove('empty');
    card.hidden = false;
    card.replaceChildren();
    card.append(h('button', { type: 'button', class: 'card-close', title: 'Close (Esc)', 'aria-label': 'Close the card', onclick: closeCard }, '\u00d7'));
    card.append(h('h2', null, n.name));
    const meta = [n.kind, n.country].filter(Boolean).join(' \u00b7 ');
    card.append(h('p', { class: 'meta' }, meta, n.name !== n.id ? ' \u00b7 id ' + n.id : ''));
    if (n.p < 0) card.append(h('p', { class: 'warn' }, 'Not in this view (its kind is filtered out): no measures, and its ties are outside the view.'));
    const dl = h('dl');
    if (n.orig) dl.append(h('dt', null, 'original name'), h('dd', null, n.orig));
    for (const [key, value] of n.attrs || []) dl.append(h('dt', null, key), h('dd', null, value));
    const facts = dl.childElementCount / 2;
    if (facts > 4) card.append(h('details', { class: 'facts' }, h('summary', null, 'Details (' + facts + ')'), dl));
    else if (facts) card.append(dl);
    if (n.src && n.src.length) card.append(h('p', { class: 'src' }, n.src.length === 1 ? 'Source: ' : 'Sources: ', sourceRefs(n.src)));

    const inside = incident[i].filter((k) => edges[k].in), outside = incident[i].filter((k) => !edges[k].in);
    card.append(h('h3', null, 'Ties (' + inside.length + ')'));
    if (inside.length) card.append(h('ul', { class: 'ties' }, inside.map((k) => tieItem(i, k))));
    else card.append(h('p', { class: 'muted' }, 'No ties in this view.'));
    if (outside.length) {
      card.append(h('h3', null, 'Outside this view (' + outside.length + ')'));
      card.append(h('ul', { class: 'ties outside' }, outside.map((k) => tieItem(i, k))));
    }

    if (n.p >= 0) {
      const rows = columns.map((c) => h('tr', null,
        h('th', { scope: 'row', title: c.help }, c.title),
        h('td', { class: 'num', title: swiftNumber(c.values[n.p]) }, display(c.values[n.p])),
        h('td', { class: 'num' }, ordinalRank(c.ranks[n.p], data.count))));
      card.append(h('h3', null, 'Measures in this view'));
      card.append(h('table', { class: 'mini' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col', class: 'num' }, 'Value'), h('th', { scope: 'col', class: 'num' }, 'Rank'))),
        h('tbody', null, rows)));
      const community = data.communities.of[n.p];
      const mates = atPosition.filter((j, p) => data.communities.of[p] === community).length;
      card.append(h('p', null, 'Community ' + (community + 1) + ' of ' + data.communities.count + ' (' + mates + ' actor' + (mates === 1 ? '' : 's') + ') ',
        h('button', { type: 'button', class: 'inline', onclick: () => showCommunity(community) }, 'show in the diagram')));
      const suggested = (data.suggest && data.suggest[n.p]) || [];
      if (suggested.length) {
        card.append(h('h3', null, 'Suggested introductions'));
        card.append(h('ul', { class: 'suggestions' }, suggested.map(([q, score, sentence]) =>
          h('li', null, nodeButton(atPosition[q]), ' ', h('span', { class: 'muted' }, '(Adamic\u2013Adar ' + display(score) + ')'),
            h('br'), h('span', { class: 'why' }, sentence)))));
      }
      if (data.brokerage) {
        const b = data.brokerage;
        card.append(h('h3', null, 'Brokerage (' + b.groupBy + ': ' + b.groups[n.p] + ')'));
        card.append(h('table', { class: 'mini' }, h('tbody', null,
          b.roles.map((role) => h('tr', null, h('th', { scope: 'row' }, role.name), h('td', { class: 'num' }, role.values[n.p]))))));
      }
    }
    if (n.p >= 0) {
      card.append(h('div', { class: 'card-actions' },
        h('button', { type: 'button', onclick: () => { $('path-from').value = pathName(i); $('path-to').focus(); } }, 'Path from here'),
        h('button', { type: 'button', onclick: () => { $('path-to').value = pathName(i); $('path-from').focus(); } }, 'Path to here'),
        h('a', { href: '#node=' + encodeURIComponent(n.id) }, 'Link to this card')));
    }
  }

  // The text that finds node i again: its name, or its id when the name is shared.
  function pathName(i) {
    const r = lookup(nodes[i].name);
    return r.node === i ? nodes[i].name : nodes[i].id;
  }

  function display(v) {
    if (v === null || Number.isNaN(v)) return '\u2013';
    if (v === 0) return '0';
    const a = Math.abs(v);
    return v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.001 ? 3 : 5);
  }

  // ---------------------------------------------------------------------------
  // Search.

  function candidatesList(list, onPick) {
    return h('div', { class: 'choices' }, list.map((i) =>
      h('button', { type: 'button', class: 'inline', onclick: () => onPick(i) }, nameOf(i) + ' (' + nodes[i].id + ')')));
  }

  function runSearch() {
    const msg = $('search-msg');
    msg.replaceChildren();
    const q = $('search').value;
    if (!q.trim()) return;
    const r = lookup(q);
    if (r.node !== undefined) {
      select(r.node, { reveal: true });
    } else if (r.ambiguous) {
      msg.append(h('p', null, '\u201c' + q + '\u201d matches ' + r.ambiguous.length + ' actors:'), candidatesList(r.ambiguous, (i) => select(i, { reveal: true })));
    } else {
      msg.append(h('p', { class: 'warn' }, 'No actor has the id or name \u201c' + q + '\u201d.'));
      if (r.unknown.length) msg.append(h('p', null, 'Did you mean:'), candidatesList(r.unknown, (i) => select(i, { reveal: true })));
    }
  }

  $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); runSearch(); });

  // ---------------------------------------------------------------------------
  // How do we reach …?

  function clearPath() {
    svg.classList.remove('has-path');
    for (const el of svg.querySelectorAll('.on-path')) el.classList.remove('on-path');
    $('path-result').replaceChildren();
    $('reach').classList.remove('has-result');
  }

  function resolveFor(label, text) {
    const r = lookup(text);
    if (r.node !== undefined) return r;
    if (!text.trim()) return { message: [h('p', { class: 'warn' }, 'Name the actor to start ' + (label === 'From' ? 'from' : 'reach') + '.')] };
    if (r.ambiguous) return { message: [h('p', null, label + ': \u201c' + text + '\u201d matches ' + r.ambiguous.length + ' actors; pick one:'), candidatesList(r.ambiguous, (i) => { $(label === 'From' ? 'path-from' : 'path-to').value = nodes[i].id; runPath(); })] };
    const m = [h('p', { class: 'warn' }, label + ': no actor has the id or name \u201c' + text + '\u201d.')];
    if (r.unknown.length) m.push(h('p', null, 'Did you mean:'), candidatesList(r.unknown, (i) => { $(label === 'From' ? 'path-from' : 'path-to').value = pathName(i); runPath(); }));
    return { message: m };
  }

  function runPath() {
    clearPath();
    const out = $('path-result');
    const a = resolveFor('From', $('path-from').value), b = resolveFor('To', $('path-to').value);
    if (a.message || b.message) { out.append(...(a.message || []), ...(b.message || [])); return null; }
    const r = findPath(a.node, b.node);
    $('reach').classList.add('has-result');
    if (r.error) { out.append(h('p', { class: 'warn' }, r.error[0].toUpperCase() + r.error.slice(1) + '.')); return r; }
    const path = r.path, wa = view.weighted ? view.attribute : null;
    out.append(h('p', { class: 'muted' }, pathHeader(a.node, b.node)));
    const chain = h('p', { class: 'chain' });
    path.nodes.forEach((i, k) => { if (k) chain.append(' \u2192 '); chain.append(nodeLink(i)); });
    out.append(chain);
    if (path.hops.length) {
      out.append(h('ol', null, path.hops.map((hop) => {
        const e = edges[hop.e];
        const li = h('li', null, clause(hop) + sentenceTail(Object.assign({}, e, { src: [] }), wa));
        if (e.src && e.src.length) li.append(h('span', { class: 'src' }, ' ', e.src.length === 1 ? 'Source: ' : 'Sources: ', sourceRefs(e.src), '.'));
        return li;
      })));
    }
    out.append(h('p', { class: 'summary' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), pathSummary(path, wa), ' \u00b7 highlighted in the diagram'));
    const text = pathText(path);
    const copy = h('button', { type: 'button', onclick: () => {
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => { copy.textContent = 'Copied'; }, () => {});
    } }, 'Copy');
    out.append(h('details', null, h('summary', null, 'As text (as partnergraph path prints it)'), h('pre', { class: 'path-text' }, text), copy));
    svg.classList.add('has-path');
    for (const i of path.nodes) { const g = $('pg-n-' + i); if (g) g.classList.add('on-path'); }
    for (const hop of path.hops) { const g = $('pg-e-' + hop.e); if (g) g.classList.add('on-path'); }
    return r;
  }

  // A community lit up in the diagram as a path is: its members and the ties among them.
  function showCommunity(c) {
    clearPath();
    const inside = new Set(atPosition.filter((i, p) => data.communities.of[p] === c));
    svg.classList.add('has-path');
    for (const i of inside) { const g = $('pg-n-' + i); if (g) g.classList.add('on-path'); }
    edges.forEach((e, k) => {
      if (e.in && inside.has(e.a) && inside.has(e.b)) { const g = $('pg-e-' + k); if (g) g.classList.add('on-path'); }
    });
    $('path-result').append(h('p', null, 'Community ' + (c + 1) + ' (' + inside.size + ' actors) is highlighted in the diagram. ',
      h('button', { type: 'button', class: 'inline', onclick: clearPath }, 'Clear')));
    const frame = $('diagram-frame').getBoundingClientRect();
    if (frame.bottom < 0 || frame.top > window.innerHeight) $('diagram-frame').scrollIntoView({ block: 'start' });
  }
  document.addEventListener('click', (ev) => {
    const b = ev.target.closest('button.show-community');
    if (b) showCommunity(Number(b.getAttribute('data-community')));
  });

  $('path-form').addEventListener('submit', (ev) => { ev.preventDefault(); runPath(); });
  $('path-swap').addEventListener('click', () => {
    const f = $('path-from'), t = $('path-to');
    [f.value, t.value] = [t.value, f.value];
    if (f.value && t.value) runPath();
  });
  $('path-clear').addEventListener('click', () => { $('path-from').value = ''; $('path-to').value = ''; clearPath(); });

  // ---------------------------------------------------------------------------
  // The actors table: sort by any column, show the top rows or all.

  const table = $('actors-table');
  const top = Number(table.getAttribute('data-top'));
  function renumber() {
    [...table.tBodies[0].rows].forEach((row, k) => {
      row.classList.toggle('extra', k >= top);
      const rank = row.cells[0];
      rank.textContent = k + 1;
      rank.setAttribute('data-v', k + 1);
    });
  }
  function sortBy(col) {
    const th = table.tHead.rows[0].cells[col];
    const numeric = th.classList.contains('num');
    const current = th.getAttribute('aria-sort');
    const lowFirst = columns.some((c) => c.title === th.textContent && c.low);
    let dir;
    if (current) dir = current === 'descending' ? 1 : -1;
    else dir = numeric && !lowFirst && col !== 0 ? -1 : 1;
    for (const c of table.tHead.rows[0].cells) c.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    const rows = [...table.tBodies[0].rows];
    const key = (row) => row.cells[col].getAttribute('data-v');
    rows.sort((x, y) => {
      const a = key(x), b = key(y);
      let c;
      if (numeric) {
        const na = a === '' ? NaN : Number(a), nb = b === '' ? NaN : Number(b);
        if (Number.isNaN(na) || Number.isNaN(nb)) return Number.isNaN(na) - Number.isNaN(nb);
        c = na - nb;
      } else {
        c = a.localeCompare(b);
      }
      return dir * c || Number(x.getAttribute('data-n')) - Number(y.getAttribute('data-n'));
    });
    table.tBodies[0].append(...rows);
    if (col !== 0) renumber();
  }
  table.tHead.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-col]');
    if (b) sortBy(Number(b.getAttribute('data-col')));
  });
  const showAll = $('show-all');
  if (showAll) {
    showAll.addEventListener('click', () => {
      const collapsed = table.classList.toggle('collapsed');
      showAll.setAttribute('aria-expanded', String(!collapsed));
      showAll.textContent = collapsed ? 'Show all ' + data.count + ' actors' : 'Show the top ' + top;
    });
  }

  // ---------------------------------------------------------------------------
  // Links into the page: #node=ID, #search=TEXT, #from=A&to=B (and #test-paths=A>B|C>D,
  // which writes each path's text into #pg-test-out for tests).

  function applyHash() {
    const hash = location.hash.slice(1);
    if (!hash.includes('=')) return;
    const params = new URLSearchParams(hash);
    if (params.has('node')) {
      const r = lookup(params.get('node'));
      if (r.node !== undefined) select(r.node, { reveal: true });
    }
    if (params.has('search')) { $('search').value = params.get('search'); runSearch(); }
    if (params.has('from') && params.has('to')) { $('path-from').value = params.get('from'); $('path-to').value = params.get('to'); runPath(); }
    if (params.has('test-ui')) testUI();
    if (params.has('test-paths')) {
      const out = $('pg-test-out') || document.body.appendChild(h('div', { id: 'pg-test-out', hidden: true }));
      for (const pair of params.get('test-paths').split('|')) {
        const [x, y] = pair.split('>');
        const a = lookup(x), b = lookup(y);
        let text;
        if (a.node === undefined || b.node === undefined) text = 'unresolved';
        else { const r = findPath(a.node, b.node); text = r.error ? 'error: ' + r.error : pathText(r.path); }
        out.append(h('pre', { class: 'pg-test', 'data-pair': pair }, text));
      }
    }
  }
  // #test-ui: drives the page as a person would (click, keys, wheel, drag, sort, Escape) and
  // writes what happened into #pg-test-ui, for the browser test.
  function testUI() {
    const report = {};
    const viewBox = () => svg.getAttribute('viewBox');
    const g = svg.querySelector('g.node[data-n]');
    const shape = g.querySelector('polygon, ellipse, path') || g;
    shape.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    report.clicked = nodes[Number(g.getAttribute('data-n'))].id;
    report.card = $('card').hidden ? null : $('card').querySelector('h2').textContent;
    report.home = viewBox();
    diagram.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, cancelable: true }));
    report.plus = viewBox();
    diagram.dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true, cancelable: true }));
    diagram.dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true, cancelable: true }));
    report.minus = viewBox();
    $('zoom-fit').click();
    const r = diagram.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    diagram.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    report.wheel = viewBox();
    diagram.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 7, button: 0, clientX: x, clientY: y, bubbles: true }));
    diagram.dispatchEvent(new PointerEvent('pointermove', { pointerId: 7, clientX: x + 60, clientY: y + 30, bubbles: true }));
    diagram.dispatchEvent(new PointerEvent('pointerup', { pointerId: 7, clientX: x + 60, clientY: y + 30, bubbles: true }));
    report.drag = viewBox();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
    report.fit = viewBox();
    const byName = [...table.tHead.querySelectorAll('button')].find((b) => b.textContent === 'Name');
    const firstName = () => table.tBodies[0].rows[0].cells[1].textContent;
    byName.click();
    report.sortedByName = firstName();
    byName.click();
    report.sortedByNameReversed = firstName();
    report.rank1 = table.tBodies[0].rows[0].cells[0].textContent;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    report.cardClosed = $('card').hidden;
    const out = h('pre', { id: 'pg-test-ui', hidden: true }, JSON.stringify(report));
    document.body.append(out);
  }

  window.addEventListener('hashchange', applyHash);
  applyHash();

  // For tests and the curious: how long the page took, and the size the diagram was drawn at.
  const drawn = svg.getBBox();
  diagram.setAttribute('data-drawn', Math.round(drawn.width) + 'x' + Math.round(drawn.height));
  document.documentElement.setAttribute('data-ready-ms', performance.now().toFixed(1));
  window.addEventListener('load', () => {
    document.documentElement.setAttribute('data-load-ms', performance.now().toFixed(1));
    requestAnimationFrame(() => requestAnimationFrame(() => document.documentElement.setAttribute('data-painted-ms', performance.now().toFixed(1))));
  });
})();
