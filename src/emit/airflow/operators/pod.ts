/** KubernetesPodOperator; resources, tolerations and secrets in the plain forms the operator accepts. */
import { call, literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

export const pod: OperatorEmitter<"pod"> = {
  operator: () => "KubernetesPodOperator",
  fields: {
    image: (t) => kw("image", literal(t.ir.config.image)),
    cmds: (t) => kw("cmds", optionalLiteral(t.ir.config.cmds)),
    args: (t) => kw("arguments", optionalLiteral(t.ir.config.args)),
    env: (t) => kw("env_vars", t.ir.config.env === undefined ? undefined : literal(t.ir.config.env)),
    secrets: ({ ir: { config } }, { imports }) =>
      kw(
        "secrets",
        config.secrets === undefined
          ? undefined
          : { kind: "list", items: config.secrets.map((secret) => call(imports.use("Secret"), [literal("env"), literal(secret.env), literal(secret.secret), literal(secret.key)])) },
      ),
    resources: (t) => kw("container_resources", t.ir.config.resources === undefined ? undefined : literal(t.ir.config.resources)),
    namespace: (t) => kw("namespace", optionalLiteral(t.ir.config.namespace)),
    nodeSelector: (t) => kw("node_selector", t.ir.config.nodeSelector === undefined ? undefined : literal(t.ir.config.nodeSelector)),
    tolerations: (t) => kw("tolerations", t.ir.config.tolerations === undefined ? undefined : literal(t.ir.config.tolerations)),
    serviceAccount: (t) => kw("service_account_name", optionalLiteral(t.ir.config.serviceAccount)),
    connId: (t) => kw("kubernetes_conn_id", optionalLiteral(t.ir.config.connId)),
  },
};
