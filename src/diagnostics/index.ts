/**
 * The diagnostics kernel: the catalogue of codes, the one constructor of diagnostics, the
 * renderer of subjects, and the stable order. Every stage may import it.
 */
export { CATALOGUE, CODES, FAMILIES, isCode, type Code, type CodeInfo, type KubernetesNameField, type MessageArgs, type OptionsOwner } from "./catalogue.js";
export { diagnose } from "./diagnose.js";
export { explainText } from "./explain.js";
export { hasErrors, isDiagnostic, optionAt, sortDiagnostics, writtenAt, type Diagnostic, type OptionLocation, type OptionPath, type RelatedLocation, type Severity } from "./diagnostic.js";
export { bare, plural, q, subject, type Subject } from "./subjects.js";
export { signatureOf } from "./python-signature.js";
