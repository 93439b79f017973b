/** Language and direction of passages and of runs of Persian script inside them. */

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;

/** `fa` if most letters are in Arabic script, otherwise the document's first language. */
export function detectLanguage(text: string, fallback: string): string {
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return arabic > 0 && latin * 4 < arabic ? 'fa' : fallback;
}

/** Direction for a BCP 47 tag: right-to-left for Persian, Arabic, Hebrew and Urdu in their own scripts. */
export function directionOf(lang: string): 'rtl' | 'ltr' {
  return /^(fa|ar|he|ur)(-Arab)?$/.test(lang) ? 'rtl' : 'ltr';
}

/** Runs of Arabic-script words inside a mostly left-to-right text: offsets relative to `text`. */
export function arabicScriptRuns(text: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  const re = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF](?:[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u200C \u00A0]*[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF])?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) runs.push({ start: m.index, end: m.index + m[0].length });
  return runs;
}
