/** `d.latestOnly`: no options of its own. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { Conforms } from "../conformance.js";
import type { KindBuilder } from "./types.js";

type Own = Record<never, never>;
const conforms: Conforms<Own, FieldsOf<"latest_only">> = true;
void conforms;

export const latestOnly: KindBuilder<"latest_only", Own> = { keys: [], config: () => ({ config: { kind: "latest_only" } }) };
