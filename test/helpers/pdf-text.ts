/**
 * The text of a PDF printed by Chromium, page by page, and the font families it embeds: enough
 * to check what a printed page says, without a PDF library. Chromium (Skia) writes each page's
 * content as a Flate stream of text runs (`<codes> Tj`, `[…] TJ`) in fonts that each carry a
 * ToUnicode map; spaces are glyphs too. Other producers' PDFs are not its business.
 */
import { inflateSync } from 'node:zlib';

interface CMap {
  bytes: number;
  map: Map<number, string>;
}

const hexToText = (hex: string) => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

function parseCMap(text: string): CMap {
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const bytes = space ? space[1]!.length / 2 : 2;
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), hexToText(m[2]!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(lo + i, hexToText(d[1]!)));
      } else {
        const start = hexToText(m[3]!.slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + (c - lo)));
      }
    }
  }
  return { bytes, map };
}

/** Pages' text (runs joined as printed, spaces included) and the embedded fonts' family names. */
export function pdfText(pdf: Buffer | Uint8Array): { pages: string[]; families: string[]; italic: boolean } {
  const src = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const stream = (body: string): string => {
    const start = body.indexOf('stream');
    const end = body.lastIndexOf('endstream');
    const data = Buffer.from(body.slice(start + 6, end).replace(/^\r?\n/, ''), 'latin1');
    return /\/FlateDecode/.test(body.slice(0, start)) ? inflateSync(data).toString('latin1') : data.toString('latin1');
  };
  const ref = (s: string | undefined) => (s ? objects.get(Number(s)) : undefined);
  const cmaps = new Map<number, CMap>();
  const fontCMap = (n: number): CMap | undefined => {
    if (!cmaps.has(n)) {
      const font = objects.get(n) ?? '';
      const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(font);
      const tu = /\/ToUnicode (\d+) 0 R/.exec(font) ?? (descendant ? /\/ToUnicode (\d+) 0 R/.exec(ref(descendant[1]) ?? '') : null);
      const body = ref(tu?.[1]);
      if (body) cmaps.set(n, parseCMap(stream(body)));
    }
    return cmaps.get(n);
  };
  const decode = (hex: string, cmap: CMap | undefined) => {
    if (!cmap) return '';
    let out = '';
    const step = cmap.bytes * 2;
    for (let i = 0; i + step <= hex.length; i += step) out += cmap.map.get(parseInt(hex.slice(i, i + step), 16)) ?? '';
    return out;
  };
  const pages: string[] = [];
  for (const [, body] of [...objects].sort(([a], [b]) => a - b)) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(body)) continue;
    let resources = /\/Resources\s*(\d+) 0 R/.exec(body) ? ref(/\/Resources\s*(\d+) 0 R/.exec(body)![1]) ?? '' : body;
    const fontDict = /\/Font\s*(\d+) 0 R/.exec(resources);
    if (fontDict) resources = ref(fontDict[1]) ?? resources;
    const fonts = new Map<string, number>();
    for (const m of resources.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) fonts.set(m[1]!, Number(m[2]));
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(body);
    const ids = contents ? (contents[1] ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((m) => m[1]!) : [contents[2]!]) : [];
    let text = '';
    for (const id of ids) {
      const content = stream(ref(id) ?? '');
      let cmap: CMap | undefined;
      for (const m of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\bET\b/g)) {
        if (m[1]) cmap = fonts.has(m[1]) ? fontCMap(fonts.get(m[1])!) : undefined;
        else if (m[2] !== undefined) text += decode(m[2], cmap);
        else if (m[3] !== undefined) for (const h of m[3].matchAll(/<([0-9a-fA-F]*)>/g)) text += decode(h[1]!, cmap);
        else text += '\n';
      }
    }
    pages.push(text);
  }
  const descriptors = [...objects.values()].filter((o) => /\/Type\s*\/FontDescriptor/.test(o));
  const families = [...new Set(descriptors.map((o) => /\/FontFamily\s*\(([^)]*)\)/.exec(o)?.[1] ?? /\/FontName\s*\/(?:[A-Z]{6}\+)?([^\s/]+)/.exec(o)?.[1] ?? ''))].filter(Boolean);
  const italic = descriptors.some((o) => /\/ItalicAngle\s*-?[1-9]/.test(o) || /\/FontName\s*\/\S*Italic/.test(o));
  return { pages, families, italic };
}
