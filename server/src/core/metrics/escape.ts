/** Escaping of document strings for the HTML and Markdown outputs. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}

/** Text that Markdown shows as written: markup characters and HTML are backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#&]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
}
