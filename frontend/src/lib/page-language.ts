/** The language a path is in (`/fr/...` -> fr), for pages the API could not give us. */
import { DEFAULT_LANGUAGE, LANGUAGES } from "./i18n";

export function languageOfPath(path: string): string {
  const first = path.split("/").find((segment) => segment !== "") ?? "";
  return (LANGUAGES as readonly string[]).includes(first) ? first : DEFAULT_LANGUAGE;
}
