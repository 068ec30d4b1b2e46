/** JVM memory sizes as Spark reads them: "512m", "4g", "1t". */

const MEMORY_UNITS_MIB = { k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 } as const;

/** A JVM memory size in MiB; undefined when malformed ("4gb", "4 GB", "0g", "-1g"). */
export function memoryMib(text: string): number | undefined {
  const match = /^([1-9]\d{0,9})([kmgt])$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * MEMORY_UNITS_MIB[match[2]!.toLowerCase() as keyof typeof MEMORY_UNITS_MIB];
}
