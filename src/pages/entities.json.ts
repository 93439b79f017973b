/** Short previews of every register entry, fetched by document pages only when a reader hovers or focuses a mention. */
import type { APIRoute } from 'astro';
import { getEdition } from '../astro/edition.ts';
import { ENTITY_KINDS } from '../edition/index.ts';
import { formatDate } from '../astro/format.ts';

export const GET: APIRoute = () => {
  const previews: Record<string, { name: string; kind: string; dates: string; description: string }> = {};
  for (const e of getEdition().entries.values()) {
    const [a, b] = e.kind === 'person' ? [e.meta.born, e.meta.died] : [e.meta.start, e.meta.end];
    previews[e.ref] = {
      name: e.meta.name,
      kind: ENTITY_KINDS[e.kind].label,
      dates: a || b ? `${a ? formatDate(a) : '?'}${b ? ` – ${formatDate(b)}` : ''}` : '',
      description: e.meta.description,
    };
  }
  return new Response(JSON.stringify(previews), { headers: { 'content-type': 'application/json' } });
};
