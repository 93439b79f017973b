/**
 * The "floor": the same passages and note texts, pre-rendered to HTML strings here, built by a
 * tiny separate Astro project through one route (`src/pages/[slug].astro`: getStaticPaths over
 * a JSON file, each page emitted with set:html). No edition features: no validation, no
 * anchoring, no MDX, no registers, no layout beyond a bare HTML shell. Its build time is what
 * Astro itself costs for this many pages of this much text.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedDocument } from './corpus.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One document as a pre-rendered HTML string: numbered passages, then the notes as a list. */
export function floorHtml(doc: GeneratedDocument): string {
  const passages = doc.passages
    .map((p, i) => `<p id="p${i + 1}" data-passage="${i + 1}"${p.lang === 'fa' ? ' lang="fa" dir="rtl"' : ''}><a href="#p${i + 1}">${i + 1}</a> ${escape(p.text)}</p>`)
    .join('\n');
  const notes = doc.notes.map((n) => `<li id="${n.id}"><span class="note-kind">${n.kind}</span> ${escape(n.body)}</li>`).join('\n');
  return `<h1>${escape(doc.title)}</h1>\n${passages}\n<section class="footnotes"><h2>Notes</h2><ol>\n${notes}\n</ol></section>`;
}

/** Writes the floor project into `dir`; node_modules is a symlink to the project's. */
export function writeFloorProject(dir: string, documents: GeneratedDocument[], projectRoot: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `export default {\n  site: 'https://floor.example.org',\n  trailingSlash: 'always',\n  build: { format: 'directory', concurrency: 4 },\n  devToolbar: { enabled: false },\n  cacheDir: ${JSON.stringify(join(dir, '.cache'))},\n};\n`,
  );
  const data = join(dir, 'pages.json');
  writeFileSync(data, JSON.stringify(documents.map((d) => ({ slug: d.slug, title: d.title, html: floorHtml(d) }))));
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(${JSON.stringify(data)}, 'utf8'));
  return pages.map((p) => ({ params: { slug: p.slug }, props: { title: p.title, html: p.html } }));
}
const { title, html } = Astro.props;
---
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
  <body><main set:html={html} /></body>
</html>
`,
  );
}
