/** The report's one stylesheet: system fonts only (nothing to download), readable on screen and on paper. */
export const CSS = `
:root{--ink:#1b1f24;--muted:#59636e;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--neg:#b3261e;--good:#1a7f37}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header,main,footer{max-width:1160px;margin:0 auto;padding:0 24px}
header{padding-top:24px}
h1{font-size:1.7rem;margin:.2em 0}
h2{font-size:1.35rem;margin:1.6em 0 .4em;padding-top:.6em;border-top:3px solid var(--ink)}
h3{font-size:1rem;margin:0 0 .3em}
h4{font-size:.95rem;margin:1.2em 0 .3em}
.lede{color:var(--muted);margin:.2em 0 1em}
nav ul{padding-left:1.2em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:1em 0}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 14px;background:var(--soft)}
.card .label{font-size:.8rem;color:var(--muted)}
.card .value{font-size:1.35rem;font-weight:600;font-variant-numeric:tabular-nums}
.card .who{font-size:.85rem;font-weight:600}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:20px;margin-bottom:1.6em}
.figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:12px}
figcaption{font-size:.85rem;color:var(--muted);margin-top:4px}
svg.chart{display:block;width:100%;height:auto;font-size:12px}
svg.chart text{fill:#333}
svg.chart .tick{fill:#555}
svg.chart .axis-label{fill:#333;font-weight:600}
svg.chart .grid{stroke:#e6e9ed}
svg.chart .zero,svg.chart .axis{stroke:#555;stroke-width:1}
svg.chart .ref{stroke:#444;stroke-width:1.5;stroke-dasharray:6 4}
svg.chart .ref-label{fill:#222;font-weight:600}
svg.chart .stacked rect{stroke:#fff;stroke-width:.7}
svg.chart .total circle{stroke:#fff;stroke-width:1.5}
svg.chart .wf-label{fill:#222}
svg.chart .wf-value{fill:#222;font-weight:600}
svg.chart .wf-link{stroke:#777;stroke-width:1;stroke-dasharray:2 2}
details{margin-top:6px;font-size:.85rem}
summary{cursor:pointer;color:#0550ae}
.scroll{overflow-x:auto;margin:.6em 0}
table.data{border-collapse:collapse;font-size:.85rem;font-variant-numeric:tabular-nums;min-width:50%}
table.data caption{text-align:left;font-weight:600;padding:4px 0;caption-side:top}
table.data th,table.data td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:right;white-space:nowrap}
table.data th[scope=row],table.data td.text,table.data th.text,table.data thead th:first-child{text-align:left}
table.data td.text{white-space:normal}
table.data th[scope=row]{white-space:normal;min-width:9em;max-width:24em}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.data thead th{border-bottom:2px solid var(--ink)}
table.data tr.section th{text-align:left;background:var(--soft);padding-top:8px}
table.checks ul{margin:0;padding-left:1.1em}
.neg{color:var(--neg)}
.bad{color:var(--neg);font-weight:600}
.good{color:var(--good);font-weight:600}
.note{font-size:.85rem;color:var(--muted)}
footer{margin-top:2.5em;padding-top:1em;padding-bottom:2em;border-top:1px solid var(--line);font-size:.8rem;color:var(--muted)}
footer code{font-size:.78rem;word-break:break-all}
@media (max-width:560px){.figures{grid-template-columns:1fr}}
@media print{
  @page{size:A4 landscape;margin:12mm}
  body{font-size:10.5pt}
  header,main,footer{max-width:none;padding:0}
  nav,summary{display:none}
  .figures{grid-template-columns:1fr 1fr;gap:8mm}
  .card,table.data tr,svg.chart,figcaption,.figure .scroll{break-inside:avoid}
  .figure>h3{break-after:avoid}
  h2{break-before:page;border-top:none}
  section:first-of-type h2{break-before:auto}
  h2,h3,h4{break-after:avoid}
  details::details-content{content-visibility:visible;display:contents}
  .scroll{overflow:visible}
  table.data{font-size:8pt}
  a{color:inherit;text-decoration:none}
}
`
  .trim()
  .replace(/\n/g, '');
