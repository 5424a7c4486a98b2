// The builder page's one inline style (allowed by its hash): a light and a dark scheme, following the visitor's system.
export const builderStyles = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5;
  --text: #1f2328; --muted: #4b5563; --page: #f6f8fa; --panel: #ffffff; --line: #d0d7de; --field: #6e7781; --accent: #0b57d0; --accent-hover: #0842a0; --error: #b42318; --ok: #116329; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6edf3; --muted: #b1bac4; --page: #0d1117; --panel: #161b22; --line: #3d444d; --field: #8b949e; --accent: #4493f8; --accent-hover: #6cb6ff; --error: #ff7b72; --ok: #56d364; }
}
body { margin: 0; color: var(--text); background: var(--page); }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 0.25rem; }
.lede { margin: 0 0 1.5rem; color: var(--muted); }
.layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(16rem, 24rem) minmax(0, 1fr); align-items: start; }
@media (max-width: 52rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
section, form { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
.field { margin: 0 0 1rem; }
label, legend { display: block; font-weight: 600; margin-bottom: 0.25rem; padding: 0; }
fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
fieldset label { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 400; margin-right: 1rem; min-height: 44px; }
.output { margin-top: 1.5rem; }
input[type=text], select { box-sizing: border-box; width: 100%; min-height: 44px; font: inherit; padding: 0.4rem 0.6rem; border: 1px solid var(--field); border-radius: 6px; background: var(--panel); color: inherit; }
input[type=radio], input[type=checkbox] { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--accent); }
.with-picker { display: flex; gap: 0.5rem; align-items: center; }
input[type=color] { inline-size: 44px; block-size: 44px; padding: 2px; border: 1px solid var(--field); border-radius: 6px; background: var(--panel); flex: none; }
.swatch-note { flex: none; font-size: 0.875rem; color: var(--muted); }
.hint { margin: 0.25rem 0 0; font-size: 0.875rem; color: var(--muted); }
.error { margin: 0.25rem 0 0; font-size: 0.875rem; color: var(--error); font-weight: 600; }
.error:empty { display: none; }
[aria-invalid=true] { border-color: var(--error); border-width: 2px; }
button { font: inherit; font-weight: 600; min-height: 44px; padding: 0.4rem 1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent); color: var(--page); cursor: pointer; }
button:hover { background: var(--accent-hover); border-color: var(--accent-hover); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button:focus-visible { outline-color: var(--text); }
a { color: var(--accent); }
.docs a { margin-right: 1rem; }
.preview { display: block; box-sizing: border-box; width: 100%; height: 180px; border: 1px dashed var(--field); border-radius: 6px; background: var(--panel); }
.preview.no-intro { height: 110px; }
textarea { box-sizing: border-box; width: 100%; min-height: 6rem; resize: vertical; font: 0.85rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 0.6rem; border: 1px solid var(--field); border-radius: 6px; color: inherit; background: var(--page); }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; margin-top: 0.5rem; }
.copied { margin: 0; color: var(--ok); font-weight: 600; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
`;
