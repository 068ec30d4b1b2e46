/**
 * A human-in-the-loop task (Airflow 3.1+): a person answers in the UI (ApprovalOperator,
 * HITLOperator, HITLBranchOperator, HITLEntryOperator, by `variant`).
 */
import { z } from "zod";
import { DurationText, JsonObject } from "../common.js";

export const HitlConfig = z
  .object({
    kind: z.literal("hitl"),
    variant: z.enum(["approval", "options", "branch", "entry"]),
    subject: z.string(),
    body: z.string().optional(),
    /** The choices; for a branch, the task or group id each choice follows. */
    options: z.array(z.string()).optional(),
    optionsMapping: z.record(z.string(), z.string()).optional(),
    defaults: z.array(z.string()).optional(),
    multiple: z.boolean().optional(),
    params: JsonObject.optional(),
    responseTimeout: DurationText.optional(),
    ignoreDownstreamTriggerRules: z.boolean().optional(),
    failOnReject: z.boolean().optional(),
  })
  .strict();
export type HitlConfig = z.infer<typeof HitlConfig>;
