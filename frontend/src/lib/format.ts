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
