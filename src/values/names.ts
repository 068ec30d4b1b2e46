/** Name patterns several rule families check against. */

/** The configuration file at a project's root. */
export const CONFIG_FILE = "dagwright.config.ts";

/** A Python callable as "package.module:function", with ASCII identifiers. */
export const PYTHON_CALLABLE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*:[A-Za-z_]\w*$/;

/** A Python identifier in ASCII. */
export const PYTHON_IDENTIFIER = /^[A-Za-z_]\w*$/;

/** A Kubernetes DNS-1123 label, as namespaces are. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A Kubernetes DNS-1123 subdomain, as service accounts are. */
export const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Airflow's KEY_REGEX restricted to ASCII, as Airflow documents it: DAG and task ids. */
export const AIRFLOW_ID = /^[A-Za-z0-9_.-]+$/;

/** Airflow's GROUP_KEY_REGEX in ASCII: task group ids (no dots). */
export const GROUP_ID = /^[A-Za-z0-9_-]+$/;

/** Code-point order, independent of the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
