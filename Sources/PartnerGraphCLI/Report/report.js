(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('pg-data').textContent);
  const nodes = data.nodes, edges = data.edges, relations = data.relations, columns = data.columns;
  const view = data.view;
  const $ = (id) => document.getElementById(id);
  const svg = $('pg-svg');
  const diagram = $('diagram');

  // Lookups, path search and words: report-core.js, embedded before this script.
  const { atPosition, sourceById, nameOf, statement, clause, sentenceTail, pathSummary, pathHeader, pathText, lookup, findPath, timeSlices } =
    PartnerGraphReportCore.reportCore(data);
  const { swiftNumber, scaled, sizeRatio } = PartnerGraphReportCore;

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
    if (n.aka) dl.append(h('dt', null, 'also known as'), h('dd', null, n.aka.join(', ')));
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
      if (timeAt >= 0) {
        const at = slices[timeAt], v = time.slices[timeAt].v[n.p];
        card.append(h('p', { class: 'at-time' }, at.actors.has(i)
          ? 'At ' + at.label + ': ' + time.measure + ' ' + display(v) + ' (the slider\u2019s ' + time.step + ').'
          : 'Not active at ' + at.label + ' (the slider\u2019s ' + time.step + '): no tie then, and its own dates do not meet it.'));
      }
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
  // Time: the slider (with dates only). Position k < slices.length shows slice k: the ties
  // not valid then dashed and faint (class off-time), the actors not active faint (inactive),
  // each active actor scaled about its centre by the ratio of its size at that date to its
  // size in the diagram (sizeRatio: the diagram's sizing rule on the size measure scaled
  // among the slice's active actors), the slice's figures, its changes and its guide on the
  // chart. The last position shows the diagram as drawn and every slice's changes.

  const time = data.time;
  const slices = timeSlices();
  let timeAt = -1;  // the slice shown; -1: all dates
  const slider = $('time-slider');

  function timeText(k) {
    const s = slices[k];
    return s.label + ' (' + s.from + ' to ' + s.until + ')';
  }

  // The actors' sizes in the diagram (scaled over the view) and the centres they scale about.
  const wholeSizes = scaled(columns[data.sizeColumn].values);
  let centres = null;
  function centre(g) {
    if (!centres) centres = new Map();
    if (!centres.has(g)) {
      const b = g.getBBox();
      centres.set(g, [b.x + b.width / 2, b.y + b.height / 2]);
    }
    return centres.get(g);
  }

  function figureText(f, v) {
    if (v === null || v === undefined) return 'n/a';
    return f.counts ? String(v) : display(v);
  }

  function eventItems(lines) {
    return h('ul', { class: 'events' }, lines.map((line) => h('li', null, line)));
  }

  function showTime(k) {
    timeAt = k >= 0 && k < slices.length ? k : -1;
    const at = timeAt >= 0 ? slices[timeAt] : null;
    const shown = at ? time.slices[timeAt] : null;
    slider.setAttribute('aria-valuetext', at ? timeText(timeAt) : 'All dates');
    $('time-readout').textContent = at
      ? timeText(timeAt) + ': ' + at.actors.size + ' of ' + data.count + ' actors active, ' + at.ties.size + ' of the view\u2019s ' + time.ties + ' ties valid'
      : 'All dates: every tie of the view, dated or not, as the diagram draws it';

    // The diagram.
    const sizes = at ? scaled(shown.v) : null;
    for (const g of svg.querySelectorAll('g.edge[data-e]')) g.classList.toggle('off-time', !!at && !at.ties.has(Number(g.getAttribute('data-e'))));
    for (const g of svg.querySelectorAll('g.node[data-n]')) {
      const i = Number(g.getAttribute('data-n')), p = nodes[i].p;
      const active = !at || at.actors.has(i);
      g.classList.toggle('inactive', !active);
      if (!at || !active || p < 0) { g.removeAttribute('transform'); continue; }
      const f = sizeRatio(wholeSizes[p], sizes[p]);
      const [cx, cy] = centre(g);
      g.setAttribute('transform', 'translate(' + cx.toFixed(2) + ' ' + cy.toFixed(2) + ') scale(' + f.toFixed(4) + ') translate(' + (-cx).toFixed(2) + ' ' + (-cy).toFixed(2) + ')');
    }

    // The figures.
    $('time-figures-at').textContent = at ? 'At ' + at.label : 'All dates';
    const values = at ? shown.fig : time.whole;
    time.figures.forEach((f, j) => {
      const cell = document.querySelector('#time-figures td[data-figure="' + f.key + '"]');
      cell.textContent = figureText(f, values[j]);
      cell.setAttribute('data-v', values[j] === null ? '' : String(values[j]));
      cell.title = values[j] === null ? '' : swiftNumber(values[j]);
    });

    // The changes.
    const events = $('time-events');
    events.replaceChildren();
    if (at && timeAt === 0) {
      $('time-events-h').textContent = 'Changes';
      events.append(h('p', { class: 'muted' }, at.label + ' is the first ' + time.step + ': the changes are counted from it.'));
    } else if (at) {
      const lines = shown.events;
      $('time-events-h').textContent = 'Changes since ' + slices[timeAt - 1].label + ' (' + lines.length + ')';
      if (lines.length) events.append(eventItems(lines));
      else events.append(h('p', { class: 'muted' }, 'No tie appeared or ended, no actor joined or left.'));
    } else {
      $('time-events-h').textContent = 'Changes from step to step';
      const changed = time.slices.filter((s) => s.events && s.events.length);
      if (!changed.length) events.append(h('p', { class: 'muted' }, 'Nothing changes from one ' + time.step + ' to the next.'));
      for (const s of changed) events.append(h('h4', null, s.label + ' (' + s.events.length + ')'), eventItems(s.events));
      const quiet = time.slices.length - 1 - changed.length;
      if (changed.length && quiet > 0) events.append(h('p', { class: 'muted' }, quiet + ' other ' + time.step + (quiet === 1 ? '' : 's') + ' changed nothing.'));
    }

    // The chart's guide.
    for (const g of document.querySelectorAll('#pg-chart g.slice-guide')) g.classList.toggle('current', !!at && g.classList.contains('slice-' + timeAt));

    if (selected >= 0 && !$('card').hidden) renderCard(selected);
  }

  if (time && slider) {
    const move = () => showTime(Number(slider.value));
    slider.addEventListener('input', move);
    slider.addEventListener('change', move);
    showTime(-1);
  }

  // The slider's position of a slice named `label` ('all' for all dates); -1 when none is.
  function timePosition(label) {
    if (label === 'all') return slices.length;
    return slices.findIndex((s) => s.label === label);
  }

  // ---------------------------------------------------------------------------
  // Links into the page: #node=ID, #search=TEXT, #from=A&to=B, #time=SLICE.

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
    if (params.has('time') && time && slider) {
      const k = timePosition(params.get('time'));
      if (k >= 0) { slider.value = String(k); showTime(k); }
    }
  }

  // ---------------------------------------------------------------------------
  // The page's scripting interface, for tests and the curious; read-only (it changes nothing
  // on the page): lookup(text) gives {node}, {ambiguous: [nodes]} or {unknown: [suggested
  // nodes]}; findPath(from, to) gives {path} or {error} for two node indices (as lookup gives
  // them); pathText(path) is the answer as `partnergraph path` prints it. The browser tests'
  // hooks (Tests/PartnerGraphCLITests/Resources/report-test-hooks.js) reach the script's
  // internals through this alone.

  window.PartnerGraphReport = Object.freeze({ lookup, findPath, pathText });

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
