"""A deterministic corpus of Chinese Markdown articles shaped like ``source/aigc-intro.md``.

Every article has YAML front matter, a title, numbered sections and a mix of blocks drawn by a
seeded RNG: paragraphs whose inline code, bold text and links sit on lines of their own (the
soft-wrapped style of the sample, exported from a blog), nested lists, blockquotes, GFM
tables, fenced code, images with captions, footnotes and reference links.  Article ``i`` is
drawn from its own RNG seeded with ``(seed, i)``, so a corpus of 250 is the first quarter of
a corpus of 1,000 and any one article can be regenerated alone.

    python bench/corpus.py OUT_DIR [--docs N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

PHRASES = (
    "生成式人工智能", "深度学习模型", "自然语言处理", "计算机视觉领域", "大规模预训练",
    "多模态融合", "内容创作", "数据访问", "计算资源", "模型架构", "自监督学习", "图像生成任务",
    "文本到图像的工具", "搜索指数", "底层技术基础", "应用场景", "研究人员", "开源社区",
    "训练数据", "推理速度", "参数规模", "评测基准", "用户体验", "行业应用", "数字艺术",
    "媒体广告", "教育领域", "伦理问题", "隐私保护", "版权争议", "人工智能寒冬", "投资热潮",
    "语言模型", "视频生成", "音频合成", "代码生成", "知识图谱", "强化学习", "人类反馈",
    "提示工程", "向量数据库", "检索增强生成", "模型压缩", "量化推理", "分布式训练",
)
OPENERS = ("随着", "在", "对于", "通过", "基于", "关于", "相比", "除了", "", "", "")
LINKS = ("的发展", "的基础上", "方面", "的过程中", "之外", "而言", "的帮助下")
CLAUSES = ("取得了显著的进展", "带来了新的挑战", "变得越来越重要", "引起了广泛的关注",
           "依赖于大量的数据", "仍然存在很多局限性", "极大地降低了创作门槛", "需要更多的计算资源",
           "被广泛认为是一种有前途的工具", "的界限往往是模糊的", "经历了多次重大变革")
STOPS = ("。", "。", "。", "！", "？", "；")
COMMAS = ("，", "，", "、", "：")
TERMS = ("ChatGPT", "GPT-4", "AIGC", "Transformer", "BERT", "Diffusion", "VAE", "GAN",
         "Stable Diffusion", "DALL-E 2", "ImageNet", "CUDA", "LoRA", "RLHF", "PyTorch",
         "AlexNet", "WaveNet", "MAE", "Vision Transformer", "SSL", "TPU", "GPU")
LANGUAGES = ("python", "bash", "json", "yaml", "")


def phrase(rng: random.Random) -> str:
    """A few words of Chinese, no punctuation."""
    return rng.choice(PHRASES) + (rng.choice(PHRASES) if rng.random() < 0.3 else "")


def clause(rng: random.Random) -> str:
    """A clause such as 随着大规模预训练的发展深度学习模型取得了显著的进展."""
    return rng.choice(OPENERS) + phrase(rng) + rng.choice(LINKS) + phrase(rng) \
        + rng.choice(CLAUSES)


def url(rng: random.Random, kind: str = "p") -> str:
    """A plausible https URL."""
    return f"https://example.{rng.choice(('com', 'org', 'cn'))}/{kind}/{rng.randrange(10**8):08x}"


def _code(rng: random.Random) -> str:
    return f"`{rng.choice(TERMS)}`"


def _bold(rng: random.Random) -> str:
    return f"**{phrase(rng)}**"


def _bold_code(rng: random.Random) -> str:
    return f"**`{rng.choice(TERMS)}`**"


def _link(rng: random.Random) -> str:
    title = f' "{phrase(rng)}"' if rng.random() < 0.4 else ""
    return f"[{phrase(rng)}]({url(rng)}{title})"


def _reference(rng: random.Random) -> str:
    return f"[{phrase(rng)}][ref{rng.randrange(1, 4)}]"


INLINE: tuple[Callable[[random.Random], str], ...] = (
    _code, _code, _code, _bold, _bold, _bold_code, _link, _reference)


def paragraph_lines(rng: random.Random, sentences: int, notes: list[int]) -> list[str]:
    """Lines of one paragraph; an inline element goes on a line of its own three times out
    of four, the way the sample was exported, so soft breaks sit between CJK and markup."""
    lines, current = [], ""
    for _ in range(sentences):
        for _ in range(rng.randrange(1, 4)):
            current += clause(rng)
            if rng.random() < 0.85:
                element = rng.choice(INLINE)(rng)
                if rng.random() < 0.75:
                    lines += [current, element] if current else [element]
                    current = ""
                else:
                    current += element
            current += rng.choice(COMMAS)
        current = current[:-1] + rng.choice(STOPS)
        if rng.random() < 0.05:
            notes.append(len(notes) + 1)
            current += f"[^{len(notes)}]"
    return [line for line in lines + [current] if line]


def _paragraph(rng: random.Random, notes: list[int]) -> list[str]:
    return paragraph_lines(rng, rng.randrange(1, 5), notes)


def _item(rng: random.Random, notes: list[int], marker: str, indent: str) -> list[str]:
    body = paragraph_lines(rng, 1, notes)
    pad = indent + " " * len(marker)
    return [indent + marker + body[0]] + [pad + line for line in body[1:]]


def _list(rng: random.Random, notes: list[int]) -> list[str]:
    ordered = rng.random() < 0.3
    lines = []
    for number in range(1, rng.randrange(2, 6)):
        marker = f"{number}. " if ordered else rng.choice(("* ", "- "))
        lines += _item(rng, notes, marker, "")
        if rng.random() < 0.4:  # a nested list, indented to the item's content
            for _ in range(rng.randrange(1, 4)):
                lines += _item(rng, notes, "- ", " " * len(marker))
    return lines


def _task_list(rng: random.Random, notes: list[int]) -> list[str]:
    return [f"- [{rng.choice(' x')}] {clause(rng)}" for _ in range(rng.randrange(2, 5))]


def _quote(rng: random.Random, notes: list[int]) -> list[str]:
    lines = ["> " + line for line in paragraph_lines(rng, rng.randrange(1, 3), notes)]
    if rng.random() < 0.4:
        lines += [">"] + ["> " + line for line in _list(rng, notes)]
    return lines


def _cell(rng: random.Random) -> str:
    return rng.choice((phrase(rng), phrase(rng), _code(rng), str(rng.randrange(1, 999)),
                       _bold(rng), f"{phrase(rng)} \\| {rng.choice(TERMS)}"))


def _table(rng: random.Random, notes: list[int]) -> list[str]:
    width = rng.randrange(2, 5)
    rows = [[phrase(rng) for _ in range(width)]]
    rows += [[_cell(rng) for _ in range(width)] for _ in range(rng.randrange(2, 7))]
    rule = [rng.choice(("---", ":---", ":---:", "---:")) for _ in range(width)]
    return ["| " + " | ".join(row) + " |" for row in rows[:1] + [rule] + rows[1:]]


def _fence(rng: random.Random, notes: list[int]) -> list[str]:
    body = [f"# {phrase(rng)}", f"model = load('{rng.choice(TERMS)}')",
            f"print(model.generate('{phrase(rng)}'))", "x = [i * 2 for i in range(10)]"]
    return [f"```{rng.choice(LANGUAGES)}"] + rng.sample(body, rng.randrange(2, 5)) + ["```"]


def _image(rng: random.Random, notes: list[int]) -> list[str]:
    alt = phrase(rng) if rng.random() < 0.4 else ""
    return [f"![{alt}]({url(rng, 'img')}.png)", "",
            f"图{rng.randrange(1, 9)}.{rng.randrange(1, 9)} {rng.choice(TERMS)} {phrase(rng)}"]


def _bold_heading(rng: random.Random, notes: list[int]) -> list[str]:
    return [f"**{rng.randrange(1, 9)}.{rng.randrange(1, 9)} {phrase(rng)}**"]


BLOCKS: tuple[tuple[Callable[[random.Random, list[int]], list[str]], int], ...] = (
    (_paragraph, 10), (_list, 3), (_task_list, 1), (_quote, 2), (_table, 1), (_fence, 1),
    (_image, 2), (_bold_heading, 1))


def front_matter(rng: random.Random, index: int) -> list[str]:
    """YAML front matter with the sample's keys, quoting styles varied."""
    title = f"{rng.choice(TERMS)}{phrase(rng)}系列之第{index}篇"
    quote = rng.choice(('"{}"', "'{}'", "{}"))
    tags = ", ".join(f"'{t}'" for t in rng.sample(PHRASES, 3) + [rng.choice(TERMS)])
    return ["---", 'layout: post', "title: " + quote.format(title),
            f"date: 2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} 10:31:13 +08:00",
            f'description: "{clause(rng)}，{clause(rng)}"', f'keywords: "{phrase(rng)}"',
            f"categories: ['{phrase(rng)}', '{rng.choice(TERMS)}']", f"tags: [{tags}]",
            f'artid: "{129958407 + index}"', "image:", f"    path: {url(rng, 'img')}",
            f'    alt: "{title}"', "render_with_liquid: false", "---"]


def article(seed: int, index: int) -> str:
    """The text of article ``index`` of the corpus drawn with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    notes: list[int] = []
    blocks = [front_matter(rng, index), [f"# 【{rng.choice(TERMS)}】{phrase(rng)}之入门篇"]]
    kinds, weights = zip(*BLOCKS)
    for section in range(rng.randrange(4, 7)):
        blocks.append([f"{'#' * rng.choice((3, 3, 4))} {section}. {phrase(rng)}"])
        for make in rng.choices(kinds, weights, k=rng.randrange(5, 9)):
            blocks.append(make(rng, notes))
    blocks.append(["#### References"])
    blocks += [[f"[{n}]{rng.choice(TERMS)}: {url(rng)}"] for n in range(1, rng.randrange(3, 7))]
    blocks += [[f"[ref{n}]: {url(rng)}" for n in range(1, 4)]]
    for number in notes:
        blocks.append([f"[^{number}]: {clause(rng)}。"])
    return "\n\n".join("\n".join(lines) for lines in blocks) + "\n"


def document_name(index: int) -> str:
    """File stem of article ``index``."""
    return f"article-{index:04d}"


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write articles 1..count as ``folder/article-NNNN.md``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(1, count + 1):
        path = folder / f"{document_name(index)}.md"
        path.write_text(article(seed, index), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: write a corpus to a folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the articles")
    parser.add_argument("--docs", type=int, default=1000, help="how many (default: 1000)")
    parser.add_argument("--seed", type=int, default=0, help="RNG seed (default: 0)")
    args = parser.parse_args(argv)
    paths = write_corpus(args.folder, args.docs, args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} articles, {size / 1e6:.1f} MB, to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
