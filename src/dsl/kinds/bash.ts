/** `d.bash`: a command, its environment and folder, and what it maps over. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { BashTaskOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { defined, isOutput, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<BashTaskOptions>;
const KEYS = ["command", "env", "appendEnv", "cwd", "expand"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"bash">> = true;
void complete, conforms;

export const bash: KindBuilder<"bash", Own> = {
  keys: KEYS,
  config: ({ command, env, appendEnv, cwd, expand }) => {
    const source = expand?.command;
    const mapped =
      expand &&
      defined({
        command: source === undefined ? undefined : isOutput(source) ? { output: source.output } : [...source],
        env: expand.env?.map((entry) => ({ ...entry })),
      });
    return {
      config: { kind: "bash", command, ...defined({ env: env && { ...env }, appendEnv, cwd, expand: mapped }) },
      ...(source !== undefined && isOutput(source) ? { uses: [source.output] } : {}),
    };
  },
};
