/** DW125 and DW413: a pod's resources are Kubernetes quantities within their limits, in a valid namespace. */
import { diagnose, type Diagnostic } from "../../diagnostics/index.js";
import { DNS_LABEL } from "../../values/names.js";
import { isQuantity, quantityValue } from "../../values/quantity.js";
import { about, type KindRule } from "../context.js";

export const checkPod: KindRule<"pod"> = (task) => {
  const diagnostics: Diagnostic[] = [];
  const { config, location } = task.ir;
  const resources = config.resources ?? {};
  for (const side of ["requests", "limits"] as const) {
    for (const [name, value] of Object.entries(resources[side] ?? {})) {
      if (value !== undefined && !isQuantity(value)) diagnostics.push(diagnose("DW125", { ...about(task), field: `resources.${side}.${name}`, value }, location));
    }
  }
  for (const resource of ["cpu", "memory"] as const) {
    const request = resources.requests?.[resource];
    const limit = resources.limits?.[resource];
    const [requested, limited] = [quantityValue(request), quantityValue(limit)];
    if (requested !== undefined && limited !== undefined && requested > limited) {
      diagnostics.push(diagnose("DW125", { ...about(task), resource, request: request!, limit: limit! }, location));
    }
  }
  if (config.namespace !== undefined && !DNS_LABEL.test(config.namespace)) {
    diagnostics.push(diagnose("DW413", { where: about(task), field: "namespace", value: config.namespace }, location));
  }
  return diagnostics;
};
