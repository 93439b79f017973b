/**
 * The bad-input corpus: every mistake an editor (or a hostile contributor) can make comes
 * back as one problem, at the right file, line and column, with a sentence saying how to fix it.
 */
import { describe, expect, it } from 'vitest';
import { documentMdx } from '../../src/edition/index.ts';
import { SOURCE_META, WORKS, edition, errors, warnings } from '../helpers/edition.ts';

const SOURCE = `${SOURCE_META}Alpha beta gamma.

Delta epsilon. Delta epsilon.

Zeta eta theta iota kappa lambda mu.
`;
const OTHER = `${SOURCE_META}An entirely different text about Kuybyshev.
`;
const PERSON = `---
name: Pat Example
aliases: [Zeta]
description: A person.
cites: [w1]
---
An account.
`;
const base = { 'sources/doc.txt': SOURCE, 'sources/other.txt': OTHER, 'annotations/people/pat.md': PERSON };
const note = (front: string, body = 'A gloss.\n') => `---\n${front}\n---\n${body}`;

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  file: string;
  line: number;
  col: number;
  severity?: 'error' | 'warning';
  message: string;
}

const N = 'annotations/notes/doc/n.md';
const cases: Case[] = [
  { name: 'malformed YAML (bad indentation)', files: { [N]: note('quote: Alpha\n  kind: gloss') }, file: N, line: 2, col: 8, message: 'The metadata (YAML) cannot be read' },
  { name: 'unclosed quote in YAML', files: { [N]: note('quote: "Alpha\nkind: gloss') }, file: N, line: 3, col: 12, message: 'The metadata (YAML) cannot be read' },
  { name: 'duplicate YAML key', files: { [N]: note('quote: Alpha\nkind: gloss\nkind: context') }, file: N, line: 4, col: 1, message: 'The metadata (YAML) cannot be read' },
  { name: 'YAML code tag !!js/function', files: { [N]: note('quote: !!js/function "function(){ return 1 }"\nkind: gloss') }, file: N, line: 2, col: 8, message: 'YAML tags are not allowed' },
  { name: 'YAML python object tag', files: { [N]: note('quote: !!python/object:os.system "ls"\nkind: gloss') }, file: N, line: 2, col: 8, message: 'YAML tags are not allowed' },
  { name: 'custom YAML tag', files: { [N]: note('quote: !include other.yml\nkind: gloss') }, file: N, line: 2, col: 8, message: 'YAML tags are not allowed' },
  { name: 'resolved YAML tag !!binary', files: { [N]: note('quote: !!binary aGVsbG8=\nkind: gloss') }, file: N, line: 2, col: 8, message: 'YAML tags are not allowed' },
  { name: 'top-level YAML list', files: { [N]: note('- quote: Alpha') }, file: N, line: 2, col: 1, message: 'must be a list of `key: value` lines' },
  { name: 'unknown field (typo)', files: { [N]: note('quote: Alpha\nkind: gloss\nkinds: context') }, file: N, line: 4, col: 1, message: 'Unknown field "kinds" of this note. Check the spelling, or remove it.' },
  { name: 'unknown field inside quote', files: { [N]: note('quote:\n  exact: Alpha\n  prefx: x\nkind: gloss') }, file: N, line: 4, col: 3, message: 'Unknown field "prefx" in "quote"' },
  { name: 'missing quote', files: { [N]: note('kind: gloss') }, file: N, line: 2, col: 1, message: 'The field "quote" is missing from this note.' },
  { name: 'missing kind', files: { [N]: note('quote: Alpha') }, file: N, line: 2, col: 1, message: 'The field "kind" is missing from this note.' },
  { name: 'empty quote', files: { [N]: note('quote: ""\nkind: gloss') }, file: N, line: 2, col: 8, message: 'The quote is empty' },
  { name: 'unknown note kind', files: { [N]: note('quote: Alpha\nkind: opinion') }, file: N, line: 3, col: 7, message: '"opinion" is not allowed for "kind". Use one of: context,' },
  { name: 'wrong type: entities not a list', files: { [N]: note('quote: Alpha\nkind: gloss\nentities: person:pat') }, file: N, line: 4, col: 11, message: '"entities" should be a list.' },
  { name: 'malformed register reference', files: { [N]: note('quote: Alpha\nkind: gloss\nentities: [pat]') }, file: N, line: 4, col: 12, message: 'Write a register reference as kind:id' },
  { name: 'quote found nowhere', files: { [N]: note('quote: Omega psi\nkind: gloss') }, file: N, line: 2, col: 8, message: 'The quote "Omega psi" is not in sources/doc.txt.' },
  { name: 'quote found twice', files: { [N]: note('quote: Delta epsilon\nkind: gloss') }, file: N, line: 2, col: 8, message: 'The quote "Delta epsilon" occurs 2 times in sources/doc.txt (¶2, ¶2). Quote more words, or add a prefix' },
  { name: 'quote across passages', files: { [N]: note('quote: "gamma. Delta"\nkind: gloss') }, file: N, line: 2, col: 8, message: 'runs across passages ¶1–¶2' },
  { name: 'quote from the wrong document', files: { [N]: note('quote: "An entirely different text"\nkind: gloss') }, file: N, line: 2, col: 8, message: 'is not in sources/doc.txt' },
  { name: 'approximate quote is refused when poor', files: { [N]: note('quote: Zeta eta theta iota kappa lambda nu xi omicron pi\nkind: gloss') }, file: N, line: 2, col: 8, message: 'is not in sources/doc.txt. Nearest candidates: ¶3' },
  { name: 'approximate quote re-anchors with a warning', files: { [N]: note('quote: Zeta eta theta iota kapa lambda mu\nkind: gloss') }, file: N, line: 2, col: 8, severity: 'warning', message: 'no longer matches sources/doc.txt exactly. It was re-anchored to ¶3, where the text now reads "Zeta eta theta iota kappa lambda mu"' },
  { name: 'note for a document that does not exist', files: { 'annotations/notes/nodoc/n.md': note('quote: Alpha\nkind: gloss') }, file: 'annotations/notes/nodoc/n.md', line: 1, col: 1, message: 'There is no source sources/nodoc.txt.' },
  { name: 'unknown register entry in a note', files: { [N]: note('quote: Alpha\nkind: gloss\nentities: [person:nobody]') }, file: N, line: 4, col: 12, message: 'Unknown register entry "person:nobody". Create annotations/people/nobody.md or fix the id.' },
  { name: 'unknown register link in a note body', files: { [N]: note('quote: Alpha\nkind: gloss', 'See [him](person:nobody).\n') }, file: N, line: 5, col: 5, message: 'Unknown register entry "person:nobody"' },
  { name: 'unknown work cited', files: { [N]: note('quote: Alpha\nkind: context\ncites: [nowork]') }, file: N, line: 4, col: 9, message: 'No work "nowork" in annotations/works.yml' },
  { name: 'factual note without a source', files: { [N]: note('quote: Alpha\nkind: context') }, file: N, line: 3, col: 7, message: 'A context note states facts and must cite a source' },
  { name: 'empty note body', files: { [N]: note('quote: Alpha\nkind: gloss', '') }, file: N, line: 5, col: 1, message: 'The text is empty.' },
  { name: 'javascript: link', files: { [N]: note('quote: Alpha\nkind: gloss', 'Click [here](javascript:alert(1)).\n') }, file: N, line: 5, col: 7, message: 'Links with "javascript:" are not allowed.' },
  { name: 'data: link', files: { [N]: note('quote: Alpha\nkind: gloss', 'A [file](data:text/html;base64,PHNjcmlwdD4=).\n') }, file: N, line: 5, col: 3, message: 'Links with "data:" are not allowed.' },
  { name: 'vbscript: autolink', files: { [N]: note('quote: Alpha\nkind: gloss', 'See <vbscript:msgbox(1)>.\n') }, file: N, line: 5, col: 5, message: 'Links with "vbscript:" are not allowed.' },
  { name: 'protocol-relative link', files: { [N]: note('quote: Alpha\nkind: gloss', 'See [x](//evil.example/x).\n') }, file: N, line: 5, col: 5, message: 'is not a full address' },
  { name: 'image in a note', files: { [N]: note('quote: Alpha\nkind: gloss', '![x](https://example.org/x.png)\n') }, file: N, line: 5, col: 1, message: 'Images are not allowed in notes.' },
  { name: 'heading in a note', files: { [N]: note('quote: Alpha\nkind: gloss', '# Title\n') }, file: N, line: 5, col: 1, message: 'Headings are not allowed' },
  { name: 'footnote inside a note', files: { [N]: note('quote: Alpha\nkind: gloss', 'Text[^1].\n\n[^1]: inner\n') }, file: N, line: 5, col: 5, message: 'A note cannot contain footnotes.' },
  { name: 'table in a note', files: { [N]: note('quote: Alpha\nkind: gloss', '| a | b |\n|---|---|\n| 1 | 2 |\n') }, file: N, line: 5, col: 1, message: 'Tables are not allowed in notes.' },
  { name: 'invalid UTF-8', files: { [N]: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }, file: N, line: 2, col: 1, message: 'This file is not valid UTF-8.' },
  { name: 'byte-order mark in a note', files: { [N]: `\uFEFF${note('quote: Alpha\nkind: gloss')}` }, file: N, line: 1, col: 1, severity: 'warning', message: 'byte-order mark (BOM)' },
  { name: 'byte-order mark in a source', files: { 'sources/bom.txt': `\uFEFF${SOURCE}` }, file: 'sources/bom.txt', line: 1, col: 1, message: 'byte-order mark (BOM)' },
  { name: 'source without metadata', files: { 'sources/bare.txt': 'Just text.\n' }, file: 'sources/bare.txt', line: 1, col: 1, message: 'A source must start with its metadata' },
  { name: 'source with unclosed metadata', files: { 'sources/open.txt': '---\ntitle: x\nJust text.\n' }, file: 'sources/open.txt', line: 1, col: 1, message: 'The front matter block is not closed' },
  { name: 'source with unknown field', files: { 'sources/extra.txt': SOURCE.replace('type: letter', 'type: letter\nauthour: x') }, file: 'sources/extra.txt', line: 5, col: 1, message: 'Unknown field "authour" of this source.' },
  { name: 'source with a bad passage rule', files: { 'sources/rule.txt': SOURCE.replace('passages: blank-line', 'passages: paragraph') }, file: 'sources/rule.txt', line: 8, col: 11, message: '"paragraph" is not allowed for "passages". Use one of: line, blank-line.' },
  { name: 'source with a bad date', files: { 'sources/date.txt': SOURCE.replace('date: 2001-02-03', 'date: 3 Feb 2001') }, file: 'sources/date.txt', line: 3, col: 7, message: 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD' },
  { name: 'source with a bad file name', files: { 'sources/Bad Name.txt': SOURCE }, file: 'sources/Bad Name.txt', line: 1, col: 1, message: "A source's file name must be lower-case words" },
  { name: 'file in the wrong place', files: { 'annotations/notes/loose.md': note('quote: Alpha\nkind: gloss') }, file: 'annotations/notes/loose.md', line: 1, col: 1, message: 'This file is not in a place the edition reads.' },
  { name: 'note with a bad file name', files: { 'annotations/notes/doc/My Note.md': note('quote: Alpha\nkind: gloss') }, file: 'annotations/notes/doc/My Note.md', line: 1, col: 1, message: "A note's file name is its id" },
  { name: 'alias claimed by two entries', files: { 'annotations/people/sam.md': PERSON.replace('Pat Example', 'Sam Example') }, file: 'annotations/people/sam.md', line: 3, col: 11, message: 'The name "Zeta" is also claimed by person:pat.' },
  // Mention hijack (issue 21, item 6): a spelling is compared as it is matched, folded.
  { name: 'an alias that differs from another entry\'s only by a zero-width space', files: { 'annotations/people/sam.md': PERSON.replace('Pat Example', 'Sam Example').replace('aliases: [Zeta]', 'aliases: ["Ze\u200Bta"]') }, file: 'annotations/people/sam.md', line: 3, col: 11, message: 'The name "Ze\u200Bta" is also claimed by person:pat.' },
  { name: 'an alias that differs from another entry\'s only by case, diacritics and letter forms', files: { 'annotations/people/pat.md': PERSON.replace('aliases: [Zeta]', 'aliases: [Zeta, کیانوری]'), 'annotations/people/sam.md': PERSON.replace('Pat Example', 'Sam Example').replace('aliases: [Zeta]', 'aliases: [كيانوريّ]') }, file: 'annotations/people/sam.md', line: 3, col: 11, message: 'is also claimed by person:pat' },
  { name: 'an alias that differs from another entry\'s only by Unicode normalisation (NFD)', files: { 'annotations/people/pat.md': PERSON.replace('aliases: [Zeta]', 'aliases: [Zeta, Zoë]'), 'annotations/people/sam.md': PERSON.replace('Pat Example', 'Sam Example').replace('aliases: [Zeta]', 'aliases: ["Zoe\u0308"]') }, file: 'annotations/people/sam.md', line: 3, col: 11, message: 'is also claimed by person:pat' },
  { name: 'an alias limited to some documents that another entry claims everywhere', files: { 'annotations/people/sam.md': PERSON.replace('Pat Example', 'Sam Example').replace('aliases: [Zeta]', 'aliases: [{ name: Zeta, documents: [doc] }]') }, file: 'annotations/people/sam.md', line: 3, col: 11, message: 'The name "Zeta" is also claimed by person:pat.' },
  { name: 'an alias limited to a document that does not exist', files: { 'annotations/people/pat.md': PERSON.replace('aliases: [Zeta]', 'aliases: [Zeta, { name: Kappa, documents: [doc, no-such-doc] }]') }, file: 'annotations/people/pat.md', line: 3, col: 49, message: 'there is no source sources/no-such-doc.txt' },
  { name: 'dangling relation', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1]\nrelated: [event:nothing]') }, file: 'annotations/people/pat.md', line: 6, col: 11, message: 'Unknown register entry "event:nothing". Create annotations/events/nothing.md' },
  { name: 'entry related to itself', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1]\nrelated: [person:pat]') }, file: 'annotations/people/pat.md', line: 6, col: 11, message: 'An entry cannot be related to itself.' },
  { name: 'entry without a description', files: { 'annotations/people/pat.md': PERSON.replace('description: A person.\n', '') }, file: 'annotations/people/pat.md', line: 2, col: 1, message: 'The field "description" is missing from this register entry.' },
  { name: 'entry with a bad date', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1]\nborn: { value: 1915-13 }') }, file: 'annotations/people/pat.md', line: 6, col: 16, message: 'Write dates as YYYY' },
  { name: 'entry nothing mentions', files: { 'annotations/people/kim.md': PERSON.replace('Pat Example', 'Kim Nowhere').replace('aliases: [Zeta]', 'aliases: [Nowhere Kim]') }, file: 'annotations/people/kim.md', line: 1, col: 1, severity: 'warning', message: 'Nothing in the sources mentions "Kim Nowhere".' },
  { name: 'structure for an unknown source', files: { 'annotations/structure/nodoc.yml': 'headings: [Alpha]\n' }, file: 'annotations/structure/nodoc.yml', line: 1, col: 1, message: 'There is no source sources/nodoc.txt for this structure file.' },
  { name: 'structure comment without title or start', files: { 'annotations/structure/doc.yml': 'comments:\n  - speaker: X\n' }, file: 'annotations/structure/doc.yml', line: 2, col: 5, message: 'A comment needs a title' },
  { name: 'structure quote not found', files: { 'annotations/structure/doc.yml': 'headings: [Omega]\n' }, file: 'annotations/structure/doc.yml', line: 1, col: 12, message: 'The quote "Omega" is not in sources/doc.txt.' },
  { name: 'work key used in two files', files: { 'annotations/works/more.yml': 'w1:\n  title: Again\n  category: scholarship\n' }, file: 'annotations/works/more.yml', line: 1, col: 1, message: 'The work key "w1" is already used in annotations/works.yml.' },
  { name: 'work with a bad URL', files: { 'annotations/works/more.yml': 'w2:\n  title: Again\n  url: not a url\n  category: scholarship\n' }, file: 'annotations/works/more.yml', line: 3, col: 8, message: '"w2.url"' },
  { name: 'huge annotation file', files: { [N]: note('quote: Alpha\nkind: gloss', `${'word '.repeat(60_000)}\n`) }, file: N, line: 1, col: 1, message: 'over the limit of 256 KB' },
  { name: 'javascript: URL of a work', files: { 'annotations/works/bad.yml': 'w2:\n  title: B\n  url: "javascript:alert(document.domain)"\n  category: scholarship\n' }, file: 'annotations/works/bad.yml', line: 3, col: 8, message: 'Write a full web address starting with https://' },
  { name: 'data: URL of a source archive', files: { 'sources/doc.txt': SOURCE.replace('passages: blank-line', 'passages: blank-line\narchive: { name: X, url: "data:text/html,x" }') }, file: 'sources/doc.txt', line: 9, col: 26, message: 'Other kinds of address (javascript:, data:, file:…) are not allowed.' },
  { name: 'quote inside a URL', files: { 'annotations/works/bad.yml': 'w2:\n  title: B\n  url: "https://example.org/a?b=\\"><script>"\n  category: scholarship\n' }, file: 'annotations/works/bad.yml', line: 3, col: 8, message: 'Percent-encode it' },
  // Keys that name properties every JavaScript object has (issue 21, item 7): plain names, never a crash.
  { name: 'cites: [constructor] in a note', files: { [N]: note('quote: Alpha\nkind: context\ncites: [constructor]') }, file: N, line: 4, col: 9, message: 'No work "constructor"' },
  { name: 'cites: [__proto__] in a note', files: { [N]: note('quote: Alpha\nkind: context\ncites: [__proto__]') }, file: N, line: 4, col: 9, message: 'No work "__proto__"' },
  { name: 'cites: [toString] in a register entry', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1, toString]') }, file: 'annotations/people/pat.md', line: 5, col: 13, message: 'No work "toString"' },
  { name: 'cites: { work: hasOwnProperty } in a source', files: { 'sources/doc.txt': SOURCE.replace('passages: blank-line', 'passages: blank-line\ncites: [{ work: hasOwnProperty }]') }, file: 'sources/doc.txt', line: 9, col: 9, message: 'No work "hasOwnProperty"' },
  // The smaller ones (issue 21, item 10).
  { name: 'a day that does not exist', files: { 'sources/date.txt': SOURCE.replace('date: 2001-02-03', 'date: 2021-02-30') }, file: 'sources/date.txt', line: 3, col: 7, message: '2021-02-30 is not a date: February 2021 has 28 days.' },
  { name: 'the 29th of February of a year that is not a leap year', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1]\nborn: 1900-02-29') }, file: 'annotations/people/pat.md', line: 6, col: 7, message: '1900-02-29 is not a date: February 1900 has 28 days.' },
  { name: 'a range that ends before it begins', files: { 'sources/date.txt': SOURCE.replace('date: 2001-02-03', 'date: { from: 2021-11-18, to: 2021-11-10 }') }, file: 'sources/date.txt', line: 3, col: 31, message: 'This range ends (2021-11-10) before it begins (2021-11-18). Swap "from" and "to".' },
  { name: 'born after died', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1]\nborn: 1990-05\ndied: { value: 1980, approximate: true }') }, file: 'annotations/people/pat.md', line: 7, col: 7, severity: 'warning', message: '"died" (1980) comes before "born" (1990-05). Check both dates.' },
  { name: 'an organisation that ends before it starts', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1]\nstart: 1941\nend: 1921') }, file: 'annotations/people/pat.md', line: 7, col: 6, severity: 'warning', message: '"end" (1921) comes before "start" (1941). Check both dates.' },
  { name: 'a right-to-left override in a note', files: { [N]: note('quote: Alpha\nkind: gloss', 'Text \u202Eevil\u202C here.\n') }, file: N, line: 5, col: 6, severity: 'warning', message: 'invisible character U+202E (right-to-left override)' },
  { name: 'a bidirectional isolate in a register entry\'s metadata', files: { 'annotations/people/pat.md': PERSON.replace('A person.', 'A \u2067person\u2069.') }, file: 'annotations/people/pat.md', line: 4, col: 16, severity: 'warning', message: 'invisible character U+2067 (right-to-left isolate)' },
  { name: 'the placeholder of npm run new-note left in a note', files: { [N]: note('quote: Alpha\nkind: gloss', 'Write the note here, citing the works listed in cites.\n') }, file: N, line: 5, col: 1, message: 'still holds the placeholder' },
  { name: 'an identification note without a source ("An", not "A")', files: { [N]: note('quote: Alpha\nkind: identification') }, file: N, line: 3, col: 7, message: 'An identification note states facts and must cite a source' },
  { name: 'a name under __proto__', files: { 'annotations/people/pat.md': PERSON.replace('cites: [w1]', 'cites: [w1]\nnames: { __proto__: Evil }') }, file: 'annotations/people/pat.md', line: 6, col: 10, message: 'A key cannot be named "__proto__"' },
  { name: 'a register folder named constructor', files: { 'annotations/constructor/x.md': PERSON }, file: 'annotations/constructor/x.md', line: 1, col: 1, message: 'This file is not in a place the edition reads.' },
  { name: 'a register folder named __proto__', files: { 'annotations/__proto__/x.md': PERSON }, file: 'annotations/__proto__/x.md', line: 1, col: 1, message: 'This file is not in a place the edition reads.' },
];

describe('bad input: one clear problem at the right place', () => {
  it.each(cases)('$name', (c) => {
    const e = edition({ ...base, ...c.files });
    const severity = c.severity ?? 'error';
    const found = e.problems.filter((p) => p.file === c.file && p.severity === severity);
    expect(found.map((p) => p.message).join('\n')).toContain(c.message);
    const p = found.find((x) => x.message.includes(c.message))!;
    expect({ line: p.line, col: p.col }).toEqual({ line: c.line, col: c.col });
    // Nothing else is wrong with the base edition: the problem is this case's own.
    expect(errors(e).filter((x) => x.file !== c.file)).toEqual([]);
  });
  it('the corpus has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));
});

describe('hostile or unusual input that is accepted as text', () => {
  const accepted: [string, string][] = [
    ['a <script> body', '<script>alert(1)</script> is shown as text.\n'],
    ['an MDX expression', 'The value {process.exit(1)} and {props.x} are text.\n'],
    ['import and export lines', "import fs from 'node:fs'\n\nexport const x = 1\n"],
    ['an HTML comment and CDATA', '<!-- hidden --> <![CDATA[ x ]]> text.\n'],
    ['an event handler attribute', '<img src=x onerror="alert(1)"> text.\n'],
    ['SVG with script', '<svg><script>alert(1)</script></svg> text.\n'],
  ];
  it.each(accepted)('%s', (_, body) => {
    const e = edition({ ...base, [N]: note('quote: Alpha\nkind: gloss', body) });
    expect(errors(e)).toEqual([]);
    const n = e.documents.find((d) => d.slug === 'doc')!.notes[0]!;
    expect(JSON.stringify(n.body.tree)).not.toContain('"type":"html"');
  });
  it('CRLF line endings in a note are fine', () => {
    const e = edition({ ...base, [N]: note('quote: Alpha\nkind: gloss').replace(/\n/g, '\r\n') });
    expect(errors(e)).toEqual([]);
    expect(warnings(e).filter((w) => w.file === N)).toEqual([]);
  });
});

describe('names every JavaScript object has are plain names (issue 21, item 7)', () => {
  it('a work keyed constructor, a source and a note named after Object properties: checked, cited and written as MDX without a crash', () => {
    const e = edition({
      ...base,
      'annotations/works.yml': `${WORKS}constructor:\n  title: A work keyed constructor\n  category: scholarship\n`,
      'sources/constructor.txt': SOURCE,
      'annotations/notes/constructor/valueof.md': note('quote: Alpha\nkind: context\ncites: [constructor]'),
      'annotations/people/tostring.md': PERSON.replace('Pat Example', 'Valueof Person').replace('aliases: [Zeta]', 'aliases: [Kappa]').replace('cites: [w1]', 'cites: [constructor]'),
    });
    expect(errors(e)).toEqual([]);
    expect(Object.keys(e.works).sort()).toEqual(['constructor', 'w1']);
    const doc = e.documents.find((d) => d.slug === 'constructor')!;
    expect(doc.notes.map((n) => n.id)).toEqual(['valueof']);
    for (const d of e.documents) expect(documentMdx(d, e)).toContain('data-passage');
  });
});

describe('one mistake, one message (issue 21, item 8)', () => {
  // A source with notes, a structure file, a lock, a register entry it alone mentions and a work it alone cites.
  const LOCK = '# Permanent passage ids of sources/doc.txt\npassages:\n  - id: p1\n    text: Alpha beta gamma.\n  - id: p2\n    text: Delta epsilon. Delta epsilon.\n  - id: p3\n    text: Zeta eta theta iota kappa lambda mu.\n';
  const full = {
    ...base,
    'annotations/works.yml': `${WORKS}w2:\n  title: Another work\n  category: scholarship\n`,
    'annotations/passages/doc.yml': LOCK,
    'annotations/structure/doc.yml': 'headings: [Alpha]\n',
    ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`annotations/notes/doc/n${i}.md`, note(`quote: ${['Alpha', 'gamma', 'epsilon. Delta', 'Zeta', 'theta', 'mu'][i]}\nkind: context\ncites: [w2]\nentities: [person:pat]`)])),
  };
  const only = (files: Record<string, string>) => {
    const e = edition({ ...full, ...files });
    return e.problems.map((p) => `${p.file}:${p.line}:${p.col}  ${p.severity}: ${p.message}`);
  };
  it('the edition itself is clean', () => expect(only({})).toEqual([]));
  it('a byte-order mark in a source: one error, no "There is no source" for its notes, structure or lock', () => {
    expect(only({ 'sources/doc.txt': `\uFEFF${SOURCE}` })).toEqual(['sources/doc.txt:1:1  error: This file starts with a byte-order mark (BOM). Save it as "UTF-8" without BOM.']);
  });
  it('a misspelt field in a source: one error that names the right spelling', () => {
    const problems = only({ 'sources/doc.txt': SOURCE.replace('title:', 'titel:') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('sources/doc.txt:2:1  error: Unknown field "titel" of this source. Did you mean "title"?');
  });
  it('unreadable YAML in a source: one error', () => {
    expect(only({ 'sources/doc.txt': SOURCE.replace('rights: Test.', 'rights: Test: x') })).toHaveLength(1);
  });
  it('a misspelt field in a register entry: one error, not one per note naming the entry', () => {
    const problems = only({ 'annotations/people/pat.md': PERSON.replace('description:', 'descripton:') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('annotations/people/pat.md:4:1  error: Unknown field "descripton" of this register entry. Did you mean "description"?');
  });
  it('a mistake in one work: one error, not one per note citing a work of that file', () => {
    const problems = only({ 'annotations/works.yml': `${WORKS}w2:\n  title: Another work\n  url: not an address\n  category: scholarship\n` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('annotations/works.yml:7:8  error:');
  });
  it('unreadable YAML in the works list: one error', () => {
    expect(only({ 'annotations/works.yml': `${WORKS}w2:\n  title: Another: work\n  category: scholarship\n` })).toHaveLength(1);
  });
});

describe('a very long quote (issue 21, item 10)', () => {
  it('a 200 KB quote is refused at once, not after a long search', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu'];
    const passage = (i: number) => Array.from({ length: 16 }, (_, k) => words[(i * 7 + k * k) % words.length]).join(' ');
    const long = `${SOURCE_META}${Array.from({ length: 1000 }, (_, i) => passage(i)).join('.\n\n')}.\n`;
    const quote = Array.from({ length: 2000 }, (_, i) => passage(i + 3)).join(' ');
    const file = 'annotations/notes/long/n.md';
    const started = performance.now();
    const e = edition({ ...base, 'sources/long.txt': long, [file]: note(`quote: "${quote}"\nkind: gloss`) });
    const took = performance.now() - started;
    const found = errors(e).filter((p) => p.file === file);
    expect(found.map((p) => p.message)).toEqual([expect.stringContaining('longer than any passage of sources/long.txt')]);
    expect(took).toBeLessThan(3000);
  });
});

describe('mention hijack (issue 21, item 6)', () => {
  const mentionsOf = (e: ReturnType<typeof edition>, ref: string) => e.documents.flatMap((d) => d.mentions.filter((m) => m.ref === ref && m.inText).map((m) => `${d.slug}:${m.passage}`));
  it("an entry's not: affects only that entry's own names: it cannot take another entry's links away", () => {
    const clean = edition(base);
    expect(mentionsOf(clean, 'person:pat')).toEqual(['doc:p3']);
    const e = edition({ ...base, 'annotations/people/sam.md': PERSON.replace('Pat Example', 'Sam Example').replace('aliases: [Zeta]', 'aliases: [Kappa]\nnot: [Zeta, Zeta eta]') });
    expect(errors(e)).toEqual([]);
    expect(mentionsOf(e, 'person:pat')).toEqual(['doc:p3']);
  });
  it("still keeps the entry's own names out of the words it lists", () => {
    const e = edition({ ...base, 'annotations/people/pat.md': PERSON.replace('aliases: [Zeta]', 'aliases: [Zeta, Kappa]\nnot: [iota kappa]') });
    expect(mentionsOf(e, 'person:pat')).toEqual(['doc:p3']);
    expect(e.documents.find((d) => d.slug === 'doc')!.mentions.filter((m) => m.ref === 'person:pat').map((m) => SOURCE.split('---\n')[2]!.slice(m.start, m.end))).toEqual(['Zeta']);
  });
});

describe('text in decomposed form (NFD, as macOS often writes it) is the same text (issue 21, item 10)', () => {
  const nfc = 'آزادی و حزب توده و Zoë Müller';
  const nfd = nfc.normalize('NFD');
  const source = (text: string) => `${SOURCE_META}Alpha beta gamma.\n\n${text} آمدند.\n`;
  const person = (name: string) => PERSON.replace('Pat Example', 'Zoë Müller').replace('aliases: [Zeta]', `aliases: [${JSON.stringify(name)}, Zeta]`);
  for (const [label, text, words] of [['an NFD source, NFC note and names', nfd, nfc], ['an NFC source, NFD note and names', nfc, nfd]] as const) {
    it(label, () => {
      expect(nfd).not.toBe(nfc);
      const e = edition({ ...base, 'sources/doc.txt': source(text), [N]: note(`quote: "${words.split(' و ')[0]}"\nkind: gloss`), 'annotations/people/pat.md': person(words.split(' و ')[2]!), 'annotations/organizations/tudeh.md': PERSON.replace('Pat Example', 'Tudeh Party').replace('aliases: [Zeta]', `aliases: [${JSON.stringify(words.split(' و ')[1])}]`) });
      expect(errors(e)).toEqual([]);
      expect(warnings(e).filter((w) => w.file === N)).toEqual([]);
      const doc = e.documents.find((d) => d.slug === 'doc')!;
      const n = doc.notes[0]!;
      expect(doc.body.slice(n.span.start, n.span.end)).toBe(text.split(' و ')[0]);
      const mentions = doc.mentions.filter((m) => m.inText).map((m) => [m.ref, doc.body.slice(m.start, m.end)]);
      expect(mentions).toEqual([['organization:tudeh', text.split(' و ')[1]], ['person:pat', text.split(' و ')[2]]]);
    });
  }
});
