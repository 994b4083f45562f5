// Test hooks for the HTML report. Never shipped: ReportBrowserTests inject this file into a
// copy of a generated page, as a last script before the end of its body, so it runs after the
// page's own script. It reaches the script's internals only through window.PartnerGraphReport
// (the page's read-only scripting interface, in report.js) and otherwise uses the DOM, as a
// person would. What it does depends on the page's fragment:
//
//   #test-paths=A>B|C>D  each pair's answer in a pre element of class pg-test (the pair in its
//                        data-pair) inside a hidden #pg-test-out: the text of `partnergraph
//                        path FILE A B`, "error: " and the page's message when there is no
//                        path, or "unresolved" when a name finds no single node;
//   #test-ui             drives the page (a click on a node, keys, the wheel, a drag, sorting
//                        the table by name twice, Escape) and writes what happened as JSON
//                        into a hidden pre element, #pg-test-ui;
//   #test-time           opens the card of the node named by its value (an id; empty: none),
//                        moves the time slider from its first position to its last as a drag
//                        does (input events, then change), and writes what each position
//                        shows as JSON into a hidden pre element, #pg-test-time: the slider's
//                        value text and readout; the edges (data-e) drawn at full opacity and
//                        the ones drawn faint; the nodes (data-n) at full opacity, the faint
//                        ones, and each node's scale; the figures' cells (data-v by figure);
//                        the changes listed; the chart guides shown; the card's line on the
//                        date.
//
// The tests read the serialised DOM with string searches, so this file never spells out the
// markup they look for (the element it writes, with its attributes).
(function () {
  'use strict';

  const page = window.PartnerGraphReport;
  const data = JSON.parse(document.getElementById('pg-data').textContent);
  const $ = (id) => document.getElementById(id);

  // A hidden element with some text, appended to `parent`.
  function hiddenPre(parent, attributes, text) {
    const el = document.createElement('pre');
    for (const [k, v] of attributes) el.setAttribute(k, v);
    el.hidden = true;
    el.textContent = text;
    parent.append(el);
    return el;
  }

  function testPaths(spec) {
    let out = $('pg-test-out');
    if (!out) {
      out = document.createElement('div');
      out.id = 'pg-test-out';
      out.hidden = true;
      document.body.append(out);
    }
    for (const pair of spec.split('|')) {
      const [x, y] = pair.split('>');
      const a = page.lookup(x), b = page.lookup(y);
      let text;
      if (a.node === undefined || b.node === undefined) text = 'unresolved';
      else { const r = page.findPath(a.node, b.node); text = r.error ? 'error: ' + r.error : page.pathText(r.path); }
      hiddenPre(out, [['class', 'pg-test'], ['data-pair', pair]], text);
    }
  }

  function testUI() {
    const svg = $('pg-svg'), diagram = $('diagram'), table = $('actors-table');
    const report = {};
    const viewBox = () => svg.getAttribute('viewBox');
    const g = svg.querySelector('g.node[data-n]');
    const shape = g.querySelector('polygon, ellipse, path') || g;
    shape.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    report.clicked = data.nodes[Number(g.getAttribute('data-n'))].id;
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
    hiddenPre(document.body, [['id', 'pg-test-ui']], JSON.stringify(report));
  }

  function testTime(id) {
    const svg = $('pg-svg'), slider = $('time-slider');
    const shown = (el) => getComputedStyle(el).opacity === '1';
    const scale = (g) => {
      const m = /scale\(([-0-9.e]+)\)/.exec(g.getAttribute('transform') || '');
      return m ? Number(m[1]) : 1;
    };
    if (id) {
      const i = data.nodes.findIndex((n) => n.id === id);
      const g = svg.querySelector('g.node[data-n="' + i + '"]');
      g.querySelector('polygon, ellipse, path').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }
    const positions = [];
    const last = Number(slider.max);
    for (let k = Number(slider.min); k <= last; k++) {
      slider.value = String(k);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      if (k === last) slider.dispatchEvent(new Event('change', { bubbles: true }));
      const edges = [...svg.querySelectorAll('g.edge[data-e]')], nodes = [...svg.querySelectorAll('g.node[data-n]')];
      const figures = {};
      for (const td of document.querySelectorAll('#time-figures td[data-figure]')) figures[td.getAttribute('data-figure')] = td.getAttribute('data-v');
      const card = $('card').querySelector('p.at-time');
      positions.push({
        value: slider.getAttribute('aria-valuetext'),
        readout: $('time-readout').textContent,
        validEdges: edges.filter(shown).map((g) => Number(g.getAttribute('data-e'))),
        faintEdges: edges.filter((g) => !shown(g)).map((g) => Number(g.getAttribute('data-e'))),
        activeNodes: nodes.filter(shown).map((g) => Number(g.getAttribute('data-n'))),
        faintNodes: nodes.filter((g) => !shown(g)).map((g) => Number(g.getAttribute('data-n'))),
        scales: Object.fromEntries(nodes.map((g) => [g.getAttribute('data-n'), scale(g)])),
        figures,
        figuresAt: $('time-figures-at').textContent,
        eventsHeading: $('time-events-h').textContent,
        events: [...document.querySelectorAll('#time-events li')].map((li) => li.textContent),
        guides: [...document.querySelectorAll('#pg-chart g.slice-guide')].filter((g) => getComputedStyle(g).display !== 'none')
          .map((g) => [...g.classList].find((c) => /^slice-[0-9]+$/.test(c))),
        card: card ? card.textContent : null,
      });
    }
    hiddenPre(document.body, [['id', 'pg-test-time']], JSON.stringify(positions));
  }

  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has('test-ui')) testUI();
  if (params.has('test-paths')) testPaths(params.get('test-paths'));
  if (params.has('test-time')) testTime(params.get('test-time'));
})();
