/** Types of venvs.mjs: reproducible Python virtualenvs for the tests. */
export type VenvName =
  | "tools"
  | "airflow-2.9"
  | "airflow-2.10"
  | "airflow-2.11"
  | "airflow-3.0"
  | "airflow-3.1"
  | "airflow-3.2"
  | "airflow-3"
  | "spark";
export declare const REPO_ROOT: string;
export declare const REQUIREMENTS_DIR: string;
export declare const VENV_NAMES: readonly VenvName[];
export declare function venvRoot(): string;
export declare function venvDir(name: VenvName): string;
export declare function lockFile(name: VenvName): string;
/** Where wheels built from sdist-only packages (pyspark) are kept between venv builds. */
export declare function wheelhouseDir(): string;
/** Build the venv if it is missing or out of date; returns its bin directory. */
export declare function ensureVenv(name: VenvName, options?: { rebuild?: boolean }): Promise<string>;
