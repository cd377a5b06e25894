"""Thin Faust agents: move records between topics, count metrics, route failures."""
