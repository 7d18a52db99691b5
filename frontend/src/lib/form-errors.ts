/**
 * A form that came back with errors says so first: in the page title ("Fout: ..."), which
 * is the first thing a screen reader reads of the new page, and by moving focus to the
 * error summary at the top of the form (ErrorSummary.astro, `autofocus`: no script needed).
 */
import type { Translator } from "./i18n";
import type { FieldErrors } from "./subscriptions";

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((messages) => messages.length > 0);
}

/** `Inschrijven` -> `Fout: Inschrijven` when the form has errors. */
export function titleWithErrors(title: string, errors: FieldErrors, t: Translator): string {
  return hasErrors(errors) ? `${t("errorPrefix")}: ${title}` : title;
}
