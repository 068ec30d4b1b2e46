/** Send an email (Airflow's EmailOperator: core on Airflow 2, the SMTP provider's on 3). */
import { z } from "zod";

const Addresses = z.union([z.string(), z.array(z.string())]);

export const EmailConfig = z
  .object({
    kind: z.literal("email"),
    to: Addresses,
    subject: z.string(),
    htmlContent: z.string(),
    files: z.array(z.string()).optional(),
    cc: Addresses.optional(),
    bcc: Addresses.optional(),
    mimeSubtype: z.string().optional(),
    mimeCharset: z.string().optional(),
    connId: z.string().optional(),
  })
  .strict();
export type EmailConfig = z.infer<typeof EmailConfig>;
