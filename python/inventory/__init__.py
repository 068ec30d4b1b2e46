"""Callables of the inventory example: Airflow's context, several outputs, async, generators, mapping."""
