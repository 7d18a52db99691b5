/**
 * `GET /signage/playlist.json?wijk=&lang=`: the playlist the player script polls (the API's,
 * with pictures on this site). 404 for an unknown wijk, 502 when the API fails: the player
 * then keeps playing what it has.
 */
import type { APIRoute } from "astro";
import { siteOrigin } from "../../lib/language-links";
import { fetchPlaylist } from "../../lib/signage-server";
import { languageOf, NO_STORE, wijkOf } from "./_query";

export const GET: APIRoute = async ({ url, request }) => {
  const wijk = wijkOf(url);
  if (wijk === undefined) return Response.json({ error: "wijk" }, { status: 404, headers: NO_STORE });
  try {
    const playlist = await fetchPlaylist(wijk, languageOf(url), siteOrigin(url, request.headers.get("host")));
    if (!playlist) return Response.json({ error: "wijk" }, { status: 404, headers: NO_STORE });
    return Response.json(playlist, { headers: NO_STORE });
  } catch (error) {
    console.error("signage: playlist unavailable:", error instanceof Error ? error.message : error);
    return Response.json({ error: "unavailable" }, { status: 502, headers: NO_STORE });
  }
};
