/**
 * Inbox lists show the first text of a message under its subject. The preheader is placed there in an
 * element no client displays, followed by invisible filler so the body's own first words stay out of the preview.
 */
const HIDDEN_STYLE =
  "display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:transparent";
const PREVIEW_FILLER = "&#847;&zwnj;&nbsp;".repeat(60);
const BODY_TAG = /<body\b[^>]*>/i;

export function withPreheader(html: string, preheader: string): string {
  if (!preheader) return html;
  const element = `<div style="${HIDDEN_STYLE}">${escapeHtml(preheader)}${PREVIEW_FILLER}</div>`;
  const body = BODY_TAG.exec(html);
  if (!body) return element + html;
  const start = body.index + body[0].length;
  return html.slice(0, start) + element + html.slice(start);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
