/**
 * Escaping source text for a generated MDX page. Every ASCII punctuation character,
 * every line break and tab, and spaces at the edges are written as numeric character
 * references, which MDX decodes to the same characters and never interprets: `<`, `{`,
 * `}`, `>>>`, `*`, `_`, `[`, backslashes, `www.`/`@` autolinks and `import` lines all
 * render as themselves. Other characters (letters in any script, no-break spaces)
 * pass through unchanged.
 *
 * Character references alone do not stop GFM autolink literals (`www.x.org`, `a@b.org`,
 * `https://…`) in Astro's Markdown processor, which decodes references first; an empty MDX
 * comment (an empty expression holding a block comment) before `@`, `:` and the dot after `www` splits the text so nothing is
 * linked, while the rendered text stays exactly the same.
 */
const BREAK = '{/**/}';

const SIGNIFICANT = /[!-/:-@[-`{-~\t\n\r]/g;

/** Escapes text for use as MDX phrasing content (inside a JSX element on one line). */
export function escapeMdxText(text: string): string {
  let out = text.replace(SIGNIFICANT, (ch, at: number) => {
    const ref = `&#${ch.charCodeAt(0)};`;
    if (ch === '@' || ch === ':' || (ch === '.' && /www$/i.test(text.slice(Math.max(0, at - 3), at)))) return BREAK + ref;
    return ref;
  });
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
