/// The report's style sheet. It must not contain `<`, `&` or `]]>` (it sits in a CDATA
/// section of a page that is also well-formed XML); a test checks.
extension ReportAssets {
    static let css = #"""
:root {
  color-scheme: light;
  --ink: #1b1f24;
  --muted: #4f5862;
  --line: #c9d1d9;
  --soft: #f4f6f8;
  --accent: #0a58a8;
  --accent-soft: #e3eefa;
  --path: #d55e00;
  --warn: #8a3b00;
}
* { box-sizing: border-box; }
html { font-size: 16px; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
}
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
p { margin: .35rem 0; }
a { color: var(--accent); }
code, kbd { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3em; background: #fff; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }

button {
  font: inherit; font-size: .95rem; color: var(--ink); background: #fff; cursor: pointer;
  border: 1px solid #8c959f; border-radius: 6px; padding: .3rem .75rem; min-height: 2.1rem;
}
button:hover { background: var(--soft); }
button[type=submit] { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
button[type=submit]:hover { background: #084a8e; }
input {
  font: inherit; color: var(--ink); border: 1px solid #8c959f; border-radius: 6px;
  padding: .3rem .5rem; min-height: 2.1rem; width: 100%; min-width: 0; background: #fff;
}
label { display: block; font-size: .9rem; color: var(--muted); margin: .2rem 0; }
.row { display: flex; gap: .4rem; align-items: center; }
.row input { flex: 1; }
.buttons { margin-top: .5rem; flex-wrap: wrap; }

header.top { padding: .9rem 1.5rem .6rem; border-bottom: 1px solid var(--line); background: var(--soft); }
header.top .subtitle { color: var(--muted); margin: 0; }
header.top .description { max-width: 75rem; }
header.top .facts { color: var(--muted); font-size: .95rem; }
header.top .view { font-size: .95rem; max-width: 85rem; }

main { padding: .75rem 1.5rem 0; }
.toolbar { display: flex; align-items: center; gap: .6rem 1.25rem; flex-wrap: wrap; margin-bottom: .5rem; }
.toolbar h2 { margin: 0; }
.toolbar .find { display: flex; align-items: center; gap: .4rem; flex: 1 1 22rem; max-width: 38rem; }
.toolbar .find label { margin: 0; white-space: nowrap; color: var(--ink); font-size: .95rem; font-weight: 600; }
.toolbar .zoom { display: flex; gap: .3rem; margin-left: auto; }
.toolbar .zoom button { min-width: 2.4rem; font-weight: 700; }
#diagram-frame { position: relative; }
#diagram {
  width: 100%; min-height: 28rem; max-height: 76vh; border: 1px solid var(--line); border-radius: 8px; overflow: hidden;
  background: #fff; cursor: grab; touch-action: none; user-select: none; -webkit-user-select: none;
}
#diagram.dragging { cursor: grabbing; }
#diagram > svg { display: block; width: 100%; height: 100%; }
.hint { color: var(--muted); font-size: .9rem; margin: .35rem 0; }
.caption { color: var(--muted); font-size: .9rem; }
.legend { display: flex; gap: .4rem 1rem; align-items: baseline; font-size: .9rem; flex-wrap: wrap; margin: .3rem 0; }
.legend-title { font-weight: 700; }
.legend ul { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; margin: 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: .35rem; }

#pg-svg g.node { cursor: pointer; }
#pg-svg g.node:hover polygon, #pg-svg g.node:hover ellipse, #pg-svg g.node:hover path { stroke-width: 2.5px; }
#pg-svg g.edge:hover path { stroke-width: 2.5px; }
#pg-svg g.node.selected polygon, #pg-svg g.node.selected ellipse, #pg-svg g.node.selected path {
  stroke: var(--accent); stroke-width: 4.5px;
}
#pg-svg g.edge.tie path { stroke-width: 2.4px; }
#pg-svg.has-path g.node:not(.on-path) { opacity: .45; }
#pg-svg.has-path g.edge:not(.on-path) { opacity: .3; }
#pg-svg g.edge.on-path path { stroke: var(--path); stroke-width: 4.5px; stroke-dasharray: none; }
#pg-svg g.edge.on-path polygon { fill: var(--path); stroke: var(--path); }
#pg-svg g.node.on-path polygon, #pg-svg g.node.on-path ellipse, #pg-svg g.node.on-path path { stroke: var(--path); stroke-width: 4px; }
#pg-svg g.node.on-path.selected polygon, #pg-svg g.node.on-path.selected ellipse, #pg-svg g.node.on-path.selected path { stroke: var(--accent); }

#card {
  position: absolute; top: .6rem; right: .6rem; width: min(25rem, 46%); max-height: calc(100% - 1.2rem); overflow: auto;
  background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .7rem .9rem;
  box-shadow: 0 4px 18px rgba(0, 0, 0, .18);
}
#card[hidden] { display: none; }
#card .card-close { position: absolute; top: .45rem; right: .45rem; min-width: 2.1rem; padding: .1rem .4rem; font-size: 1.1rem; line-height: 1; }
.msg { font-size: .95rem; margin: .1rem 0 .5rem; }
.msg:empty { display: none; }
.warn { color: var(--warn); }
.choices { display: flex; flex-wrap: wrap; gap: .3rem .9rem; margin-top: .3rem; }
#card h2 { font-size: 1.3rem; margin: 0 2.2rem .1rem 0; }
#card .meta { color: var(--muted); margin-top: 0; }
#card dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .4rem 0; font-size: .95rem; }
#card dt { color: var(--muted); }
#card dd { margin: 0; overflow-wrap: anywhere; }
#card h3 { margin-top: .8rem; }
#card details.facts { margin: .3rem 0; }
#card details.facts summary { cursor: pointer; color: var(--accent); }
.ties { list-style: none; padding: 0; margin: .2rem 0; font-size: .95rem; }
.ties li { padding: .3rem 0; border-top: 1px solid #e6eaee; }
.ties li:first-child { border-top: none; }
.ties .dir { display: inline-block; min-width: 1.4em; color: var(--muted); font-weight: 700; }
.ties .extra { display: block; color: var(--muted); font-size: .9rem; padding-left: 1.4em; }
.ties.outside li { color: var(--muted); }
.src { color: var(--muted); }
.node-link, button.inline {
  border: none; background: none; padding: 0; min-height: 0; color: var(--accent); font: inherit;
  text-decoration: underline; text-underline-offset: 2px; cursor: pointer; text-align: left;
}
.node-link:hover, button.inline:hover { background: none; color: #063d75; }
.card-actions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .6rem; align-items: center; }
.card-actions a { font-size: .95rem; }
table.mini { border-collapse: collapse; font-size: .95rem; margin: .2rem 0; width: 100%; }
table.mini th, table.mini td { padding: .15rem .4rem; border-bottom: 1px solid #e6eaee; text-align: left; }
table.mini .num { text-align: right; font-variant-numeric: tabular-nums; }

#reach { margin: 1rem 0 .5rem; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; max-width: 75rem; }
.pathform { display: flex; flex-wrap: wrap; gap: .5rem .6rem; align-items: flex-end; }
.pathform .field { display: flex; flex-direction: column; flex: 1 1 15rem; }
.pathform .go { display: flex; gap: .4rem; }
#path-swap { font-size: 1.1rem; }
#path-result:empty { display: none; }
#path-result { margin-top: .6rem; border-top: 1px solid var(--line); padding-top: .5rem; }
#path-result .chain { font-weight: 700; font-size: 1.05rem; }
#path-result ol { padding-left: 1.4rem; margin: .3rem 0; }
#path-result li { margin: .25rem 0; }
#path-result .summary { color: var(--muted); font-size: .95rem; }
#path-result .swatch { display: inline-block; width: 1.4em; height: .3em; background: var(--path); vertical-align: middle; margin-right: .3em; }
#path-result details { margin-top: .4rem; font-size: .9rem; }
#path-result pre { white-space: pre-wrap; background: var(--soft); padding: .5rem; border-radius: 6px; font-size: .85rem; }

section#actors, section#network, section#communities { padding: .5rem 1.5rem 1rem; }
.note { color: var(--muted); font-size: .95rem; max-width: 75rem; }
.table-wrap { overflow-x: auto; }
#actors-table { border-collapse: collapse; font-size: .95rem; min-width: 40rem; }
#actors-table th, #actors-table td { padding: .3rem .6rem; border-bottom: 1px solid #e1e6eb; text-align: left; white-space: nowrap; }
#actors-table thead th { border-bottom: 2px solid #8c959f; vertical-align: bottom; }
#actors-table thead button {
  border: none; background: none; padding: .1rem .2rem; min-height: 0; font-weight: 700; color: var(--ink); font-size: .95rem;
}
#actors-table thead button::after { content: " \2195"; color: #8c959f; font-weight: 400; }
#actors-table thead th[aria-sort=descending] button::after { content: " \25BC"; color: var(--ink); }
#actors-table thead th[aria-sort=ascending] button::after { content: " \25B2"; color: var(--ink); }
#actors-table .num { text-align: right; font-variant-numeric: tabular-nums; }
#actors-table tbody tr:hover { background: var(--soft); }
#actors-table tbody tr.current { background: var(--accent-soft); }
#actors-table tbody th { font-weight: 400; white-space: normal; min-width: 12rem; max-width: 22rem; }
#actors-table .rank { color: var(--muted); }
#actors-table.collapsed tr.extra { display: none; }
.print-note { display: none; }
.cols { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
table.counts { border-collapse: collapse; font-size: .95rem; }
table.counts caption { text-align: left; font-weight: 700; padding-bottom: .3rem; }
table.counts th, table.counts td { padding: .2rem .6rem; border-bottom: 1px solid #e1e6eb; text-align: left; }
table.counts .num { text-align: right; font-variant-numeric: tabular-nums; }
ul.sources { padding-left: 1.2rem; }
ul.sources li { margin: .3rem 0; }
.url { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; overflow-wrap: anywhere; }
.communities { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: .7rem; padding: 0; list-style: none; }
.communities li { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .8rem .7rem; break-inside: avoid; }
.communities h3 { margin: 0 0 .3rem; }
details.more-communities > summary { cursor: pointer; color: var(--accent); margin: .5rem 0; }
.communities p { margin: 0 0 .5rem; font-size: .95rem; }
footer { padding: 1rem 1.5rem 2rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }

@media (max-width: 800px) {
  #card { position: static; width: auto; max-height: none; box-shadow: none; margin-top: .6rem; }
}
@media print {
  @page { margin: 14mm; }
  html { font-size: 11pt; }
  body { color: #000; }
  header.top { background: none; border-bottom: 1px solid #000; padding: 0 0 .5rem; }
  main { padding: .5rem 0 0; }
  .skip, .toolbar .find, .toolbar .zoom, .hint, #search-msg, form, .card-actions, .card-close, .more button, .show-community,
  #path-result details, #reach .note { display: none !important; }
  #diagram { min-height: 0; max-height: none; aspect-ratio: auto !important; height: auto; border: none; overflow: visible; }
  #diagram > svg { height: auto; max-height: 23cm; }
  #diagram-frame { position: static; }
  #card { position: static; width: auto; max-height: none; overflow: visible; box-shadow: none; border: none; padding: .3rem 0; break-inside: avoid; }
  #reach { border: none; padding: 0; }
  #reach:not(.has-result) { display: none; }
  section#actors, section#network, section#communities { padding: .5rem 0; }
  .table-wrap { overflow: visible; }
  #actors-table { font-size: 8.5pt; min-width: 0; width: 100%; }
  #actors-table th, #actors-table td { white-space: normal; padding: .15rem .3rem; }
  #actors-table thead button::after { content: none; }
  #actors-table tr { break-inside: avoid; }
  .print-note { display: inline; }
  .node-link, button.inline { color: #000; text-decoration: none; }
  a { color: #000; }
}
"""#
}
