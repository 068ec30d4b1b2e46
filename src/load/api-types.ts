/** Where the authoring API's declarations are, for projects that check without dagwright installed. */
import fs from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The type declarations of the authoring API, as a user's project sees them from the package.
 * Tests run the compiler from its sources, but still check user code against the built
 * declarations, so they see exactly what users see.
 */
export function apiTypesEntry(): string {
  const declaration = fileURLToPath(new URL("../../dist/dsl/index.d.ts", import.meta.url));
  return fs.existsSync(declaration) ? declaration : fileURLToPath(new URL("../dsl/index.ts", import.meta.url));
}
