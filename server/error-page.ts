// The short HTML page for a refused request: says which parameter was wrong and what it accepts.
import { escapeHtml } from './html.js';

export function renderErrorPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></body>
</html>
`;
}
