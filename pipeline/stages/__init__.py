"""The stages a command runs over a whole project: per-document jobs and their runner,
extract and update, the build and its plan, publication thresholds, review and status."""
