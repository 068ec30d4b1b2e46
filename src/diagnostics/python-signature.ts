/** How messages and the generated bindings show a Python function's signature. */
import type { PythonFunction } from "../ir/python.js";

/** `name(a: int, *, b: str = "x") -> float`, as the function's source writes it. */
export function signatureOf(fn: PythonFunction): string {
  const parts: string[] = [];
  let starred = false;
  fn.parameters.forEach((parameter, index) => {
    const annotated = `${parameter.name}${parameter.annotation ? `: ${parameter.annotation}` : ""}${parameter.default !== undefined ? (parameter.annotation ? ` = ${parameter.default}` : `=${parameter.default}`) : ""}`;
    if (parameter.kind === "keyword-only" && !starred) {
      parts.push("*");
      starred = true;
    }
    if (parameter.kind === "var-positional") {
      starred = true;
      parts.push(`*${annotated}`);
    } else if (parameter.kind === "var-keyword") parts.push(`**${annotated}`);
    else parts.push(annotated);
    const next = fn.parameters[index + 1];
    if (parameter.kind === "positional-only" && next?.kind !== "positional-only") parts.push("/");
  });
  return `${fn.name}(${parts.join(", ")})${fn.returns ? ` -> ${fn.returns}` : ""}`;
}
