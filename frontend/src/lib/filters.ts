/**
 * Filters on the press room and project lists, read from the query string of a plain GET
 * form (so they work without JavaScript and every filtered list has its own URL).
 *
 * A value is used only when it is one of the options shown: the API answers an unknown
 * wijk slug with a 400, and a hand-edited URL should give the unfiltered list, not an
 * error page.
 */
import { listAll, type ApiClient } from "./api/client";
import type { V2Page } from "./api/types";

export interface Option {
  value: string;
  label: string;
}

export interface ListFilters {
  wijk: string | null;
  year: string | null;
  status: string | null;
}

export const NO_FILTERS: ListFilters = { wijk: null, year: null, status: null };

function pick(params: URLSearchParams, name: string, options: Option[]): string | null {
  const value = params.get(name);
  return value !== null && options.some((option) => option.value === value) ? value : null;
}

export function readFilters(
  params: URLSearchParams,
  options: { wijken?: Option[]; years?: Option[]; statuses?: Option[] },
): ListFilters {
  return {
    wijk: pick(params, "wijk", options.wijken ?? []),
    year: pick(params, "jaar", options.years ?? []),
    status: pick(params, "inspraak", options.statuses ?? []),
  };
}

/** The wijken that have a wijk page in this language, by name, with their taxonomy slug. */
export async function wijkOptions(api: ApiClient, language: string): Promise<Option[]> {
  const pages = await listAll<V2Page & { wijk: string | null }>(api, {
    type: "neighbourhoods.WijkPage",
    locale: language,
    fields: "wijk",
  });
  return pages
    .flatMap((page) => (page.wijk ? [{ value: page.wijk, label: page.title }] : []))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** The years that occur in a list of dates, newest first. */
export function yearOptions(dates: (string | null)[]): Option[] {
  const years = new Set(dates.flatMap((date) => (date ? [date.slice(0, 4)] : [])));
  return [...years].sort().reverse().map((year) => ({ value: year, label: year }));
}
