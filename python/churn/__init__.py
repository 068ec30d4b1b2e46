"""Churn model training steps, called by the churn_training DAG.

Pure standard library, so the package runs on any Airflow worker without extra installs.
Each step reads and writes JSON files in the run directory the DAG passes in.
"""
