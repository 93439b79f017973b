/**
 * Asking a built site's Pagefind index questions from Node, through Pagefind's own search
 * script (`pagefind/pagefind.js`, the one the search page loads), with the site served over
 * HTTP on 127.0.0.1 (the script fetches its index files). Used to check that two indexes (a
 * sharded build's and an unsharded one's) answer the same queries.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { serve } from '../../test/helpers/serve.ts';

/** One result as the search page would show it, its address relative to the site. */
export interface Answer {
  url: string;
  score: number;
  words: number[];
  title: string | undefined;
  excerpt: string;
  subResults: { url: string; title: string; excerpt: string }[];
}

/** What the index answered to one query. */
export interface QueryAnswer {
  query: string;
  results: number;
  /** The first `detail` results, in order, with their fragments' data. */
  first: Answer[];
}

interface PagefindResult {
  score: number;
  words: number[];
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; sub_results?: { url: string; title: string; excerpt: string }[] }>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Runs `queries` against the index of the site in `dist` (each site gets its own instance of
 * Pagefind's script). Returns each query's answer and the index's filters with their counts.
 */
export async function searchSite(dist: string, queries: readonly string[], detail = 25): Promise<{ answers: QueryAnswer[]; filters: Record<string, Record<string, number>> }> {
  const site = await serve(dist, '/');
  try {
    const pagefind = (await import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href)) as PagefindApi;
    await pagefind.options({ basePath: `${site.url}pagefind/` });
    await pagefind.init();
    const local = (url: string) => (url.startsWith(site.url) ? `/${url.slice(site.url.length)}` : url);
    const answers: QueryAnswer[] = [];
    for (const query of queries) {
      const { results } = await pagefind.search(query);
      const first: Answer[] = [];
      for (const r of results.slice(0, detail)) {
        const d = await r.data();
        first.push({
          url: local(d.url),
          score: r.score,
          words: r.words,
          title: d.meta.title,
          excerpt: d.excerpt,
          subResults: (d.sub_results ?? []).map((s) => ({ url: local(s.url), title: s.title, excerpt: s.excerpt })),
        });
      }
      answers.push({ query, results: results.length, first });
    }
    return { answers, filters: await pagefind.filters() };
  } finally {
    await site.close();
  }
}
