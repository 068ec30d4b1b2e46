import type { AirflowTarget } from "./schema.js";

/** Whether Airflow version `version` is `since` or newer. */
export function atLeast(version: AirflowTarget, since: AirflowTarget): boolean {
  const [major, minor] = version.split(".").map(Number) as [number, number];
  const [sinceMajor, sinceMinor] = since.split(".").map(Number) as [number, number];
  return major > sinceMajor || (major === sinceMajor && minor >= sinceMinor);
}

export function airflowMajor(version: AirflowTarget): 2 | 3 {
  return version.startsWith("2.") ? 2 : 3;
}
