/** Downloads from the backend, served from this site's origin (see lib/proxy.ts). */
import type { APIRoute } from "astro";
import { passThrough } from "../../lib/proxy";

export const GET: APIRoute = ({ request, url }) => passThrough(request, url);
export const HEAD: APIRoute = ({ request, url }) => passThrough(request, url);
