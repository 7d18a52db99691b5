/** The signage pictures, remembered for an outage (src/lib/signage-media.ts). */
import type { APIRoute } from "astro";
import { signageMedia } from "../../../lib/signage-media";

export const GET: APIRoute = ({ params, url }) => {
  const path = params["path"] ?? "";
  if (!path || path.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    return new Response(null, { status: 404 });
  }
  return signageMedia(path, url.search);
};
