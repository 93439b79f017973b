/**
 * Reading the documents in Chromium (issue 18): note markers that never wrap alone nor open up
 * their line; notes beside their markers on wide screens and opened in place on phones; passage
 * tools without hover, outside headings, adding no tab stop; 24 px targets; the handout's
 * numbers; print; fonts; header; contents and navigation.
 * Runs against dist/ (run `npm run build` first; built into a temporary folder if missing).
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-text.ts';
import { useSeedSite } from '../helpers/seed-site.ts';

const seed = useSeedSite();
const DOCS = ['dimitrov-cable-1941', 'kianouri-confession-2012', 'noury-trial-2021'];
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const WIDE: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

async function open(path: string, options: BrowserContextOptions = WIDE): Promise<Page> {
  const context = await seed.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(seed.site.url + path);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(200); // notes placed after the fonts
  return page;
}
const done = (page: Page) => page.context().close();

/** Where each marker sits against the last character before it, and the line pitch of passages with markers. */
function measureMarkers() {
  const out = { markers: 0, apart: [] as string[], spaced: [] as string[], pitches: [] as string[] };
  const passages = [...document.querySelectorAll<HTMLElement>('[data-passage]')].filter((p) => p.querySelector('a[data-footnote-ref]') && !p.closest('details:not([open])'));
  for (const p of passages) {
    const texts: Text[] = [];
    const walker = document.createTreeWalker(p.querySelector('.passage-text')!, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (!t.parentElement!.closest('sup')) texts.push(t as Text);
    for (const a of p.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
      out.markers++;
      const sup = a.parentElement!;
      const before = texts.filter((t) => t.compareDocumentPosition(sup) & Node.DOCUMENT_POSITION_FOLLOWING);
      const last = before.reverse().find((t) => /\S/.test(t.data));
      if (!last) continue;
      const i = last.data.search(/\S\s*$/);
      const range = document.createRange();
      range.setStart(last, i);
      range.setEnd(last, i + 1);
      const c = [...range.getClientRects()].pop()!;
      const m = a.getBoundingClientRect();
      const sameLine = m.bottom > c.top && m.top < c.bottom;
      if (!sameLine) out.apart.push(`${p.id} note ${a.textContent}`);
      // No space of ours before a marker that follows its word directly in the source.
      const direct = last === before[0] && i === last.data.length - 1;
      const gap = Math.min(Math.abs(m.left - c.right), Math.abs(c.left - m.right));
      if (direct && sameLine && gap > 3) out.spaced.push(`${p.id} note ${a.textContent}: ${gap.toFixed(1)} px`);
    }
    // Every line of the passage is as far from the next as the line height says.
    if (p.querySelector('[dir="rtl"]') || p.matches('[dir="rtl"]')) continue;
    const lineHeight = parseFloat(getComputedStyle(p.querySelector('.passage-text')!).lineHeight);
    const bottoms: number[] = [];
    for (const t of texts) {
      const r = document.createRange();
      r.selectNodeContents(t);
      for (const rect of r.getClientRects()) if (rect.width > 0 && !bottoms.some((b) => Math.abs(b - rect.bottom) < 3)) bottoms.push(rect.bottom);
    }
    bottoms.sort((a, b) => a - b);
    for (let k = 1; k < bottoms.length; k++) {
      const pitch = bottoms[k]! - bottoms[k - 1]!;
      if (Math.abs(pitch - lineHeight) > 1.5) out.pitches.push(`${p.id}: line ${k} is ${pitch.toFixed(1)} px below the one above (line height ${lineHeight.toFixed(1)})`);
    }
  }
  return out;
}

describe('note markers', () => {
  for (const [label, options] of [['375 px', PHONE], ['1280 px', WIDE]] as const) {
    it(`stay on the line of their last word, with no space before them and no change of line spacing (${label})`, async () => {
      for (const slug of DOCS) {
        const page = await open(`documents/${slug}/`, options);
        const r = await page.evaluate(measureMarkers);
        expect(r.markers, slug).toBeGreaterThan(10);
        expect(r.apart, slug).toEqual([]);
        expect(r.spaced, slug).toEqual([]);
        expect(r.pitches, slug).toEqual([]);
        await done(page);
      }
    });
  }
});

/** For each note: its top minus its marker's top, and overlaps between neighbouring notes. */
function measureSidenotes() {
  const offsets: number[] = [];
  const overlaps: string[] = [];
  let previous: DOMRect | null = null;
  for (const li of document.querySelectorAll<HTMLElement>('section[data-footnotes] > ol > li')) {
    const ref = document.querySelector<HTMLElement>(`a[data-footnote-ref][href="#${CSS.escape(li.id)}"]`)!;
    const r = li.getBoundingClientRect();
    if (!ref.closest('details:not([open])')) offsets.push(r.top - ref.getBoundingClientRect().top);
    if (previous && r.top < previous.bottom - 0.5) overlaps.push(li.id);
    previous = r;
  }
  const sorted = [...offsets].sort((a, b) => a - b);
  return { offsets, median: sorted[Math.floor(sorted.length / 2)]!, max: Math.max(...offsets.map(Math.abs)), overlaps };
}

describe('notes beside their markers (1280 px)', () => {
  it('each note is level with its marker (median ≤ 24 px, none more than a viewport away) and none overlaps another', async () => {
    for (const slug of DOCS) {
      const page = await open(`documents/${slug}/`);
      const r = await page.evaluate(measureSidenotes);
      console.log(`${slug}: ${r.offsets.length} notes, marker → note median ${r.median.toFixed(1)} px, largest ${r.max.toFixed(1)} px`);
      expect(r.offsets.length, slug).toBeGreaterThan(10);
      expect(Math.abs(r.median), slug).toBeLessThanOrEqual(24);
      expect(r.max, slug).toBeLessThanOrEqual(900);
      expect(r.overlaps, slug).toEqual([]);
      // Beside the text, not under it.
      const right = await page.$eval('section.text', (t) => {
        const edge = t.querySelector('[data-passage]')!.getBoundingClientRect().right;
        return [...t.querySelectorAll('section[data-footnotes] li')].every((li) => li.getBoundingClientRect().left > edge);
      });
      expect(right, slug).toBe(true);
      await done(page);
    }
  });
  it('the text does not move when the notes place themselves (same as without scripts)', async () => {
    const positions = (page: Page) =>
      page.$$eval('[data-passage]', (ps) => {
        const text = document.querySelector('section.text')!.getBoundingClientRect();
        return ps.map((p) => { const r = p.getBoundingClientRect(); return `${p.id} ${Math.round(r.top - text.top)} ${Math.round(r.left)} ${Math.round(r.width)} ${Math.round(r.height)}`; });
      });
    for (const slug of DOCS) {
      const page = await open(`documents/${slug}/`);
      const bare = await open(`documents/${slug}/`, { ...WIDE, javaScriptEnabled: false });
      expect(await positions(page), slug).toEqual(await positions(bare));
      await done(page);
      await done(bare);
    }
  });
  it('a cut note is shown whole by its "more" button (keyboard and mouse) and by following its marker', async () => {
    const page = await open('documents/dimitrov-cable-1941/');
    const id = await page.$eval('section[data-footnotes] li.is-cut', (li) => li.id);
    const toggle = page.locator(`#${id} .note-toggle`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const whole = () => page.$eval(`#${id}`, (li) => li.scrollHeight <= li.clientHeight + 1 && !li.classList.contains('is-cut'));
    expect(await whole()).toBe(false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await whole()).toBe(true);
    expect((await page.evaluate(measureSidenotes)).overlaps).toEqual([]);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await whole()).toBe(false);
    // Following the marker shows the note whole and gives it focus.
    await page.click(`a[data-footnote-ref][href="#${id}"]`);
    await page.waitForFunction((x) => document.activeElement?.id === x, id);
    expect(await whole()).toBe(true);
    await done(page);
  });
});

describe('notes on a phone (375 px)', () => {
  it('tapping a marker opens the note under its passage, naming ¶ and words; a second tap closes it', async () => {
    const page = await open('documents/kianouri-confession-2012/', PHONE);
    const marker = page.locator('#p16 a[data-footnote-ref]').first();
    await marker.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    await marker.tap();
    const panel = page.locator('#p16 + .note-inline');
    await panel.waitFor();
    expect(await page.evaluate(() => scrollY)).toBeLessThan(y + 812); // no jump to the end of the page
    const text = (await panel.textContent())!;
    // The note of that marker, which says which words of ¶16 it is on.
    const note = (await page.locator((await marker.getAttribute('href'))!).textContent())!;
    expect(text).toMatch(/on ¶16: “[^”]+”/);
    expect(text.replace(/\s+/g, ' ')).toContain(note.replace(/\s+/g, ' ').replace(/\s*↩.*$/, '').trim().slice(-40));
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    await marker.tap();
    await page.waitForFunction(() => document.querySelectorAll('.note-inline').length === 0);
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
    await done(page);
  });
  it('Escape and the Close button close it, giving focus back to the marker', async () => {
    const page = await open('documents/dimitrov-cable-1941/', PHONE);
    const marker = page.locator('a[data-footnote-ref]').nth(3);
    const id = await marker.getAttribute('id');
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.locator('.note-inline').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('.note-inline').length === 0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    await marker.tap();
    await page.locator('.note-inline-close').tap();
    expect(await page.locator('.note-inline').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    await done(page);
  });
  it('without scripts a marker is a plain link to its note in the list', async () => {
    const page = await open('documents/dimitrov-cable-1941/', { ...PHONE, javaScriptEnabled: false });
    const marker = page.locator('a[data-footnote-ref]').first();
    const href = (await marker.getAttribute('href'))!;
    expect(href).toMatch(/^#fn-/);
    await marker.tap();
    await page.waitForURL((u) => u.hash === href);
    expect(await page.$eval(':target', (e) => e.tagName)).toBe('LI');
    await done(page);
  });
  it('markers, back links, note and toolbar buttons, ¶ numbers and the header’s controls are at least 24 × 24 px targets', async () => {
    const page = await open('documents/kianouri-confession-2012/', PHONE);
    await page.locator('#p16 a[data-footnote-ref]').first().tap();
    await page.locator('#p16 .passage-number').tap();
    const small = await page.evaluate(() => {
      const selectors = ['a[data-footnote-ref]', 'a[data-footnote-backref]', '.note-inline button', '.note-inline a', '.passage-toolbar button', '.passage-number', '.site-header a', '.site-header button', '.site-header input', '.document-nav a'];
      const bad: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
        if (el.closest('[hidden]') || (el.closest('details:not([open])') && !el.closest('summary')) || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        // A citation in a note's "Sources:" sentence is an inline link, sized by the line's text (WCAG 2.5.8's inline exception).
        if (el.closest('.note-sources')) continue;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        // The 24 × 24 px square around its centre belongs to it (or to its content).
        const hits = [[x - 11.5, y], [x + 11.5, y], [x, y - 11.5], [x, y + 11.5]].map(([px, py]) => document.elementFromPoint(px!, py!));
        // Adjacent markers share their edges (WCAG 2.5.8's spacing exception): only the vertical extent is required of them.
        const adjacent = el.matches('a[data-footnote-ref]') && el.parentElement!.nextElementSibling?.matches('sup');
        const need = adjacent ? hits.slice(2) : hits;
        if (!need.every((h) => h && (h === el || el.contains(h)))) bad.push(`${el.className || el.tagName} ${el.textContent?.trim().slice(0, 20)}`);
      }
      return bad;
    });
    expect(small).toEqual([]);
    await done(page);
  });
});

describe('passage tools', () => {
  it('open from the ¶ number by tap or keyboard, under the passage, outside any heading; at most one tab stop per passage', async () => {
    const page = await open('documents/kianouri-confession-2012/', PHONE);
    // A comment title (a heading): its tools open under it, and its name stays its words.
    const title = await page.$eval('h3[data-passage]', (h) => h.id);
    await page.locator(`#${title} .passage-number`).tap();
    const bar = page.locator(`#${title} + .passage-toolbar`);
    await bar.waitFor();
    expect(await page.$$eval('h1 button, h2 button, h3 button, h4 button', (b) => b.length)).toBe(0);
    const words = await page.$eval(`#${title} .passage-text`, (s) => s.textContent!.replace(/\d+$/, '').trim());
    expect(await page.getByRole('heading', { name: words }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: /Copy link|Cite|Passage \d/ }).count()).toBe(0);
    // The toolbar covers no text: it is in the flow, after the passage.
    expect(await bar.evaluate((b) => getComputedStyle(b).position)).toBe('static');
    // Keyboard: Enter on a number opens its toolbar with focus on Copy link; Escape closes it.
    await page.locator('#p14 .passage-number').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.className === 'copy-link');
    expect(await page.locator('.passage-toolbar').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('.passage-toolbar').length === 0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Passage 14');
    // Tab stops inside passages: the ¶ number, and the text's own links (mentions, markers).
    const stops = await page.$$eval('[data-passage]', (ps) =>
      ps.map((p) => [...p.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter((e) => e.tabIndex >= 0 && !e.matches('a[data-entity], a[data-footnote-ref]')).length),
    );
    expect(Math.max(...stops)).toBeLessThanOrEqual(1);
    const total = await page.$$eval('a[href], button:not([hidden]), input, select, textarea, summary, [tabindex]', (els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0 && (e as HTMLElement).getClientRects().length > 0).length);
    console.log(`kianouri-confession-2012: ${total} tab stops, ${stops.length} passages`);
    await done(page);
  });
});

describe('handout', () => {
  it('numbers each note as its marker on the page', async () => {
    const page = await open('documents/dimitrov-cable-1941/handout/?from=16&to=18');
    const pairs = await page.$$eval('section[data-footnotes] > ol > li:not([hidden])', (lis) =>
      lis.map((li) => [(li as HTMLLIElement).value, Number(document.querySelector(`a[data-footnote-ref][href="#${CSS.escape(li.id)}"]`)!.textContent)]),
    );
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs[0]![1]).toBeGreaterThan(1);
    for (const [value, marker] of pairs) expect(value).toBe(marker);
    await done(page);
  });
});

const squash = (t: string) => t.replace(/\s+/g, '');

describe('on paper', () => {
  for (const path of ['documents/dimitrov-cable-1941/', 'documents/dimitrov-cable-1941/handout/?from=16&to=18']) {
    it(`${path} prints title, address and suggested citation first; provenance open; no back-link arrows; the edition's fonts; the works cited`, async () => {
      const page = await open(path, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
      const title = (await page.textContent('h1'))!;
      const address = (await page.textContent('.print-head a'))!;
      const citation = (await page.textContent('.print-head pre'))!;
      expect(citation).toMatch(/Accessed \w+ \d+, \d{4}\./); // the reader's date, filled in
      const pdf = pdfText(await page.pdf({ format: 'A4' }));
      const first = squash(pdf.pages[0]!);
      const all = squash(pdf.pages.join(''));
      expect(first).toContain(squash(title));
      expect(first).toContain(squash(address));
      expect(address).toMatch(/^https?:\/\/[^/]+\/documents\/dimitrov-cable-1941\/$/); // the document's own address, as cited
      expect(first).toContain(squash(citation));
      expect(first.indexOf(squash(title))).toBeLessThan(first.indexOf(squash(citation)));
      expect(all).not.toContain('↩');
      expect(pdf.pages.filter((t) => !t.trim()).length, 'blank printed pages').toBe(0);
      expect(all).toContain('Workscitedinthenotes');
      expect(pdf.families.some((f) => /^Source ?Serif ?4/.test(f))).toBe(true);
      expect(pdf.families.filter((f) => /serif|times|georgia/i.test(f) && !/^Source ?Serif ?4/.test(f))).toEqual([]);
      expect(pdf.italic).toBe(true); // the serif's own italic (the words a note explains are set in it)
      if (!path.includes('handout')) {
        // Provenance, folded on screen, is printed open.
        const rights = await page.$eval('details.provenance dd:last-of-type', (d) => d.textContent!);
        expect(all).toContain(squash(rights));
      } else {
        // Only the works the printed notes cite.
        const [listed, cited] = await page.evaluate(() => {
          const shown = new Set<string>();
          for (const li of document.querySelectorAll<HTMLElement>('section[data-footnotes] li:not([hidden])')) for (const a of li.querySelectorAll<HTMLAnchorElement>('a[href*="/works/"][href*="#"]')) shown.add(a.hash.slice(1));
          return [[...document.querySelectorAll<HTMLElement>('.works-cited li:not([hidden])')].map((li) => li.dataset.work!).sort(), [...shown].sort()];
        });
        expect(listed).toEqual(cited);
        expect(listed.length).toBeGreaterThan(0);
      }
      await done(page);
    });
  }
  it('paper is light in the dark theme, and so is the handout on screen', async () => {
    const page = await open('documents/kianouri-confession-2012/', { ...WIDE, colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ media: 'print' });
    const colours = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color, getComputedStyle(document.querySelector('.footnotes li')!).color, getComputedStyle(document.querySelector('.content-note')!).backgroundColor]);
    expect(dark).not.toBe(colours[0]);
    const luminance = (c: string) => { const [r, g, b] = c.match(/\d+(\.\d+)?/g)!.map(Number); return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255; };
    expect(luminance(colours[0]!)).toBeGreaterThan(0.95);
    expect(luminance(colours[1]!)).toBeLessThan(0.2);
    expect(luminance(colours[2]!)).toBeLessThan(0.4);
    expect(luminance(colours[3]!)).toBeGreaterThan(0.95);
    await done(page);
    const handout = await open('documents/dimitrov-cable-1941/handout/', { ...WIDE, colorScheme: 'dark' });
    expect(luminance(await handout.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))).toBeGreaterThan(0.95);
    await done(handout);
  });
});

describe('type and weight', () => {
  it('a document page fetches at most 100 KB of fonts; the Persian face (Arabic-script subset only) only where there is Persian; the serif has its real italic', async () => {
    for (const slug of DOCS) {
      const context = await seed.browser.newContext(WIDE);
      const page = await context.newPage();
      const fonts: { url: string; bytes: number }[] = [];
      page.on('response', (r) => {
        if (/\.woff2?$/.test(new URL(r.url()).pathname)) void r.body().then((b) => fonts.push({ url: r.url(), bytes: b.length }));
      });
      await page.goto(`${seed.site.url}documents/${slug}/`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      const total = fonts.reduce((s, f) => s + f.bytes, 0);
      console.log(`${slug}: ${fonts.length} font files, ${(total / 1024).toFixed(1)} KB`);
      expect(total, slug).toBeLessThanOrEqual(100 * 1024);
      // Persian as the edition marks it (passages and words with lang="fa", right to left).
      const persian = await page.evaluate(() => document.querySelector('section.text [lang="fa"], section.text [dir="rtl"]') !== null);
      const persianFonts = fonts.filter((f) => /vazirmatn|naskh/i.test(f.url));
      expect(persianFonts.length, slug).toBe(persian ? 1 : 0);
      for (const f of persianFonts) expect(f.url).toMatch(/arabic/);
      const italic = await page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Source Serif 4' && f.style === 'italic' && f.status === 'loaded'));
      expect(italic, slug).toBe(true);
      await context.close();
    }
  });
});

describe('header', () => {
  const PAGES = ['', 'documents/', 'documents/kianouri-confession-2012/', 'people/kianouri/', 'timeline/', 'search/', 'about/', 'works/'];
  it('takes at most 15 % of a phone’s first screen; its Menu opens the navigation, theme and search, and Escape closes it', async () => {
    const page = await (await seed.browser.newContext(PHONE)).newPage();
    for (const path of PAGES) {
      await page.goto(seed.site.url + path);
      const h = await page.$eval('.site-header', (e) => e.getBoundingClientRect().height);
      expect(h, path).toBeLessThanOrEqual(812 * 0.15);
    }
    expect(await page.isVisible('.site-header nav')).toBe(false);
    await page.locator('.menu-toggle').tap();
    expect(await page.getAttribute('.menu-toggle', 'aria-expanded')).toBe('true');
    for (const s of ['.site-header nav a[href$="documents/"]', '.theme-toggle', '#site-search']) expect(await page.isVisible(s), s).toBe(true);
    await page.focus('#site-search');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('.site-header nav')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-toggle');
    await done(page);
  });
  it('without scripts a phone shows the whole navigation', async () => {
    const page = await open('', { ...PHONE, javaScriptEnabled: false });
    expect(await page.isVisible('.site-header nav a[href$="about/"]')).toBe(true);
    expect(await page.isVisible('#site-search')).toBe(true);
    await done(page);
  });
  it('is one row at 1280 px', async () => {
    const page = await (await seed.browser.newContext(WIDE)).newPage();
    for (const path of PAGES) {
      await page.goto(seed.site.url + path);
      const rows = await page.$$eval('.site-title, .site-header nav li, .theme-toggle, .search-box', (els) =>
        els.filter((e) => (e as HTMLElement).getClientRects().length > 0).map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.bottom)]; }),
      );
      const top = Math.max(...rows.map((r) => r[0]!));
      const bottom = Math.min(...rows.map((r) => r[1]!));
      expect(top, `${path}: every item shares one row`).toBeLessThan(bottom);
      expect(await page.$eval('.site-header', (e) => e.getBoundingClientRect().height), path).toBeLessThanOrEqual(64);
    }
    await done(page);
  });
});

describe('registers, timeline and About', () => {
  it('the timeline names each document in full once, and uses no emoji as an icon', async () => {
    const page = await open('timeline/');
    const { text, icons } = await page.evaluate(() => ({
      text: document.querySelector('main')!.innerText,
      icons: [...document.querySelectorAll('main *')].flatMap((e) => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::after').content]).filter((c) => /\p{Extended_Pictographic}/u.test(c)),
    }));
    for (const title of ['Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov', 'Confessions: Noureddin Kianouri', 'On Trial, Hamid Noury Portrays Iran Regime’s Fear of Mojahedin-e-Khalq (MEK)']) {
      expect(text.split(title).length - 1, title).toBe(1);
    }
    expect(/\p{Extended_Pictographic}/u.test(text)).toBe(false);
    expect(icons).toEqual([]);
    await done(page);
  });
  it('"Also written" lists spellings; phrases a mention rule links in one document are shown as such', async () => {
    const page = await open('events/kianouri-confession-1983/');
    const meta = await page.$$eval('.entry-meta dt', (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent!, dt.nextElementSibling!.textContent!])));
    expect(meta['Also written'] ?? '').not.toContain('forced to go on tv');
    expect(meta['Words linked here']).toContain('“forced to go on tv”');
    expect(meta['Words linked here']).toContain('Confessions: Noureddin Kianouri');
    await done(page);
  });
  it('About names the editors (or says none are named yet), the version and its date, the licence of the notes and how to report a correction', async () => {
    const { readEditionConfig } = await import('../../src/edition/index.ts');
    const { ROOT } = await import('../helpers/build.ts');
    const { config } = readEditionConfig(ROOT);
    const page = await open('about/');
    const text = await page.textContent('main');
    expect(text).toContain(`version ${config!.version}`);
    expect(await page.getAttribute('#edition + p time, section[aria-labelledby="edition"] time', 'datetime')).toBe(config!.released);
    expect(await page.getAttribute('a[rel="license"]', 'href')).toBe(config!.licence.url);
    for (const e of config!.editors) expect(text).toContain(typeof e === 'string' ? e : e.name);
    if (config!.editors.length === 0) expect(text).toContain('does not yet name its editors');
    expect(text).toMatch(/report an error or suggest a correction/);
    if (config!.issues) expect(await page.getAttribute(`a[href="${config!.issues}"]`, 'href')).toBe(config!.issues);
    await done(page);
  });
});

describe('accessibility at both widths and in both themes (axe-core, WCAG 2.2 A and AA)', () => {
  const TYPES = ['', 'documents/', 'documents/kianouri-confession-2012/', 'documents/dimitrov-cable-1941/handout/?from=16&to=18', 'people/', 'events/kianouri-confession-1983/', 'timeline/', 'works/', 'about/', 'search/'];
  const axe = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
  for (const [label, options] of [['375 px', PHONE], ['1280 px', WIDE]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`every page type, ${label}, ${colorScheme}, with a note, a toolbar, the contents and the menu open`, async () => {
        const page = await (await seed.browser.newContext({ ...options, colorScheme })).newPage();
        for (const path of TYPES) {
          await page.goto(seed.site.url + path);
          await page.waitForTimeout(150);
          expect(await axe(page), path).toEqual([]);
        }
        // States a reader opens: a note (in place, or whole in the margin), a passage's toolbar with citations, the phone's menu.
        await page.goto(`${seed.site.url}documents/kianouri-confession-2012/`);
        await page.waitForTimeout(200);
        if (label === '375 px') await page.locator('#p16 a[data-footnote-ref]').first().click();
        else await page.locator('section[data-footnotes] li.is-cut .note-toggle').first().click();
        await page.locator('#p14 .passage-number').click();
        await page.locator('#p14 + .passage-toolbar .cite-passage-button').click();
        await page.locator('details.contents summary').click();
        if (label === '375 px') await page.locator('.menu-toggle').click();
        expect(await axe(page), 'opened').toEqual([]);
        await done(page);
      });
    }
  }
});

describe('finding your way', () => {
  it('the thread lists its comments (title or first words, byline), jumps to the notes and back to the top, and leads to the previous and next documents', async () => {
    const page = await open('documents/kianouri-confession-2012/', PHONE);
    const { loadEdition } = await import('../../src/edition/index.ts');
    const { ROOT } = await import('../helpers/build.ts');
    const doc = loadEdition(ROOT).documents.find((d) => d.slug === 'kianouri-confession-2012')!;
    const entries = await page.$$eval('details.contents li', (lis) => lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, text: li.textContent! })));
    expect(entries.length).toBe(doc.comments.length);
    expect(entries.find((e) => e.href === '#p8')?.text).toContain('Tudeh serving the Russians');
    expect(entries.some((e) => /by Anahid Hojjati/.test(e.text))).toBe(true);
    expect(entries[0]!.text).toBe('Comment 1: “My experience with those of communist…”'); // an untitled comment: its first words
    for (const e of entries) expect(e.text.length, e.text).toBeLessThan(140);
    for (const e of entries) expect(await page.$(e.href), e.href).not.toBeNull();
    await page.locator('details.contents summary').tap();
    await page.locator('details.contents a[href="#p8"]').tap();
    await page.waitForURL(/#p8$/);
    expect(await page.$eval('.document-nav a[href="#footnote-label"]', (a) => document.querySelector(a.getAttribute('href')!) !== null)).toBe(true);
    expect(await page.$eval('.document-end a[href="#main"]', (a) => a.textContent)).toBe('Back to top');
    expect(await page.$eval('.document-end a[rel="prev"]', (a) => a.getAttribute('href'))).toBe('/documents/dimitrov-cable-1941/');
    expect(await page.$eval('.document-end a[rel="next"]', (a) => a.getAttribute('href'))).toBe('/documents/noury-trial-2021/');
    await done(page);
  });
  it('a link made before the works cited were paged (/works/#key) still reaches its work, on its letter page', async () => {
    // The first work listed on the first letter page: its old address was /works/#key.
    const letters = await open('works/');
    const first = await letters.$eval('main a[href*="/works/"]:not([href$="/works/"])', (a) => (a as HTMLAnchorElement).pathname);
    await done(letters);
    const listed = await open(first.replace(/^\//, ''));
    const key = await listed.$eval('ol.works-list > li[id]', (li) => li.id);
    await done(listed);
    const page = await open(`works/#${key}`);
    await page.waitForURL((u) => u.pathname === first && u.hash === `#${key}`);
    expect(await page.$eval(`[id="${key}"]`, (li) => li.getBoundingClientRect().top)).toBeLessThan(900);
    // A fragment that names nothing stays where it is.
    await page.goto(`${seed.site.url}works/#no-such-work`);
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname.endsWith('/works/')).toBe(true);
    await done(page);
  });
  it('a back link returns to its marker with the marker’s line in view, not under the top edge', async () => {
    const page = await open('documents/kianouri-confession-2012/#fn-tudehi-gloss', PHONE);
    await page.locator('#fn-tudehi-gloss a[data-footnote-backref]').tap();
    await page.waitForURL(/#fnref-tudehi-gloss$/);
    await page.waitForTimeout(200);
    const top = await page.$eval('#fnref-tudehi-gloss', (a) => a.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(812 * 0.15);
    expect(top).toBeLessThan(812 * 0.85);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fnref-tudehi-gloss');
    await done(page);
  });
});
