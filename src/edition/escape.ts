/**
 * Escaping source text for a generated MDX page. Every ASCII punctuation character,
 * every line break and tab, and spaces at the edges are written as numeric character
 * references, which MDX decodes to the same characters and never interprets: `<`, `{`,
 * `}`, `>>>`, `*`, `_`, `[`, backslashes, `www.`/`@` autolinks and `import` lines all
 * render as themselves. Other characters (letters in any script, no-break spaces)
 * pass through unchanged.
 */

const SIGNIFICANT = /[!-/:-@[-`{-~\t\n\r]/g;

/** Escapes text for use as MDX phrasing content (inside a JSX element on one line). */
export function escapeMdxText(text: string): string {
  let out = text.replace(SIGNIFICANT, (ch) => `&#${ch.charCodeAt(0)};`);
  // Spaces at the edges of an element's content would be trimmed: keep them.
  out = out.replace(/^ +| +$/g, (spaces) => '&#32;'.repeat(spaces.length));
  return out;
}

/** Escapes a value for a double-quoted JSX/HTML attribute in generated MDX. */
export function escapeAttr(value: string): string {
  return value.replace(/[&"<>{}]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Escapes text for HTML (used where the core writes HTML directly). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
