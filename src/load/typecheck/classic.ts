/** Type-checking with a project's own TypeScript 5 or 6, through its JavaScript API, as `tsc -p` does. */

import type { CheckFindings } from "./diagnostics.js";

export function checkClassic(typescript: typeof import("typescript"), tsconfig: string): CheckFindings {
  const parsed = typescript.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...typescript.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  if (!parsed) return { findings: [], files: [] };
  const program = typescript.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences ?? [] });
  const syntax = program.getSyntacticDiagnostics();
  const found = [
    ...parsed.errors,
    ...program.getOptionsDiagnostics(),
    ...(syntax.length > 0 ? syntax : [...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()]),
  ];
  const findings = found
    .filter((diagnostic) => diagnostic.category === typescript.DiagnosticCategory.Error)
    .map((diagnostic) => ({
      code: diagnostic.code,
      text: typescript.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
      ...(diagnostic.file && diagnostic.start !== undefined
        ? { fileName: diagnostic.file.fileName, start: diagnostic.start, end: diagnostic.start + (diagnostic.length ?? 0) }
        : {}),
    }));
  return { findings, files: program.getSourceFiles().map((file) => file.fileName) };
}
