/** Browser-test set-up shared by the e2e suites: the built seed edition served locally, and Chromium. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { seedDist } from './build.ts';
import { serve } from './serve.ts';

export interface SeedSite {
  browser: Browser;
  site: Awaited<ReturnType<typeof serve>>;
}

/** Registers beforeAll/afterAll hooks; the returned object is filled in before the tests run. */
export function useSeedSite(): SeedSite {
  const ctx = {} as SeedSite;
  beforeAll(async () => {
    ctx.site = await serve(seedDist());
    ctx.browser = await launch();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.site?.close();
  });
  return ctx;
}
