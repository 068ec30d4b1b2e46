/** `d.email`: the message and where it goes. */
import type { FieldsOf } from "../../ir/kinds/index.js";
import type { EmailOptions } from "../types.js";
import type { Complete, Conforms } from "../conformance.js";
import { defined, type KindBuilder, type OwnOptions } from "./types.js";

type Own = OwnOptions<EmailOptions>;
const KEYS = ["to", "subject", "htmlContent", "files", "cc", "bcc", "mimeSubtype", "mimeCharset", "connId"] as const;
const complete: Complete<(typeof KEYS)[number], Own> = true;
const conforms: Conforms<Own, FieldsOf<"email">> = true;
void complete, conforms;

const addresses = (value: string | readonly string[] | undefined) => (value === undefined || typeof value === "string" ? value : [...value]);

export const email: KindBuilder<"email", Own> = {
  keys: KEYS,
  config: (own) => ({
    config: {
      kind: "email",
      to: addresses(own.to)!,
      subject: own.subject,
      htmlContent: own.htmlContent,
      ...defined({
        files: own.files && [...own.files],
        cc: addresses(own.cc),
        bcc: addresses(own.bcc),
        mimeSubtype: own.mimeSubtype,
        mimeCharset: own.mimeCharset,
        connId: own.connId,
      }),
    },
  }),
};
