/**
 * The queue page's and agents board's rules, part of the console's one stylesheet (`console-layout.ts` hashes it
 * for the CSP). Inputs get the same visible focus as links and buttons; the filter form wraps on a phone.
 */
export const QUEUE_STYLES = `
input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
input[type=search]{font:inherit;flex:1 1 12rem;min-width:0;padding:.5rem;border:2px solid #9aa5b1;border-radius:.375rem;min-height:2.75rem}
.search,.filters{margin:0 0 1rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem}
.hint{font-size:.875rem;color:#52606d;margin:0 0 .5rem}
fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
legend{font-weight:700;margin:0 0 .5rem;padding:0}
.filters select{width:auto;min-width:9rem;margin:0 0 .75rem}
.actions{display:flex;gap:1rem;align-items:center;margin:0 0 .75rem}
.tabs ul{display:flex;flex-wrap:wrap;gap:.25rem .5rem;list-style:none;margin:0 0 1rem;padding:0}
.tabs a{display:inline-block;padding:.4rem .75rem;border-radius:999px;background:#fff;text-decoration:none;border:1px solid #cbd2d9}
.tabs a[aria-current=page]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
.count{display:inline-block;min-width:1.5rem;padding:0 .35rem;border-radius:999px;background:#e4e7eb;color:#1f2933;font-size:.8rem;text-align:center}
.pager{display:flex;gap:1.5rem;margin:1rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
meter{width:5rem;vertical-align:middle}
.btn.quiet{background:#52606d}
`.trim();
