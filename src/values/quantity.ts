/** Kubernetes resource quantities: a number and an optional decimal or binary suffix ("500m", "2", "1Gi"). */

const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
const FACTORS: Record<string, number> = { "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/** The quantity's value in base units, for comparing a request with its limit; undefined when malformed. */
export function quantityValue(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^(\d+(?:\.\d+)?|\.\d+)(\w*)$/.exec(text);
  return match && QUANTITY.test(text!) ? Number(match[1]) * FACTORS[match[2]!]! : undefined;
}
