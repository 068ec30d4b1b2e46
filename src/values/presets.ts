/** Airflow's schedule presets that stand for a cron, as the crons they stand for (`@once` and `@continuous` do not). */
export const PRESET_CRONS: Readonly<Record<string, string>> = {
  "@hourly": "0 * * * *",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@weekly": "0 0 * * 0",
  "@monthly": "0 0 1 * *",
  "@quarterly": "0 0 1 */3 *",
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
};

/** A schedule text as a cron: a preset's cron, else the text itself. */
export function cronOf(expression: string): string {
  return PRESET_CRONS[expression] ?? expression;
}
