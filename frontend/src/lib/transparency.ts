/**
 * The algorithm register (GET /api/transparency/): every rule that decides what citizens
 * see or receive, described by the backend from its live settings, in the reader's language.
 */
import type { ApiClient } from "./api/client";
import type { components } from "./api/generated/schema";

export type AlgorithmRegister = components["schemas"]["AlgorithmRegister"];
export type Algorithm = components["schemas"]["Algorithm"];

export function loadRegister(api: ApiClient, language: string): Promise<AlgorithmRegister> {
  return api.get<AlgorithmRegister>(`/api/transparency/?lang=${encodeURIComponent(language)}`);
}
