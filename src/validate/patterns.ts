/** Name patterns several rule families check against. */

/** A Python callable as "package.module:function", with ASCII identifiers. */
export const PYTHON_CALLABLE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*:[A-Za-z_]\w*$/;

/** A Kubernetes DNS-1123 label, as namespaces are. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A Kubernetes DNS-1123 subdomain, as service accounts are. */
export const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
