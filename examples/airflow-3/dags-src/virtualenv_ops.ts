import { dag } from "dagwright";

/**
 * Functions run in a virtual environment Airflow builds for the task, one of them a branch.
 * Airflow 3 only among the examples: Airflow 2's PythonVirtualenvOperator refuses to be created
 * when the `virtualenv` package is missing, and the locked Airflow 2 environments lack it.
 */
export default dag("virtualenv_ops", { schedule: null, startDate: "2026-01-01", tags: ["standard"] }, (d) => {
  const summary = d.pythonVirtualenv("summarize_in_venv", {
    callable: "reports.sources:summarize",
    kwargs: { region: "apac", top_n: "2" },
    requirements: ["pendulum"],
    pythonVersion: "3.11",
    systemSitePackages: true,
    pipInstallOptions: ["--no-cache-dir"],
    indexUrls: ["https://pypi.org/simple"],
    venvCacheDir: "/tmp/dagwright-venvs",
  });
  const html = d.empty("render_html");
  const pdf = d.empty("render_pdf");
  const pick = d.branchPythonVirtualenv("pick_format_in_venv", {
    callable: "reports.branching:pick_format",
    kwargs: { audience: "finance" },
    targets: [html, pdf],
    systemSitePackages: true,
  });
  summary.then(pick).then([html, pdf]);
});
