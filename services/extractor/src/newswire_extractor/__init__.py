"""Newswire package."""
