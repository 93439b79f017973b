/**
 * MDX is code; contributor files are data. Every generated page of the seed edition and of the
 * hostile and literal fixtures is compiled the way @astrojs/mdx compiles it (remark-mdx with
 * remark-gfm, then @mdx-js/mdx), and its tree may hold only the generator's own JSX elements
 * and attributes, with literal values: no expression, no import, no export from any input.
 */
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { documentMdx, loadEdition, type Edition } from '../../src/edition/index.ts';
import { ROOT } from '../helpers/build.ts';
import { edition as fromFiles, SOURCE_META } from '../helpers/edition.ts';

/** The generator's elements and the attributes each may carry. */
const ALLOWED: Record<string, string[]> = {
  p: ['id', 'data-passage', 'class'],
  h2: ['id', 'data-passage', 'class', 'aria-labelledby'],
  h3: ['id', 'data-passage', 'class', 'aria-labelledby'],
  a: ['href', 'class', 'aria-label', 'data-entity'],
  span: ['class', 'id', 'lang', 'dir', 'data-kind'],
  article: ['class', 'data-comment', 'aria-labelledby', 'aria-label'],
  div: ['class'],
  details: ['class'],
  summary: [],
};

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Every problem with a generated page: forbidden nodes, elements, attributes or values. */
function audit(mdx: string): string[] {
  const problems: string[] = [];
  const body = mdx.replace(/^---\n.*\n---\n/, '');
  const visit = (node: Nodes) => {
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') problems.push(`${node.type}: ${node.value}`);
    if (node.type === 'html') problems.push(`raw html: ${node.value}`);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const allowed = node.name ? ALLOWED[node.name] : undefined;
      if (!allowed) problems.push(`element <${node.name}>`);
      for (const a of node.attributes) {
        if (a.type !== 'mdxJsxAttribute') problems.push(`spread attribute on <${node.name}>`);
        else if (!allowed?.includes(a.name)) problems.push(`attribute ${a.name} on <${node.name}>`);
        else if (typeof a.value !== 'string') problems.push(`expression value for ${a.name} on <${node.name}>`);
        else if (a.name === 'href' && !/^(#|\/|https?:|mailto:)/.test(a.value)) problems.push(`href ${a.value}`);
      }
    }
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(parser.parse(body));
  return problems;
}

async function checkEdition(e: Edition) {
  expect(e.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(e.documents.length).toBeGreaterThan(0);
  for (const doc of e.documents) {
    const mdx = documentMdx(doc, e, { base: '/' });
    expect(audit(mdx), doc.slug).toEqual([]);
    // And the MDX compiler agrees: it compiles, and the compiled module imports and exports nothing of the input's.
    // (@astrojs/mdx takes the front matter off as data before it compiles the rest.)
    const js = String(await compile(mdx.replace(/^---\n.*\n---\n/, ''), { remarkPlugins: [remarkGfm], development: false }));
    const statements = js.split('\n').filter((l) => /^(import|export)\b/.test(l));
    expect(statements, doc.slug).toEqual([expect.stringMatching(/^import \{[\w\s,]+\} from "react\/jsx-runtime";$/), 'export default function MDXContent(props = {}) {']);
  }
}

describe('generated MDX holds only the generator’s own code', () => {
  for (const name of ['seed', 'hostile', 'literal']) {
    it(`${name} edition`, async () => {
      await checkEdition(loadEdition(name === 'seed' ? ROOT : join(ROOT, 'test/fixtures/editions', name)));
    });
  }

  it('the auditor itself catches code (it would fail on an unsafe writer)', () => {
    expect(audit('import fs from "node:fs"\n\n<p onClick={x} id={y}>{z}</p>\n\n<script>w</script>\n\n<a href="javascript:v">v</a>\n')).toEqual([
      'mdxjsEsm: import fs from "node:fs"',
      'attribute onClick on <p>',
      'expression value for id on <p>',
      'mdxFlowExpression: z',
      'element <script>',
      'href javascript:v',
    ]);
  });

  it('a passage, a note paragraph and a continuation line beginning with import/export stay text', async () => {
    const e = fromFiles({
      'sources/esm-2001.txt': `${SOURCE_META}import fs from "node:fs"\n\nexport const a = 1\n\nFirst line\nimport x from "y"\n`,
      'annotations/notes/esm-2001/n.md': `---\nquote: First line\nkind: gloss\n---\nimport x from "y"\n\nexport const a = 1\n`,
    });
    const doc = e.documents[0]!;
    const mdx = documentMdx(doc, e);
    expect(audit(mdx)).toEqual([]);
    // Inside a passage's element the words are text; at the start of a line, the first letter is a character reference.
    expect(mdx).toContain('<span class="passage-text">import fs from "node:fs"</span>');
    expect(mdx).toContain('\n&#x69;mport x from "y"</span>');
    expect(mdx).toContain('\n    &#x65;xport const a = 1');
    await checkEdition(e);
  });
});
