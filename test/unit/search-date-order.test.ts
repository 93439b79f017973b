/** The date order written beside Pagefind's files (src/integration/search-index.ts), read back from fragments as Pagefind writes them. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DATE_ORDER_FILE, writeDateOrder } from '../../src/integration/search-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'date-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fragment file as Pagefind writes it: gzip of a signature and JSON. */
const fragment = (name: string, json: unknown) => writeFileSync(join(dir, 'fragment', `${name}.pf_fragment`), gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(json)}`)));

describe('writeDateOrder', () => {
  it("lists Pagefind's page ids oldest first, from single fragments and fragment groups, leaving out pages without a date", () => {
    mkdirSync(join(dir, 'fragment'), { recursive: true });
    // A long record: only its beginning is decompressed for the URL.
    fragment('en_b', { url: '/documents/b/', content: 'x '.repeat(50_000), meta: {} });
    fragment('en_a', { url: '/documents/a/', content: 'a', meta: {} });
    fragment('en_entry', { url: '/people/p/', content: 'p', meta: {} });
    fragment('en_group', { en_c: { url: '/documents/c/', content: 'c' }, en_d: { url: '/documents/d\\"/', content: 'd' } });
    writeDateOrder(dir, new Map([
      ['/documents/a/', '2012-02'],
      ['/documents/b/', '1941-12-09'],
      ['/documents/c/', '2021'],
      ['/documents/d\\"/', '1953-08-19'],
    ]));
    expect(JSON.parse(readFileSync(join(dir, DATE_ORDER_FILE), 'utf8'))).toEqual(['en_b', 'en_d', 'en_a', 'en_c']);
  });
});
