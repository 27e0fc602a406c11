"""What tests compare between a source and a rebuilt document: block structure and the
things a translation must never change (code, URLs, labels)."""

from __future__ import annotations

from pipeline.markdown.parser import parse_blocks, walk_inline


def block_structure(text: str) -> list[tuple[str, str, int]]:
    """Block token types with their tag (heading level) and nesting level, in order."""
    tokens, _ = parse_blocks(text)
    return [(t.type, t.tag, t.level) for t in tokens if t.type != "inline"]


_MARKUP = {"em_open", "strong_open", "s_open", "hardbreak", "html_inline", "math_inline"}


def protected_facts(text: str) -> list[tuple[str, str]]:
    """Code spans, link/image targets, footnote labels, emphasis and other inline markup,
    code blocks and HTML blocks, in order."""
    tokens, env = parse_blocks(text)
    facts: list[tuple[str, str]] = []
    for token in tokens:
        if token.type in ("fence", "code_block", "html_block", "math_block"):
            facts.append((token.type, token.content))
        for child in walk_inline(token.children or []):
            if child.type == "code_inline":
                facts.append(("code", child.content))
            elif child.type == "link_open":
                facts.append(("href", str(child.attrs.get("href"))))
            elif child.type == "image":
                facts.append(("src", str(child.attrs.get("src"))))
            elif child.type == "footnote_ref":
                facts.append(("footnote", str(child.meta.get("label"))))
            elif child.type in _MARKUP:
                facts.append(("markup", child.type))
    facts += [("reference", label) for label in sorted(env.get("references", {}))]
    return facts


def assert_same_markdown(rebuilt: str, source: str, ignore: tuple[str, ...] = ()) -> None:
    """A rebuilt (translated) text has the source's blocks and protected facts (but the
    kinds in ``ignore``, which the translation may change)."""
    assert block_structure(rebuilt) == block_structure(source)
    kept = [fact for fact in protected_facts(rebuilt) if fact[0] not in ignore]
    assert kept == [fact for fact in protected_facts(source) if fact[0] not in ignore]
