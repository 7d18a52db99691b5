/**
 * Search snippets arrive as HTML: the page text escaped, the query words in `<mark>`.
 * We do not trust that HTML blindly (a bug or a compromised index must not put markup on
 * a citizen's screen): the text between marks is decoded and escaped again, every tag
 * other than `<mark>`/`</mark>` is shown as text, and marks are balanced.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Safe HTML for `set:html`: escaped text with only `<mark>` kept. */
export function safeHighlight(snippet: string): string {
  let open = false;
  let html = "";
  for (const part of snippet.split(/(<\/?mark\s*>)/i)) {
    if (/^<mark\s*>$/i.test(part)) {
      if (!open) html += "<mark>";
      open = true;
    } else if (/^<\/mark\s*>$/i.test(part)) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(decodeEntities(part));
    }
  }
  return open ? `${html}</mark>` : html;
}
