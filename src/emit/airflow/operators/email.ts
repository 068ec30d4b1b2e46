/** EmailOperator: core's on Airflow 2, the SMTP provider's on Airflow 3 (capabilities say which). */
import { literal } from "../../python/expr.js";
import { optionalLiteral } from "../context.js";
import { kw } from "../keywords.js";
import type { OperatorEmitter } from "./types.js";

export const email: OperatorEmitter<"email"> = {
  operator: () => "EmailOperator",
  fields: {
    to: (t) => kw("to", literal(t.ir.config.to)),
    subject: (t) => kw("subject", literal(t.ir.config.subject)),
    htmlContent: (t) => kw("html_content", literal(t.ir.config.htmlContent)),
    files: (t) => kw("files", optionalLiteral(t.ir.config.files)),
    cc: (t) => kw("cc", optionalLiteral(t.ir.config.cc)),
    bcc: (t) => kw("bcc", optionalLiteral(t.ir.config.bcc)),
    mimeSubtype: (t) => kw("mime_subtype", optionalLiteral(t.ir.config.mimeSubtype)),
    mimeCharset: (t) => kw("mime_charset", optionalLiteral(t.ir.config.mimeCharset)),
    connId: (t) => kw("conn_id", optionalLiteral(t.ir.config.connId)),
  },
};
