import { defineConfig } from "dagwright";

export default defineConfig({
  airflow: "3.3",
  srcDir: "dags-src",
  outDir: "generated",
});
