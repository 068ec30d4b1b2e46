/** `d.pod`: a container on Kubernetes, every option under its IR name. */
import type { FieldsOf, PodConfig } from "../../ir/kinds/index.js";
import type { PodTaskOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { copy, defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<PodTaskOptions>;
const KEYS = [
  "image",
  "cmds",
  "args",
  "env",
  "secrets",
  "configMapKeys",
  "envFrom",
  "resources",
  "volumes",
  "volumeMounts",
  "namespace",
  "nodeSelector",
  "affinity",
  "tolerations",
  "initContainers",
  "imagePullSecrets",
  "serviceAccount",
  "connId",
] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"pod">> = true;
void complete, conforms;

export const pod: KindBuilder<"pod", Own> = {
  keys: KEYS,
  // In the order of KEYS, whatever order the author wrote them in.
  config: (own) => ({
    config: { kind: "pod", image: own.image, ...(copy(defined(Object.fromEntries(KEYS.slice(1).map((key) => [key, own[key]])))) as Omit<PodConfig, "kind" | "image">) },
  }),
};
