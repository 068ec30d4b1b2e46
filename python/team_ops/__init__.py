"""The team's own operators: classes the scheduler imports when it parses a DAG that uses them.

Kept apart from the packages of task functions (churn, reports, ...), which dagwright imports
only when a task runs, so a DAG folder parses with this package alone on the path.
"""
