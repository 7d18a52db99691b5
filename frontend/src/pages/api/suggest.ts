/**
 * `GET /api/suggest?q=&lang=`: title suggestions for the search box's script, from the
 * API's `/api/search/suggest/`, as `[{title, href, language}]` with links on this site.
 */
import type { APIRoute } from "astro";
import { pagePath } from "../../lib/api/links";
import { api } from "../../lib/api/server";
import { suggest } from "../../lib/search";
import { isSiteLanguage } from "../../lib/site-pages";

export const GET: APIRoute = async ({ url }) => {
  const q = (url.searchParams.get("q") ?? "").trim();
  const lang = url.searchParams.get("lang") ?? undefined;
  if (q.length < 2) return Response.json([], { headers: { "Cache-Control": "public, max-age=300" } });
  try {
    const items = await suggest(api, q, isSiteLanguage(lang) ? lang : null, 8);
    const body = items.map((item) => ({ title: item.title, href: pagePath(item.url) ?? item.url, language: item.language }));
    return Response.json(body, { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    console.error("suggestions failed:", error);
    return Response.json([], { status: 502 });
  }
};
