"""Markdown in and out: the markdown-it-py configuration, cutting a document into skeleton
and segments, front matter, and putting translations back into the skeleton."""
