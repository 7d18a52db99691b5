// getViteConfig lets vitest compile .astro components, so tests can render them with
// Astro's container API exactly as the server does.
/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

export default getViteConfig({
  test: {
    include: ["test/**/*.test.ts"],
  },
});
