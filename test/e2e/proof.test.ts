/**
 * Proof that no later change quietly breaks the site: valid HTML (W3C Nu checker), no broken
 * internal link or fragment, hostile contributor files that run no script and reach nothing
 * outside the site, and byte-identical output from two builds of the same commit.
 * Prints the counts at the end.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { buildSite, ROOT, seedDist, type BuildResult } from '../helpers/build.ts';
import { serve } from '../helpers/serve.ts';

const counts = { pagesValidated: 0, linksFollowed: 0, fragmentsChecked: 0, payloadsTried: 0, hostilePagesOpened: 0, filesCompared: 0 };
afterAll(() => {
  console.log(`proof: ${counts.pagesValidated} pages validated (W3C Nu), ${counts.linksFollowed} internal links and ${counts.fragmentsChecked} fragments resolved, ` +
    `${counts.payloadsTried} hostile payloads tried on ${counts.hostilePagesOpened} pages, ${counts.filesCompared} files compared across two builds`);
});

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function validate(dir: string): { url: string; message: string; line: number | undefined }[] {
  const jar = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
  let out = '';
  try {
    out = execFileSync('java', ['-jar', jar, '--format', 'json', '--skip-non-html', '--errors-only', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = String((e as { stderr?: string }).stderr ?? '') || String((e as { stdout?: string }).stdout ?? '');
  }
  const json = JSON.parse(out.trim() || '{"messages":[]}') as { messages: { url: string; message: string; lastLine?: number; type: string }[] };
  counts.pagesValidated += htmlFiles(dir).length;
  return json.messages.filter((m) => m.type === 'error').map((m) => ({ url: m.url.replace(/^file:/, ''), message: m.message, line: m.lastLine }));
}

let main: string;
beforeAll(() => {
  main = seedDist();
});

describe('HTML validity', () => {
  it('every page of the edition passes the W3C Nu HTML checker with zero errors', () => {
    expect(validate(main)).toEqual([]);
  });
});

describe('links', () => {
  it('every internal link and fragment in dist/ resolves', () => {
    const pages = htmlFiles(main);
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) {
        const tree = fromHtml(readFileSync(file, 'utf8'));
        ids.set(file, new Set(selectAll('[id]', tree).map((e) => String(e.properties.id))));
      }
      return ids.get(file)!;
    };
    const broken: string[] = [];
    // The site's origin as the build used it (SITE, edition.config.yml's url or the preview
    // address), read from a document page's canonical link.
    let origin = '';
    for (const file of pages) {
      const href = selectAll('link[rel=canonical]', fromHtml(readFileSync(file, 'utf8')))[0]?.properties.href;
      if (href) {
        origin = new URL(String(href)).origin;
        break;
      }
    }
    expect(origin, 'the origin of a canonical link').toMatch(/^https?:\/\//);
    for (const file of pages) {
      const tree = fromHtml(readFileSync(file, 'utf8'));
      const pagePath = `/${relative(main, file).replace(/index\.html$/, '')}`;
      for (const el of selectAll('a[href], link[href], script[src], img[src]', tree)) {
        const raw = String(el.properties.href ?? el.properties.src);
        if (/^(https?:|mailto:)/.test(raw) && !raw.startsWith(`${origin}/`)) continue;
        const u = new URL(raw, `${origin}${pagePath}`);
        if (u.origin !== origin) continue;
        let target = join(main, decodeURIComponent(u.pathname));
        if (u.pathname.endsWith('/')) target = join(target, 'index.html');
        counts.linksFollowed++;
        if (!existsSync(target)) {
          broken.push(`${relative(main, file)} → ${raw}`);
          continue;
        }
        const fragment = decodeURIComponent(u.hash.slice(1)).split(':~:')[0];
        if (fragment && target.endsWith('.html')) {
          counts.fragmentsChecked++;
          if (!idsOf(target).has(fragment)) broken.push(`${relative(main, file)} → ${raw} (no id "${fragment}")`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(counts.linksFollowed).toBeGreaterThan(1000);
  });
});

describe('hostile input', () => {
  let built: BuildResult;
  let browser: Browser;
  beforeAll(async () => {
    built = buildSite(join(ROOT, 'test/fixtures/editions/hostile'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  it('builds: every payload is data, rendered as text', () => {
    expect(built.status, built.output).toBe(0);
    const source = readFileSync(join(ROOT, 'test/fixtures/editions/hostile/sources/hostile-2000.txt'), 'utf8');
    counts.payloadsTried += source.split('\n---\n')[1]!.split(/\n\n/).length + 12; // passages + metadata, notes, register and structure payloads
    expect(counts.payloadsTried).toBeGreaterThanOrEqual(20);
  });
  it('its pages are valid HTML', () => {
    expect(validate(built.dist)).toEqual([]);
  });
  it("says what it cannot make safe, and one entry's not: takes no other entry's links (issue 21)", () => {
    // Invisible direction characters in a note are never silent.
    expect(built.output).toContain('annotations/notes/hostile-2000/rtl-note.md:5:11  warning: Here is the invisible character U+202E (right-to-left override)');
    // hijacker.md lists "Evil Person" under not: Evil Person's mention is still a link to Evil Person.
    const tree = fromHtml(readFileSync(join(built.dist, 'documents/hostile-2000/index.html'), 'utf8'));
    const links = selectAll('a[data-entity]', tree).map((a) => String(a.properties.dataEntity));
    expect(links).toContain('person:evil');
    expect(links).not.toContain('person:hijacker');
  });
  it('every built page, opened in Chromium, runs no injected script, opens no dialog and requests nothing outside the site', async () => {
    const site = await serve(built.dist);
    const context = await browser.newContext();
    const outside: string[] = [];
    const dialogs: string[] = [];
    const pwned: string[] = [];
    await context.route('**/*', (route) => {
      if (!route.request().url().startsWith(site.url)) {
        outside.push(route.request().url());
        return route.abort();
      }
      return route.continue();
    });
    const pages = htmlFiles(built.dist).map((f) => relative(built.dist, f).replace(/index\.html$/, ''));
    for (const path of pages) {
      const page = await context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(`${path}: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(site.url + path);
      // Hover and focus every link (event-handler payloads), then search for a payload word.
      for (const a of (await page.$$('main a, main b, main svg')).slice(0, 40)) await a.hover({ timeout: 2000 }).catch(() => undefined);
      const flag = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
      if (flag !== undefined) pwned.push(`${path}: ${flag}`);
      counts.hostilePagesOpened++;
      await page.close();
    }
    await context.close();
    await site.close();
    expect(pages).toContain('documents/hostile-2000/');
    expect({ outside, dialogs, pwned }).toEqual({ outside: [], dialogs: [], pwned: [] });
  });
});

describe('reproducible builds', () => {
  it('two builds of the same commit produce byte-identical dist/ (Pagefind included)', () => {
    const a = buildSite(ROOT);
    const b = buildSite(ROOT);
    expect(a.status, a.output).toBe(0);
    expect(b.status, b.output).toBe(0);
    const hashes = (dir: string) => {
      const out: Record<string, string> = {};
      const walk = (d: string) => {
        for (const n of readdirSync(d).sort()) {
          const p = join(d, n);
          if (statSync(p).isDirectory()) walk(p);
          else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
        }
      };
      walk(dir);
      return out;
    };
    const ha = hashes(a.dist);
    const hb = hashes(b.dist);
    counts.filesCompared += Object.keys(ha).length;
    expect(Object.keys(ha).length).toBeGreaterThan(50);
    expect(hb).toEqual(ha);
  });
});
