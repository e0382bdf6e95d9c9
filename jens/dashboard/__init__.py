"""The KPI dashboard and the half-year report: the project layer that combines every app's report selectors."""
