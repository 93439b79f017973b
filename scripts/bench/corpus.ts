/**
 * The benchmark's generated edition: N documents shaped like the three seeds, written as real
 * edition files (sources, notes, structure, registers, works) into a folder.
 *
 * Deterministic: everything comes from one seeded PRNG and from the seed sources' own words, so
 * two runs with the same options write the same bytes and their timings are comparable.
 *
 * Shape (per document, on average): about 20 passages of 40–120 words separated by blank lines
 * (articles and comment threads) or about 25 one-line passages (cables, one document in eight);
 * about 20 notes whose quotes are unique in their document (each passage carries a unique token,
 * `No <doc>-<passage>`, and every quote includes its passage's token); 1–4 mentions of register
 * entries per passage, written in one of each entry's 2–4 spellings (some Persian-script names,
 * some with Arabic letter forms that only match after folding); in about a third of the
 * documents a run of lines of the Persian poem of the 2012 thread, each with a unique number in
 * Persian digits; structure files with headings, comments, bylines, verse, boilerplate and
 * a Persian-in-Latin-letters language span.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Options for {@link generateCorpus}. */
export interface CorpusOptions {
  docs: number;
  /** Register entries in total (people, organisations, places, events). Default 200. */
  entries?: number;
  seed?: number;
}

/** One passage as generated (the floor variant renders the same passages). */
export interface GeneratedPassage {
  text: string;
  lang: 'en' | 'fa';
}

export interface GeneratedNote {
  id: string;
  kind: string;
  body: string;
}

export interface GeneratedDocument {
  slug: string;
  title: string;
  passages: GeneratedPassage[];
  notes: GeneratedNote[];
}

/** What was written, with counts for the report. */
export interface Corpus {
  documents: GeneratedDocument[];
  entries: { ref: string; kind: string; id: string }[];
  counts: {
    documents: number;
    cables: number;
    threads: number;
    articles: number;
    passages: number;
    words: number;
    persianPassages: number;
    notes: number;
    entries: number;
    spellings: number;
    mentions: number;
    works: number;
    sourceBytes: number;
    files: number;
  };
  /** A note file whose body the rebuild measurement edits. */
  noteToEdit: string;
  /** Queries for the first-search probe: a word found in many passages, and a register entry's variant spelling. */
  searchQueries: string[];
}

/** Mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROJECT = join(import.meta.dirname, '../..');

/** The body of a source file (after its front matter). */
function sourceBody(slug: string): string {
  const text = readFileSync(join(PROJECT, 'sources', `${slug}.txt`), 'utf8');
  const end = text.indexOf('\n---\n', 4);
  return end === -1 ? text : text.slice(end + 5);
}

/** Lower-case English words of the two English seeds, in first-seen order. */
function seedVocabulary(): string[] {
  const words = new Set<string>();
  for (const slug of ['noury-trial-2021', 'dimitrov-cable-1941']) {
    for (const w of sourceBody(slug).split(/[^A-Za-z]+/)) if (/^[a-z]{2,12}$/.test(w)) words.add(w);
  }
  return [...words];
}

/** The lines of the Persian poem in the 2012 thread ("آنكس كه …"). */
function poemLines(): string[] {
  return sourceBody('kianouri-confession-2012')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('آنكس كه'));
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persianNumber = (n: number) => String(n).replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!);
const yamlString = (s: string) => JSON.stringify(s);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const FA_LATN = ['khoda ghovat', 'laneh jasoosi', "hey'at markazi", 'afarin, barikala'];
const KINDS = ['context', 'identification', 'translation', 'gloss', 'sic', 'contested', 'unverified', 'later', 'source'];

interface EntrySpec {
  ref: string;
  kind: 'person' | 'organization' | 'place' | 'event';
  folder: string;
  id: string;
  /** Spellings used in English text (the name and its aliases). */
  latin: string[];
  /** A Persian-script name, if any: used in Persian lines, sometimes with Arabic letter forms. */
  persian?: string;
}

/** Writes the edition into `root` (which must be empty or absent) and returns what it wrote. */
export function generateCorpus(root: string, options: CorpusOptions): Corpus {
  const rand = prng(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  let files = 0;
  let sourceBytes = 0;
  const write = (rel: string, text: string) => {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    files++;
    if (rel.startsWith('sources/')) sourceBytes += Buffer.byteLength(text);
  };

  // The edition's settings (no random draw, so the rest of the corpus is as before).
  write(
    'edition.config.yml',
    `# The generated benchmark edition's settings.\ntitle: A generated benchmark edition\neditors: []\nlicence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\nversion: 0.0.1\nreleased: 2000-01-01\n`,
  );

  const vocab = seedVocabulary();
  const vocabSet = new Set(vocab);
  const poem = poemLines();
  if (poem.length === 0) throw new Error('bench: could not find the Persian poem in sources/kianouri-confession-2012.txt');

  // Names: made-up words, each used by one entry only, never an English word of the vocabulary.
  const used = new Set<string>();
  const ONSET = ['b', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'gh', 'ch'];
  const VOWEL = ['a', 'e', 'i', 'o', 'u', 'a', 'o', 'ou'];
  const CODA = ['', '', '', 'n', 'r', 'sh', 'z', 'd'];
  const fresh = (): string => {
    for (;;) {
      let w = '';
      for (let s = int(2, 3); s > 0; s--) w += pick(ONSET) + pick(VOWEL);
      w += pick(CODA);
      if (w.length >= 4 && !used.has(w) && !vocabSet.has(w)) {
        used.add(w);
        return capital(w);
      }
    }
  };
  // Spelling variants, as sources write transliterated names (Kianouri, Kianoury, Kiannory…).
  const RULES: [RegExp, string][] = [[/ou/, 'u'], [/i$/, 'y'], [/u/, 'ou'], [/k/, 'q'], [/v/, 'w'], [/sh/, 'ch'], [/kh/, 'h'], [/a([^aeiou])/, 'a$1$1'], [/o/, 'au'], [/e/, 'eh'], [/$/, 'i']];
  const variants = (word: string, count: number): string[] => {
    const out: string[] = [];
    for (const [re, to] of RULES) {
      if (out.length >= count) break;
      const lower = word.toLowerCase();
      if (!re.test(lower)) continue;
      const v = lower.replace(re, to);
      if (v === lower || used.has(v) || vocabSet.has(v)) continue;
      used.add(v);
      out.push(capital(v));
    }
    return out;
  };
  const PERSIAN_SYLLABLES = ['با', 'دا', 'کا', 'ما', 'نو', 'ری', 'سی', 'لا', 'زا', 'شی', 'خو', 'گل', 'پر', 'ور', 'ده', 'تا', 'جا', 'فر', 'هو', 'مه', 'کی', 'یا'];
  const usedPersian = new Set<string>();
  const freshPersian = (): string => {
    for (;;) {
      let w = '';
      for (let s = int(2, 3); s > 0; s--) w += pick(PERSIAN_SYLLABLES);
      if (!usedPersian.has(w)) {
        usedPersian.add(w);
        return w;
      }
    }
  };

  // Register entries.
  const total = options.entries ?? 200;
  const plan: [EntrySpec['kind'], string, number][] = [
    ['person', 'people', Math.round(total * 0.45)],
    ['organization', 'organizations', Math.round(total * 0.2)],
    ['place', 'places', Math.round(total * 0.2)],
  ];
  plan.push(['event', 'events', total - plan.reduce((n, p) => n + p[2], 0)]);
  const entries: EntrySpec[] = [];
  for (const [kind, folder, count] of plan) {
    for (let i = 1; i <= count; i++) {
      const id = `${kind === 'organization' ? 'org' : kind}-${i}`;
      const word = fresh();
      let latin: string[];
      if (kind === 'person') {
        const given = fresh();
        latin = [`${given} ${word}`, ...variants(word, int(1, 3))];
      } else if (kind === 'organization') {
        const noun = pick(['Party', 'Front', 'Union', 'Committee', 'Council']);
        latin = [`${word} ${noun}`, ...variants(word, int(1, 2)).map((v) => `${v} ${noun}`)];
      } else if (kind === 'place') {
        latin = [word, ...variants(word, int(1, 3))];
      } else {
        const noun = pick(['Rising', 'Trial', 'Congress', 'Crackdown', 'Accord']);
        latin = [`${word} ${noun}`, ...variants(word, int(1, 2)).map((v) => `${v} ${noun.toLowerCase()}`)];
      }
      const spec: EntrySpec = { ref: `${kind}:${id}`, kind, folder, id, latin };
      if (kind !== 'event' && chance(0.3)) spec.persian = freshPersian();
      entries.push(spec);
    }
  }

  // Works: a few, each cited by notes and entries.
  const works = Array.from({ length: 5 }, (_, i) => `bench-work-${i + 1}`);
  write(
    'annotations/works.yml',
    `# Works cited by the generated benchmark edition.\n\n${works
      .map((key, i) => `${key}:\n  type: ${pick(['book', 'article-journal', 'webpage', 'report', 'chapter'])}\n  author: [${yamlString(`${fresh()}, ${fresh()}`)}]\n  title: ${yamlString(`${capital(pick(vocab))} ${pick(vocab)} ${pick(vocab)}: a generated work ${i + 1}`)}\n  category: scholarship\n  publisher: Benchmark Press\n  date: ${1960 + i * 11}\n  url: https://example.org/bench/works/${i + 1}\n`)
      .join('\n')}`,
  );

  // Mentions are spread with a skew (a few entries are everywhere, most are rare), and the
  // first mentions go round all entries so that every entry is mentioned somewhere.
  const weights = entries.map((_, i) => 1 / Math.pow(i % 37 + 1, 0.8));
  const cumulative: number[] = [];
  weights.reduce((acc, w, i) => (cumulative[i] = acc + w), 0);
  const weightSum = cumulative[cumulative.length - 1]!;
  let roundRobin = 0;
  const pickEntry = (): EntrySpec => {
    if (roundRobin < entries.length) return entries[roundRobin++]!;
    const x = rand() * weightSum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return entries[lo]!;
  };
  let mentions = 0;
  const latinMention = (): string => {
    mentions++;
    const e = pickEntry();
    if (e.persian && chance(0.15)) return chance(0.5) ? e.persian.replace(/ک/g, 'ك').replace(/ی/g, 'ي') : e.persian;
    const name = pick(e.latin);
    return chance(0.1) ? name.toUpperCase() : name;
  };
  const sentence = (min: number, max: number, withMentions: number): string[] => {
    const words = Array.from({ length: int(min, max) }, () => pick(vocab));
    for (let m = 0; m < withMentions; m++) words.splice(int(0, words.length), 0, latinMention());
    words[0] = capital(words[0]!);
    for (let i = 1; i < words.length - 1; i++) if (chance(0.06)) words[i] += ',';
    words[words.length - 1] += pick(['.', '.', '.', '?', ';']);
    return words;
  };
  /** Words of a prose passage of about `min`–`max` words with its token at a random place. */
  const prose = (min: number, max: number, token: string, mentionsWanted: number): string[] => {
    const words: string[] = [];
    const target = int(min, max);
    let left = mentionsWanted;
    while (words.length < target) {
      const m = left > 0 && chance(0.6) ? 1 : 0;
      left -= m;
      words.push(...sentence(6, 18, m));
    }
    if (left > 0) words.splice(int(0, words.length), 0, ...Array.from({ length: left }, latinMention));
    words.splice(int(1, Math.max(1, words.length - 3)), 0, 'No', token);
    return words;
  };

  const docs: GeneratedDocument[] = [];
  const counts = { cables: 0, threads: 0, articles: 0, passages: 0, words: 0, persianPassages: 0, notes: 0 };
  let noteToEdit = '';
  const width = String(options.docs).length;
  for (let d = 1; d <= options.docs; d++) {
    const slug = `bench-${String(d).padStart(width, '0')}`;
    const shape = d % 8 === 3 ? 'cable' : d % 4 === 1 ? 'thread' : 'article';
    counts[shape === 'cable' ? 'cables' : shape === 'thread' ? 'threads' : 'articles']++;
    // Passages as word arrays (joined with single spaces), with their role in the structure.
    // Every passage carries a unique token: `No <doc>-<nnn>` (fixed width, so no token is a
    // prefix of another) or, in a Persian line, a number in Persian digits.
    type P = { words: string[]; lang: 'en' | 'fa'; token: string; role: 'heading' | 'text' | 'title' | 'byline' | 'verse' | 'boilerplate'; wrap?: boolean };
    const ps: P[] = [];
    const tok = () => `${d}-${String(ps.length + 1).padStart(3, '0')}`;
    const add = (p: Omit<P, 'token'>) => ps.push({ ...p, token: p.lang === 'fa' ? p.words[p.words.length - 1]! : tok() });
    const title = sentence(4, 9, chance(0.5) ? 1 : 0).join(' ').replace(/[.?;]$/, '');
    const structure = { headings: [] as string[], comments: [] as string[], boilerplate: [] as string[], verse: [] as string[], languages: [] as string[] };
    const quoteOf = (p: P) => {
      const i = p.lang === 'fa' ? p.words.length - 1 : p.words.indexOf(p.token) - 1;
      return p.words.slice(i, i + (p.lang === 'fa' ? 1 : 3)).join(' ');
    };
    if (shape === 'cable') {
      add({ words: [...`${int(1, 28)} ${pick(['January', 'March', 'June', 'September', 'December'])} ${int(1941, 1990)}`.split(' '), 'No', tok()], lang: 'en', role: 'heading' });
      add({ words: ['STRICTLY', 'SECRET', 'No', tok()], lang: 'en', role: 'text' });
      add({ words: ['To', latinMention(), 'and', latinMention(), 'No', tok()], lang: 'en', role: 'text' });
      for (let i = int(18, 26); i > 0; i--) add({ words: prose(5, 22, tok(), chance(0.5) ? 1 : 0), lang: 'en', role: 'text' });
      add({ words: ['Signed', latinMention(), 'No', tok()], lang: 'en', role: 'text' });
      add({ words: ['This', 'document', 'was', 'made', 'possible', 'by', 'a', 'generated', 'archive', 'No', tok()], lang: 'en', role: 'boilerplate' });
      structure.headings.push(quoteOf(ps[0]!));
      structure.boilerplate.push(`  - from: ${yamlString(quoteOf(ps[ps.length - 1]!))}\n    label: Archive page furniture`);
    } else {
      add({ words: [...title.split(' '), 'No', tok()], lang: 'en', role: 'heading' });
      structure.headings.push(quoteOf(ps[0]!));
      const body = shape === 'thread' ? 3 : int(15, 22);
      for (let i = 0; i < body; i++) add({ words: prose(40, 120, tok(), int(1, 4)), lang: 'en', role: 'text', wrap: chance(0.1) });
      if (shape === 'thread') {
        const comments = int(5, 7);
        for (let c = 0; c < comments; c++) {
          const t = ps.length;
          add({ words: [...sentence(3, 8, chance(0.3) ? 1 : 0).join(' ').replace(/[.?;]$/, '').split(' '), 'No', tok()], lang: 'en', role: 'title' });
          let byline = '';
          if (chance(0.4)) {
            const speaker = `${fresh()} ${fresh()}`;
            add({ words: ['by', ...speaker.split(' '), 'on', 'No', tok()], lang: 'en', role: 'byline' });
            byline = `\n    byline: ${yamlString(quoteOf(ps[ps.length - 1]!))}\n    speaker: ${yamlString(speaker)}`;
          }
          structure.comments.push(`  - title: ${yamlString(quoteOf(ps[t]!))}${byline}`);
          for (let i = int(1, 3); i > 0; i--) add({ words: prose(40, 120, tok(), int(1, 4)), lang: 'en', role: 'text' });
        }
      }
      if (d % 3 === 0) {
        // A run of lines of the Persian poem, each with a unique number (and sometimes a name).
        const from = ps.length;
        for (let i = int(2, 4); i > 0; i--) {
          const e = entries.find((x, k) => x.persian && k % 7 === (d + i) % 7) ?? entries.find((x) => x.persian);
          const name = e?.persian && chance(0.5) ? [e.persian] : [];
          if (name.length) mentions++;
          add({ words: [...pick(poem).split(' '), ...name, persianNumber(d * 1000 + ps.length + 1)], lang: 'fa', role: 'verse' });
        }
        structure.verse.push(`  - from: ${yamlString(quoteOf(ps[from]!))}\n    to: ${yamlString(quoteOf(ps[ps.length - 1]!))}`);
        add({ words: prose(40, 90, tok(), int(1, 3)), lang: 'en', role: 'text' });
      }
      if (chance(0.5)) {
        add({ words: ['Share', 'this', 'page', 'and', 'follow', 'us', 'No', tok()], lang: 'en', role: 'boilerplate' });
        structure.boilerplate.push(`  - from: ${yamlString(quoteOf(ps[ps.length - 1]!))}\n    label: Page furniture`);
      }
    }
    // A phrase of Persian in Latin letters, once in the document, declared as a language span.
    if (chance(0.3)) {
      const phrase = pick(FA_LATN);
      const target = ps.filter((p) => p.role === 'text' && p.words.length > 20);
      const p = target.length ? pick(target) : undefined;
      if (p) {
        p.words.splice(p.words.length - 1, 0, ...phrase.split(' '));
        structure.languages.push(`  - { quote: ${yamlString(phrase)}, lang: fa-Latn }`);
      }
    }

    const passages: GeneratedPassage[] = ps.map((p) => {
      let text = p.words.join(' ');
      if (p.wrap) {
        const at = text.indexOf(' ', Math.floor(text.length / 2));
        if (at > 0) text = `${text.slice(0, at)}\n${text.slice(at + 1)}`;
      }
      return { text, lang: p.lang };
    });
    const body = passages.map((p) => p.text).join(shape === 'cable' ? '\n' : '\n\n');
    const languages = ['en', ...(ps.some((p) => p.lang === 'fa') || body.match(/[\u0600-\u06FF]/) ? ['fa'] : []), ...(structure.languages.length ? ['fa-Latn'] : [])];
    const year = int(1941, 2024);
    const author = pick(entries);
    const authors = shape === 'thread' ? '[]' : `[${author.kind === 'person' ? author.ref : yamlString(`${fresh()} ${fresh()}`)}]`;
    const meta = [
      `title: ${yamlString(`${title} (generated ${d})`)}`,
      `date: ${chance(0.2) ? `{ value: ${year}-${String(int(1, 12)).padStart(2, '0')}, approximate: true, note: "Dated from the text." }` : `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`}`,
      `type: ${shape === 'cable' ? 'cable' : shape === 'thread' ? 'blog-thread' : 'article'}`,
      `languages: [${languages.join(', ')}]`,
      ...(shape === 'cable' ? ['translated_from: ru', `recipients: [${entries.filter((e) => e.kind === 'person').slice(d % 5, (d % 5) + 2).map((e) => e.ref).join(', ')}]`] : []),
      `authors: ${authors}`,
      shape === 'cable'
        ? `archive: { name: Generated Digital Archive, url: "https://example.org/archive/${slug}", record_id: "${d}" }`
        : `publisher: { name: Generated Publisher ${d % 9}, url: "https://example.org/publisher/${d % 9}" }`,
      `url: https://example.org/sources/${slug}`,
      `rights: Generated text for the build benchmark; no rights reserved.`,
      `summary: ${yamlString(sentence(20, 40, 0).join(' '))}`,
      `content_note: ${chance(0.3) ? yamlString('This generated document describes violence.') : 'null'}`,
      `source_note: ${chance(0.5) ? yamlString(sentence(10, 20, 0).join(' ')) : 'null'}`,
      `passages: ${shape === 'cable' ? 'line' : 'blank-line'}`,
      `cites: [${pick(works)}]`,
    ];
    write(`sources/${slug}.txt`, `---\n${meta.join('\n')}\n---\n${body}\n`);
    counts.passages += ps.length;
    counts.words += ps.reduce((n, p) => n + p.words.length, 0);
    counts.persianPassages += ps.filter((p) => p.lang === 'fa').length;

    const yaml = [
      structure.headings.length ? `headings:\n${structure.headings.map((q) => `  - ${yamlString(q)}`).join('\n')}` : '',
      structure.comments.length ? `comments:\n${structure.comments.join('\n')}` : '',
      structure.boilerplate.length ? `boilerplate:\n${structure.boilerplate.join('\n')}` : '',
      structure.verse.length ? `verse:\n${structure.verse.join('\n')}` : '',
      structure.languages.length ? `languages:\n${structure.languages.join('\n')}` : '',
    ].filter(Boolean);
    write(`annotations/structure/${slug}.yml`, `# Structure of the generated ${slug}.\n${yaml.join('\n')}\n`);

    // Notes: about 20, each quoting words around its passage's unique token.
    const eligible = ps.filter((p) => p.role !== 'boilerplate' && p.role !== 'byline');
    const notes: GeneratedNote[] = [];
    const noteCount = Math.min(eligible.length * 2, int(17, 23));
    for (let n = 1; n <= noteCount; n++) {
      const p = pick(eligible);
      let quote: string;
      if (p.lang === 'fa') {
        quote = p.words.slice(Math.max(0, p.words.length - int(2, 4))).join(' ');
      } else {
        const i = p.words.indexOf(p.token) - 1;
        const before = Math.min(i, int(0, 2));
        const after = Math.min(p.words.length - i - 2, int(0, 4));
        quote = p.words.slice(i - before, i + 2 + after).join(' ');
      }
      const kind = pick(KINDS);
      const cites = Array.from(new Set([pick(works), ...(chance(0.4) ? [pick(works)] : [])]));
      const citeYaml = cites.map((w) => (chance(0.3) ? `{ work: ${w}, at: "p. ${int(1, 400)}" }` : w)).join(', ');
      const linked = pick(entries);
      const sentences = Array.from({ length: int(1, 3) }, () => sentence(8, 24, 0).join(' '));
      if (chance(0.5)) sentences.push(`See [${linked.latin[0]}](${linked.ref}).`);
      if (chance(0.2)) sentences.push(`More in *${pick(vocab)}* at [the archive](https://example.org/notes/${slug}/${n}).`);
      const body = sentences.join(' ');
      const entities = chance(0.3) ? `\nentities: [${pick(entries).ref}]` : '';
      const id = `note-${n}`;
      write(`annotations/notes/${slug}/${id}.md`, `---\nquote: ${yamlString(quote)}\nkind: ${kind}${entities}\ncites: [${citeYaml}]\n---\n${body}\n`);
      notes.push({ id, kind, body });
      if (d === Math.ceil(options.docs / 2) && n === 1) noteToEdit = `annotations/notes/${slug}/${id}.md`;
    }
    counts.notes += notes.length;
    docs.push({ slug, title: `${title} (generated ${d})`, passages, notes });
  }

  // Register entry files.
  const byKind = (k: EntrySpec['kind']) => entries.filter((e) => e.kind === k);
  for (const e of entries) {
    const aliases = e.latin.slice(1).map(yamlString);
    const related = Array.from(new Set(Array.from({ length: int(0, 3) }, () => pick(entries).ref).filter((r) => r !== e.ref)));
    const year = int(1880, 1990);
    const dates =
      e.kind === 'person'
        ? `born: ${chance(0.2) ? `{ value: ${year}, alternatives: [${year - 3}], note: "Sources differ." }` : year}${chance(0.6) ? `\ndied: ${Math.min(2024, year + int(30, 90))}-${String(int(1, 12)).padStart(2, '0')}` : ''}`
        : `start: ${e.kind === 'event' ? `${int(1941, 2024)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}` : year}${chance(0.4) ? `\nend: ${year + int(1, 60)}` : ''}`;
    const other = pick(byKind(e.kind === 'person' ? 'organization' : 'person'));
    const text = [
      '---',
      `name: ${yamlString(e.latin[0]!)}`,
      ...(e.persian ? [`names: { fa: ${yamlString(e.persian)} }`] : []),
      ...(aliases.length ? [`aliases: [${aliases.join(', ')}]`] : []),
      `description: ${yamlString(`${capital(sentence(6, 14, 0).join(' ').replace(/[.?;]$/, ''))} (generated ${e.kind} ${e.id}).`)}`,
      dates,
      ...(related.length ? [`related: [${related.join(', ')}]`] : []),
      `cites: [${pick(works)}]`,
      '---',
      `${sentence(15, 30, 0).join(' ')} See [${other.latin[0]}](${other.ref}) and [a source](https://example.org/entries/${e.id}).`,
      '',
      sentence(15, 30, 0).join(' '),
      '',
    ].join('\n');
    write(`annotations/${e.folder}/${e.id}.md`, text);
  }

  return {
    documents: docs,
    entries: entries.map((e) => ({ ref: e.ref, kind: e.kind, id: e.id })),
    counts: {
      documents: docs.length,
      ...counts,
      entries: entries.length,
      spellings: entries.reduce((n, e) => n + e.latin.length + (e.persian ? 1 : 0), 0),
      mentions,
      works: works.length,
      sourceBytes,
      files,
    },
    noteToEdit,
    searchQueries: [vocab.find((w) => w.length >= 6) ?? vocab[0]!, (entries.find((e) => e.latin.length > 2) ?? entries[0]!).latin.at(-1)!],
  };
}
