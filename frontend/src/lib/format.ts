/** Dates as a Ghent reader writes them ("3 december 2026", "18.30 uur"), in Ghent's time zone. */

const TIME_ZONE = "Europe/Brussels";
const LOCALES: Record<string, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

function locale(language: string): string {
  return LOCALES[language] ?? "nl-BE";
}

/** A date (`2026-10-05`) or date-time; null and unparsable values give "". */
export function formatDate(value: string | null | undefined, language = "nl"): string {
  if (!value) return "";
  // A bare date is a calendar day, not midnight UTC: read it at noon so no zone shifts it.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale(language), { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE }).format(date);
}

export function formatTime(value: string | null | undefined, language = "nl"): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale(language), { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE }).format(date);
}

/** The machine-readable value for `<time datetime>`. */
export function isoDate(value: string | null | undefined): string | undefined {
  return value ?? undefined;
}

/** A phone number as written ("09 210 10 10", "+32 9 266 52 10") -> its `tel:` link. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, "")}`;
}

/** A Belgian phone number inside a sentence: 0 or +32, then digits in groups. */
const PHONE = /(?:\+32 ?|0)\d(?:[ .]?\d){6,8}/g;

/** A sentence cut around its phone numbers, each number with its `tel:` link. */
export function phoneParts(text: string): { text: string; tel: string | null }[] {
  const parts: { text: string; tel: string | null }[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), tel: null });
    parts.push({ text: match[0], tel: telHref(match[0]) });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), tel: null });
  return parts;
}

/** Quotation marks as each language writes them: „…" in Dutch, “…” in English, « … » in French. */
const QUOTES: Record<string, [string, string]> = { nl: ["„", "\u201d"], en: ["\u201c", "\u201d"], fr: ["«\u00a0", "\u00a0»"] };

export function quote(text: string, language: string): string {
  const [open, close] = QUOTES[language] ?? QUOTES["nl"] ?? ["\u201c", "\u201d"];
  return `${open}${text}${close}`;
}

/** A file size as a reader says it ("840 kB", "1,2 MB"), in the page's language. */
export function formatSize(bytes: number, language = "nl"): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit >= 2 && value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}
