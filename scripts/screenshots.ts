/**
 * `npm run screenshots`: screenshots of home, a document, a register entry, the timeline and
 * search, at 375 px and 1280 px, light and dark, and of a document and its handout as printed,
 * into screenshots/ (not committed).
 * Needs a built dist/ and Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/serve.ts';

const out = process.env.SCREENSHOTS ?? join(process.cwd(), 'screenshots');
mkdirSync(out, { recursive: true });
const site = await serve(process.env.DIST ?? join(process.cwd(), 'dist'));
const browser = await launch();
const pages: [string, string][] = [
  ['home', ''],
  ['document', 'documents/kianouri-confession-2012/#p98'],
  ['cable', 'documents/dimitrov-cable-1941/'],
  ['entry', 'people/kianouri/'],
  ['timeline', 'timeline/'],
  ['search', 'search/?q=Kianoury'],
];
for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(site.url + path);
      if (name === 'search') await page.waitForFunction(() => /result/.test(document.querySelector('.search-status')?.textContent ?? ''));
      await page.screenshot({ path: join(out, `${name}-${width}-${scheme}.png`) });
    }
    await context.close();
  }
}
// Print: the page as the browser lays it out for paper (full length).
const print = await browser.newContext({ viewport: { width: 800, height: 1100 } });
const printPage = await print.newPage();
await printPage.emulateMedia({ media: 'print' });
for (const [name, path] of [['cable', 'documents/dimitrov-cable-1941/'], ['handout', 'documents/dimitrov-cable-1941/handout/']] as const) {
  await printPage.goto(site.url + path);
  await printPage.screenshot({ path: join(out, `${name}-print.png`), fullPage: true });
}
await print.close();
await browser.close();
await site.close();
console.log(`screenshots written to ${out}`);
