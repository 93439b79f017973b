/**
 * What a reader's first search costs: serves a built site, opens its search page in Chromium
 * (Debian's, driven by playwright-core), types a query, waits until the results are shown and
 * the network is quiet, and sums the bytes transferred for it (response bodies as sent, and
 * their headers). Text files (HTML, JS, CSS, JSON) are sent gzip-compressed, as static hosts
 * do; Pagefind's index, fragment and WebAssembly files are compressed by Pagefind itself. Pagefind loads its script, WebAssembly, entry, index
 * chunks, filters and result fragments only on the first search, so this is the figure for the
 * reader-side budget (issue 10: ≤ 250 KB at 10,000 documents).
 *
 * Usage: tsx scripts/bench/search-probe.ts <dist> [query ...]   (prints one line of JSON)
 */
import { resolve } from 'node:path';
import { launch } from '../../test/helpers/browser.ts';
import { serve } from '../../test/helpers/serve.ts';

/** One query's first-search cost. */
export interface SearchProbe {
  query: string;
  /** Results the page listed. */
  results: number;
  /** Bytes over the wire between typing the query and quiet, all requests. */
  bytes: number;
  /** Of which Pagefind's own files (pagefind/…). */
  pagefindBytes: number;
  requests: number;
  /** From pressing Enter to the results list being filled. */
  ms: number;
}

/** Runs each query in a fresh browser context (cold cache: every query is a "first search"). */
export async function probeSearch(dist: string, queries: string[]): Promise<SearchProbe[]> {
  const site = await serve(dist, '/', { gzip: true });
  const browser = await launch();
  const out: SearchProbe[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${site.url}search/`, { waitUntil: 'load' });
      // Playwright reports the requests of the page and of its workers (Pagefind searches in a
      // Web Worker, whose fetches a page-level CDP session would not see).
      const urls: string[] = [];
      const sizes: string[] = [];
      let bytes = 0;
      let pagefindBytes = 0;
      let pending = 0;
      let lastActivity = Date.now();
      const counting = new Set<Promise<void>>();
      page.on('request', (req) => {
        urls.push(req.url());
        pending++;
        lastActivity = Date.now();
      });
      const done = (req: import('playwright-core').Request, ok: boolean) => {
        const p = (async () => {
          const n = ok ? await req.sizes().then((z) => z.responseBodySize + z.responseHeadersSize, () => 0) : 0;
          bytes += n;
          sizes.push(`${n}\t${req.url()}`);
          if (/\/pagefind\//.test(req.url())) pagefindBytes += n;
          pending--;
          lastActivity = Date.now();
        })();
        counting.add(p);
      };
      page.on('requestfinished', (req) => done(req, true));
      page.on('requestfailed', (req) => done(req, false));
      const started = Date.now();
      await page.fill('#q', query);
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('.search-results > li').length > 0 || /^0 results/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 120_000 });
      const ms = Date.now() - started;
      // Quiet: nothing pending and nothing new for a second (fragments load as results render);
      // a request that never reports its end (a cancelled prefetch) stops counting after 10 s.
      while ((pending > 0 && Date.now() - lastActivity < 10_000) || Date.now() - lastActivity < 1000) await new Promise((r) => setTimeout(r, 100));
      await Promise.all(counting);
      const results = await page.locator('.search-results > li').count();
      // PROBE_DEBUG=1 lists every request with its bytes on stderr.
      if (process.env.PROBE_DEBUG) console.error(sizes.join('\n'));
      out.push({ query, results, bytes, pagefindBytes, requests: urls.length, ms });
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, ...queries] = process.argv.slice(2);
  if (!dist) {
    console.error('usage: tsx scripts/bench/search-probe.ts <dist> [query ...]');
    process.exit(2);
  }
  console.log(JSON.stringify(await probeSearch(resolve(dist), queries.length ? queries : ['prisoners'])));
}
