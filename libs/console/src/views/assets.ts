// The console's only stylesheet and script, served from /console/assets (CSP: 'self', no inline code).

export const CONSOLE_CSS = `
:root { --fg: #1a1a1a; --muted: #4a4a4a; --bg: #ffffff; --panel: #f4f5f7; --line: #c9ccd1; --accent: #0b5cad; --accent-fg: #ffffff;
  --ok: #1d6b2f; --warn: #8a5300; --bad: #a4161a; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif;
  color: var(--fg); background: var(--bg); line-height: 1.6; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, main:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--fg); }
.skip { position: absolute; left: -9999px; top: 0; background: var(--fg); color: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 0; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .6rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--panel); }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
header nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
header nav a { text-decoration: none; padding: .2rem 0; }
header nav a[aria-current="page"] { font-weight: 700; text-decoration: underline; text-underline-offset: .3em; }
.tools { margin-left: auto; display: flex; align-items: center; gap: 1rem; }
.langs a { margin-left: .5rem; }
.langs a[aria-current="true"] { font-weight: 700; color: var(--fg); text-decoration: none; }
.who { color: var(--muted); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
.flash { background: #e7f4ea; border-left: 4px solid var(--ok); padding: .5rem 1rem; }
.error { background: #fbeaea; border-left: 4px solid var(--bad); padding: .5rem 1rem; }
.empty { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); }
form.stack { display: grid; gap: .75rem; max-width: 48rem; }
form.row { display: flex; flex-wrap: wrap; align-items: end; gap: .75rem; }
form.inline { display: inline; }
label { font-weight: 600; display: block; }
.hint { color: var(--muted); font-size: .9rem; font-weight: 400; }
input[type=text], input[type=search], input[type=date], input[type=number], input[type=password], select, textarea {
  font: inherit; padding: .4rem .5rem; border: 1px solid #6b6f76; border-radius: 4px; min-width: 14rem; background: #fff; color: var(--fg); }
textarea { width: 100%; min-height: 24rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9rem; }
textarea.token { min-height: 6rem; }
button, .button { font: inherit; padding: .45rem 1rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; }
.badge.pass, .badge.eligible, .badge.fast_tracked { color: var(--ok); }
.badge.warn, .badge.needs_hr_review, .badge.in_review, .badge.flagged { color: var(--warn); }
.badge.fail, .badge.ineligible { color: var(--bad); }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; background: #fff; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.numbers { display: flex; flex-wrap: wrap; gap: 1rem; }
.numbers .card { min-width: 12rem; }
.big { font-size: 1.6rem; font-weight: 700; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem .75rem; margin: 0; display: grid; gap: .5rem; }
legend { font-weight: 700; padding: 0 .25rem; }
label.check { font-weight: 400; display: inline-flex; align-items: center; gap: .35rem; margin-right: 1rem; }
.field .error, fieldset > .error { margin: .25rem 0 0; }
[aria-invalid="true"] { border-color: var(--bad); outline: 2px solid var(--bad); }
details > summary { cursor: pointer; font-weight: 600; }
.chart svg { max-width: 100%; height: auto; }
.chart .band-outer { fill: #cfe0f3; }
.chart .band-inner { fill: #8fb6e0; }
.chart .median { stroke: #0b3d73; stroke-width: 3; }
.chart .offer { stroke: var(--bad); stroke-width: 4; }
.chart .axis { stroke: #6b6f76; stroke-width: 1; }
.chart .bar-all { fill: #8fb6e0; }
.chart .bar-returnee { fill: #0b3d73; }
.chart text { font-size: 12px; fill: var(--fg); }
.print-only { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ol.checklist li, ul.plain li { margin: .2rem 0; }
@media print {
  header.top, .skip, .no-print, form { display: none !important; }
  .print-only { display: block; }
  main { max-width: none; padding: 0; }
  body { font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  section { break-inside: avoid; }
}
`;

/** Progressive enhancement only: the pages work without it. */
export const CONSOLE_JS = `
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.closest && t.closest('[data-print]')) { e.preventDefault(); window.print(); }
  });
  var ta = document.querySelector('textarea[data-json]');
  var out = document.getElementById('json-status');
  if (ta && out) {
    var check = function () {
      try { JSON.parse(ta.value); out.textContent = ''; ta.removeAttribute('aria-invalid'); }
      catch (err) { out.textContent = ta.getAttribute('data-json') + ': ' + err.message; ta.setAttribute('aria-invalid', 'true'); }
    };
    ta.addEventListener('input', check);
  }
})();
`;
