"""Prompt templates, shipped as the package ``summarizer.prompts`` (see summarizer/prompt_files.py)."""
