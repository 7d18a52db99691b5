/**
 * The one API client the server uses, pointed at VRIJHAVEN_API_URL (read at start-up, so
 * one build runs against any backend: `make demo` locally, `http://web:8000` in compose).
 * Its answers are kept in one shared, size-bounded memory (response-cache.ts) that the
 * publish webhook (src/pages/api/revalidate.ts) empties of what an edit changed.
 */
import { createApiClient } from "./client";
import { ResponseCache } from "./response-cache";

export const API_URL = (process.env["VRIJHAVEN_API_URL"] ?? "http://localhost:8000").replace(/\/+$/, "");

const positive = (value: string | undefined, fallback: number) => {
  const number = Number.parseInt(value ?? "", 10);
  return Number.isFinite(number) && number > 0 ? number : fallback;
};

export const responseCache = new ResponseCache(
  positive(process.env["VRIJHAVEN_CACHE_ENTRIES"], 2000),
  positive(process.env["VRIJHAVEN_CACHE_MB"], 64) * 1024 * 1024,
);

export const api = createApiClient({
  baseUrl: API_URL,
  cache: responseCache,
  clientKey: process.env["VRIJHAVEN_API_KEY"] || undefined,
});
