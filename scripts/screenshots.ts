/**
 * `npm run screenshots`: what a reader sees, into screenshots/ (not committed). Needs a built
 * dist/ (or DIST=<folder>) and Debian's Chromium.
 * - home, the three documents, a register entry, the timeline, the works cited (index and a
 *   letter), search, About and a handout, at
 *   375 px and 1280 px, light and dark (first screen);
 * - on a phone: a note opened in place, the passage toolbar, the header's menu;
 * - on a wide screen: notes beside the text, one shown whole, and the passage toolbar;
 * - as printed (print media, full length): a document, the thread and a handout.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/serve.ts';

const out = process.env.SCREENSHOTS ?? join(process.cwd(), 'screenshots');
mkdirSync(out, { recursive: true });
const site = await serve(process.env.DIST ?? join(process.cwd(), 'dist'));
const browser = await launch();
const pages: [string, string][] = [
  ['home', ''],
  ['document', 'documents/kianouri-confession-2012/#p98'],
  ['thread-top', 'documents/kianouri-confession-2012/'],
  ['cable', 'documents/dimitrov-cable-1941/'],
  ['cable-text', 'documents/dimitrov-cable-1941/#p12'],
  ['article', 'documents/noury-trial-2021/#p5'],
  ['entry', 'people/kianouri/'],
  ['event', 'events/kianouri-confession-1983/'],
  ['timeline', 'timeline/'],
  // The works cited are paged by letter (src/edition/paging.ts): their index and a letter's page.
  ['works', 'works/'],
  ['works-letter', 'works/a/'],
  // A link made before the works were paged: followed to the letter page (src/site/fragment-pages.ts).
  ['works-old-link', 'works/#iranrights-abrahamian-mass-executions-1988'],
  ['search', 'search/?q=Kianoury'],
  ['about', 'about/'],
  ['handout', 'documents/dimitrov-cable-1941/handout/?from=16&to=18'],
];
const settle = async (page: Page) => {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
};
for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    const phone = width < 500;
    const context = await browser.newContext({ viewport: { width, height: phone ? 812 : 900 }, colorScheme: scheme, hasTouch: phone, isMobile: phone });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(site.url + path);
      if (name === 'search') await page.waitForFunction(() => document.querySelector('.search-results li') || /result/.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 10_000 }).catch(() => undefined);
      await settle(page);
      await page.screenshot({ path: join(out, `${name}-${width}-${scheme}.png`) });
    }
    // Interactions: a note opened (in place on a phone, whole in the margin when wide), the passage toolbar, the phone's menu.
    await page.goto(`${site.url}documents/kianouri-confession-2012/#p14`);
    await settle(page);
    if (phone) {
      await page.locator('#p16 a[data-footnote-ref]').first().tap();
      await page.locator('.note-inline').scrollIntoViewIfNeeded();
    } else {
      await page.locator('section[data-footnotes] li.is-cut .note-toggle').first().click();
    }
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(out, `note-open-${width}-${scheme}.png`) });
    await page.goto(`${site.url}documents/dimitrov-cable-1941/`);
    await settle(page);
    await page.locator('#p17 .passage-number').click();
    await page.locator('#p17 + .passage-toolbar .cite-passage-button').click();
    await page.locator('#p17').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(out, `passage-tools-${width}-${scheme}.png`) });
    if (phone) {
      await page.goto(site.url);
      await page.locator('.menu-toggle').tap();
      await page.screenshot({ path: join(out, `menu-${width}-${scheme}.png`) });
    }
    await context.close();
  }
}
// Print: pages as the browser lays them out for paper (full length), with the dark theme asked
// for, since paper must stay light whatever the screen's theme.
const print = await browser.newContext({ viewport: { width: 800, height: 1100 }, colorScheme: 'dark' });
const printPage = await print.newPage();
for (const [name, path] of [['cable', 'documents/dimitrov-cable-1941/'], ['thread', 'documents/kianouri-confession-2012/'], ['handout', 'documents/dimitrov-cable-1941/handout/?from=16&to=18']] as const) {
  await printPage.goto(site.url + path);
  await settle(printPage);
  await printPage.emulateMedia({ media: 'print' });
  await printPage.screenshot({ path: join(out, `${name}-print.png`), fullPage: true });
  await printPage.screenshot({ path: join(out, `${name}-print-first.png`), fullPage: true, clip: { x: 0, y: 0, width: 800, height: 1100 } });
  await printPage.emulateMedia({ media: 'screen' });
}
await print.close();
await browser.close();
await site.close();
console.log(`screenshots written to ${out}`);
