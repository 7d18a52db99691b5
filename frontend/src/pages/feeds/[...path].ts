/** The API's RSS, Atom and iCalendar feeds (/api/feeds/...), offered at /feeds/... on this site. */
import type { APIRoute } from "astro";
import { passThrough } from "../../lib/proxy";

export const GET: APIRoute = ({ request, url }) => passThrough(request, url, "/api");
export const HEAD: APIRoute = ({ request, url }) => passThrough(request, url, "/api");
