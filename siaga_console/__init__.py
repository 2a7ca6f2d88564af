"""Siaga Console."""
