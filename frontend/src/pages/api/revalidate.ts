/**
 * `POST /api/revalidate`: the backend's signed publish webhook (src/lib/revalidation.ts).
 * Register this URL as a webhook in the backend's admin with the same secret as
 * VRIJHAVEN_WEBHOOK_SECRET; without that variable the endpoint refuses everything (503).
 */
import type { APIRoute } from "astro";
import { responseCache } from "../../lib/api/server";
import { receiveWebhook, SeenEvents } from "../../lib/revalidation";

const seen = new SeenEvents();

export const POST: APIRoute = ({ request }) =>
  receiveWebhook(request, { secret: process.env["VRIJHAVEN_WEBHOOK_SECRET"] ?? "", cache: responseCache, seen });
