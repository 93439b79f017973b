/** Language and direction of passages and of runs of Persian script inside them. */

/** `fa` if most letters are in Arabic script, otherwise the document's first language. */
export function detectLanguage(text: string, fallback: string): string {
  // Counted code unit by code unit: a regular expression's match list costs an array entry per
  // letter, and this runs over every passage of the edition.
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    } else if (c >= 0xc0 && c <= 0x24f) latin++;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) arabic++;
  }
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
