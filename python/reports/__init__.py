"""Steps of the report_builder DAG: small, pure-Python functions called by its tasks."""
