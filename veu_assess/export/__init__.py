"""Exports of an assessment (CSV gap list, OSCAL, ...); formats are registered in ``registry``."""
