/** `d.empty`: no options of its own. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { Conforms } from "../conformance.js";
import type { KindBuilder } from "./types.js";

type Own = Record<never, never>;
const conforms: Conforms<Own, FieldsOf<"empty">> = true;
void conforms;

export const empty: KindBuilder<"empty", Own> = { keys: [], config: () => ({ config: { kind: "empty" } }) };
