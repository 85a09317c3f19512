"""Bulk export: a job's matrix of designs, run on any executor, written atomically, recorded in a manifest.

job (what to make) -> matrix (designs and their file names) -> runner (keys against the manifest,
workers, atomic writes) -> manifest.json and review (index.html). export sits above pipeline.
"""
