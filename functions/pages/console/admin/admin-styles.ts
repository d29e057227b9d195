/**
 * The admin and report pages' form styles, part of the console's one hashed stylesheet (no other style source is
 * allowed by its CSP). Controls are full width on a phone, labels above them, errors in red beside their field, and
 * the focus ring the shell gives links and buttons. Group rules are scoped to admin forms: the queue's filter
 * fieldset, later in the same stylesheet, is laid out as a row without a border.
 */
export const ADMIN_STYLES = `
input,textarea{font:inherit;width:100%;max-width:32rem;padding:.5rem;border:2px solid #9aa5b1;border-radius:.375rem;background:#fff;color:inherit}
input[type=checkbox]{width:1.25rem;height:1.25rem;margin:.2rem .5rem 0 0;flex:none}
input:focus-visible,textarea:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
[aria-invalid=true]{border-color:#b91c1c}
.field{margin:0 0 1rem;min-width:0}
.field select{margin:0}
.check{display:flex;align-items:flex-start}
.check label{font-weight:400;margin:0 1rem 0 0}
.choices{display:flex;flex-wrap:wrap;gap:.25rem 0}
.admin-form fieldset{display:block;border:1px solid #cbd2d9;border-radius:.375rem;margin:0 0 1rem;padding:.75rem 1rem 0}
.admin-form legend{font-weight:700;margin:0;padding:0 .25rem}
.hint{font-size:.875rem;color:#52606d;margin:0 0 .25rem}
.error{color:#b91c1c;font-weight:600;margin:.25rem 0 0}
.notice{background:#dcfce7;border-left:4px solid #15803d;padding:.5rem .75rem}
.alert{background:#fee2e2;border-left:4px solid #b91c1c;padding:.5rem .75rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1rem}
.subnav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 1rem;padding:0}
.subnav [aria-current]{font-weight:700}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.key{font-family:ui-monospace,monospace;word-break:break-all;background:#fef9c3;padding:.5rem;display:block}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.toolbar{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:0 0 1rem}
.toolbar form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:0}
.toolbar input{width:auto}
caption{text-align:left;font-weight:700;padding:.5rem 0}
.matrix{table-layout:fixed;margin:0 0 1rem}
.matrix th,.matrix td{vertical-align:middle}
.matrix .field{margin:0}
`.trim();
