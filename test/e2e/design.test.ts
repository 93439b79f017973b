/** Reading design in Chromium: notes beside their passage when wide, no horizontal overflow at 320 px, theme toggle. */
import { describe, expect, it } from 'vitest';
import { useSeedSite } from '../helpers/seed-site.ts';

const seed = useSeedSite();

describe('layout', () => {
  it('on a wide viewport, the first notes sit beside their reference, right of the text', async () => {
    const context = await seed.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/dimitrov-cable-1941/`);
    await page.waitForSelector('section.text.sidenotes');
    const placed = await page.$$eval('section[data-footnotes] > ol > li', (notes) =>
      notes.slice(0, 5).map((n) => {
        const ref = document.querySelector(`a[data-footnote-ref][href="#${CSS.escape(n.id)}"]`)!;
        const text = document.querySelector('section.text [data-passage]')!.getBoundingClientRect();
        const a = n.getBoundingClientRect();
        const b = ref.getBoundingClientRect();
        return { right: a.left >= text.right, dy: a.top - b.top };
      }),
    );
    expect(placed.length).toBe(5);
    expect(placed[0]!.right).toBe(true);
    expect(Math.abs(placed[0]!.dy)).toBeLessThan(30);
    for (const p of placed) expect(p.dy).toBeGreaterThanOrEqual(-30);
    await context.close();
  });
  it('at 320 px nothing overflows horizontally, and sidenotes give way to footnotes', async () => {
    const context = await seed.browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    for (const path of ['', 'documents/', 'documents/kianouri-confession-2012/', 'documents/noury-trial-2021/', 'documents/dimitrov-cable-1941/', 'people/kianouri/', 'timeline/', 'search/?q=Tudeh', 'about/']) {
      await page.goto(seed.site.url + path);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, path).toBeLessThanOrEqual(client);
    }
    await page.goto(`${seed.site.url}documents/dimitrov-cable-1941/`);
    expect(await page.$$eval('section.text.sidenotes', (n) => n.length)).toBe(0);
    expect(await page.$eval('section[data-footnotes]', (s) => getComputedStyle(s).display)).not.toBe('none');
    await context.close();
  });
  it('the theme toggle switches to dark and remembers it', async () => {
    const context = await seed.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(seed.site.url);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor);
    const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.click('.theme-toggle');
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('true');
    const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(dark).not.toBe(light);
    await page.goto(`${seed.site.url}about/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    void bg;
    await context.close();
  });
});
