/**
 * Active crisis alerts for the banner on every page (`GET /api/automation/crisis/active/`,
 * built in automation/crisis). The API allows 30 s of caching, which the answer cache
 * honours, so a busy site asks at most twice a minute per language and wijk.
 *
 * A failing or missing endpoint must never take a page down: no answer means no banner
 * (and a line in the log), not an error page.
 */
import type { ApiClient } from "./api/client";
import type { components } from "./api/generated/schema";

/** One alert, as the API's OpenAPI document describes it (`npm run generate:api`). */
export type CrisisAlert = components["schemas"]["ActiveCrisisAlert"];

/** After a failure, pages go without the banner for this long rather than wait on a sick endpoint. */
export const QUIET_MS = 30_000;
let quietUntil = 0;

export async function activeAlerts(api: ApiClient, language: string, wijk?: string, now = Date.now()): Promise<CrisisAlert[]> {
  if (now < quietUntil) return [];
  const query = new URLSearchParams({ lang: language });
  if (wijk) query.set("wijk", wijk);
  try {
    const answer = await api.get<Partial<components["schemas"]["ActiveCrisisAlerts"]>>(`/api/automation/crisis/active/?${query.toString()}`);
    return Array.isArray(answer.alerts) ? answer.alerts : [];
  } catch (error) {
    quietUntil = now + QUIET_MS;
    console.error("crisis alerts unavailable:", error instanceof Error ? error.message : error);
    return [];
  }
}

/** Only http(s) links and site paths are followed from an alert; anything else is dropped. */
export function safeAlertUrl(url: string | null): string | null {
  if (!url) return null;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
