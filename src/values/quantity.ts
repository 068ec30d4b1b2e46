/**
 * Kubernetes resource quantities, as its apimachinery parses them: a number ("2", "1.5", "2.",
 * ".5", an optional "+") and an optional binary suffix ("1Gi"), decimal suffix ("500m") or
 * decimal exponent ("1e3", "2E-1"). Resources are never negative, so a "-" is refused.
 */
const QUANTITY = /^\+?(\d+\.\d*|\d+|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const FACTORS: Record<string, number> = { "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/** The quantity's value in base units, for comparing a request with its limit; undefined when malformed. */
export function quantityValue(text: string | undefined): number | undefined {
  const match = text === undefined ? null : QUANTITY.exec(text);
  if (!match) return undefined;
  const suffix = match[2] ?? "";
  const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : FACTORS[suffix]!;
  return Number(match[1]) * factor;
}
