/**
 * The one API client the server uses, pointed at VRIJHAVEN_API_URL (read at start-up, so
 * one build runs against any backend: `make demo` locally, `http://web:8000` in compose).
 */
import { createApiClient } from "./client";

export const API_URL = (process.env["VRIJHAVEN_API_URL"] ?? "http://localhost:8000").replace(/\/+$/, "");

export const api = createApiClient({ baseUrl: API_URL });
