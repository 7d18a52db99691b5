/**
 * `GET /signage/alerts.json?wijk=&lang=`: the active crisis alerts a screen shows over its
 * playlist, `{"alerts": [...]}`. 502 when the API fails (never an empty list then: the
 * player keeps showing an alert it has rather than drop it on a hiccup).
 */
import type { APIRoute } from "astro";
import { fetchAlerts } from "../../lib/signage-server";
import { languageOf, NO_STORE, wijkOf } from "./_query";

export const GET: APIRoute = async ({ url }) => {
  const wijk = wijkOf(url);
  if (wijk === undefined) return Response.json({ error: "wijk" }, { status: 404, headers: NO_STORE });
  try {
    return Response.json({ alerts: await fetchAlerts(wijk, languageOf(url)) }, { headers: NO_STORE });
  } catch (error) {
    console.error("signage: alerts unavailable:", error instanceof Error ? error.message : error);
    return Response.json({ error: "unavailable" }, { status: 502, headers: NO_STORE });
  }
};
