#!/usr/bin/env python3
"""Make a test archive for `quotediff scan`: generated releases, articles cut from novels,
passages of the releases planted into some articles, and every gold pair mixed in.

    python3 scripts/make_archive.py --out target/archive                # 3,000 articles
    python3 scripts/make_archive.py --out target/big --articles 100000 --releases 10000

Writes, into --out:
  releases.jsonl  {"id", "text", "date", "title"}: generated releases, then the gold sources
  articles.jsonl  {"id", "text", "date"?, "url", "title"}: pieces of the novels, some carrying
                  planted passages, then the gold articles (undated)
  truth.jsonl     {"article_id", "source_id", "words", "quoted"}: each planted pair
  gold.jsonl      {"article_id", "source_id"}: each gold pair

Releases are made by a word Markov chain (order 2) trained on the official texts of
../shared/corpus/official and the first fifth of each novel, with invented agencies, names and
figures, so that no two are alike and none is a piece of the articles' text. Articles are
pieces of 350 to 650 words from the other four fifths of the novels. A planted pair puts one to
three passages of a release (15 to 40 words each, at least a tenth of the article in all) into
the article, edited the way newsrooms edit: kept as they are, in quotation marks with an
attribution, a word changed, a word dropped, the passages in another order. The same seed gives
the same archive, byte for byte.
"""

import argparse
import datetime
import json
import os
import random
import re

AGENCIES = ["Ministry of Health", "Department of Transport", "City Council", "Port Authority",
            "Water Board", "Office of the Governor", "Federal Reserve Bank", "Police Department",
            "University Senate", "Energy Regulator", "Housing Agency", "Ministry of Finance",
            "Statistics Office", "Fire Service", "Environment Agency", "Court of Appeal"]
PLACES = ["Northfield", "Eastbrook", "Harlow", "Brent Cross", "Valmont", "Redcliffe", "Oakham",
          "Linton", "Marsh End", "Greywater", "Coldharbour", "Ashby", "Kingsmere", "Fenwick"]
FIRST = ["Maria", "John", "Aisha", "Peter", "Chen", "Laura", "Tomas", "Fatima", "Robert", "Ines",
         "David", "Sofia", "Kwame", "Helen", "Ivan", "Grace"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Hartley", "Novak", "Delgado", "Brennan", "Sato",
        "Whitfield", "Castillo", "Mensah", "Ferreira", "Kowalski", "Ashworth", "Bauer", "Quinn"]
VERBS = ["said", "told reporters", "said in a statement", "added"]
START = datetime.date(2024, 1, 1)


def words_of(text):
    return text.split()


def train(texts):
    chain = {}
    for words in texts:
        for a, b, c in zip(words, words[1:], words[2:]):
            chain.setdefault((a, b), []).append(c)
    return chain


def babble(rng, chain, keys, count):
    a, b = rng.choice(keys)
    out = [a, b]
    while len(out) < count:
        nexts = chain.get((a, b))
        if not nexts:
            a, b = rng.choice(keys)
            out.extend([a, b])
            continue
        c = rng.choice(nexts)
        out.append(c)
        a, b = b, c
    return out


def sentence_case(words):
    text = " ".join(words).replace('"', "").replace("\u201c", "").replace("\u201d", "")
    text = text[:1].upper() + text[1:]
    return text.rstrip(",;:") + ("" if text.endswith(".") else ".")


def make_release(rng, chain, keys, number):
    agency = f"{rng.choice(PLACES)} {rng.choice(AGENCIES)}"
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    date = START + datetime.timedelta(days=rng.randrange(365))
    figure = rng.randrange(2, 9000)
    paragraphs = [f"{rng.choice(PLACES).upper()}, {date:%B %-d, %Y} - The {agency} today "
                  f"announced {figure} new measures (release {number})."]
    for _ in range(rng.randrange(3, 6)):
        sentences = [sentence_case(babble(rng, chain, keys, rng.randrange(12, 30)))
                     for _ in range(rng.randrange(2, 5))]
        paragraphs.append(" ".join(sentences))
    quote = sentence_case(babble(rng, chain, keys, rng.randrange(15, 30)))
    paragraphs.insert(2, f"\u201c{quote}\u201d said {person}, head of the {agency}.")
    return {"id": f"release-{number:05d}", "text": "\n\n".join(paragraphs) + "\n",
            "date": date.isoformat(), "title": f"{agency} announces {figure} measures"}


def day_of(release):
    return datetime.date.fromisoformat(release["date"])


def release_passages(rng, release, count):
    """`count` runs of 15 to 40 words from a release's body (not its dateline)."""
    words = words_of(release["text"].split("\n\n", 1)[1])
    passages = []
    for _ in range(count):
        length = rng.randrange(15, 41)
        start = rng.randrange(0, max(1, len(words) - length))
        passages.append(words[start:start + length])
    return passages


def edit(rng, passage):
    """The passage as an article prints it, and whether it is in quotation marks."""
    words = [w.strip('"\u201c\u201d') for w in passage]
    words = [w for w in words if w]
    how = rng.choice(["verbatim", "quoted", "changed", "dropped", "quoted-changed"])
    if how in ("changed", "quoted-changed"):
        i = rng.randrange(len(words) // 3, 2 * len(words) // 3)
        words[i] = rng.choice(["several", "new", "local", "major", "many"])
    if how == "dropped":
        del words[rng.randrange(len(words) // 3, 2 * len(words) // 3)]
    text = " ".join(words).rstrip(".,;:")
    if how.startswith("quoted"):
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        return f"\u201c{text},\u201d {who} {rng.choice(VERBS)}.", True
    return text[:1].upper() + text[1:] + ".", False


def plant(rng, article_words, pieces):
    """Inserts the pieces at sentence ends of the article, in a random order."""
    ends = [i + 1 for i, w in enumerate(article_words) if w.endswith((".", "!", "?"))]
    ends = ends or [len(article_words)]
    spots = sorted(rng.sample(ends, min(len(pieces), len(ends))))
    while len(spots) < len(pieces):
        spots.append(len(article_words))
    rng.shuffle(pieces)
    for spot, piece in sorted(zip(spots, pieces), key=lambda x: -x[0]):
        article_words[spot:spot] = piece.split()
    return article_words


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--releases", type=int, default=300)
    parser.add_argument("--planted", type=float, default=0.25, help="share of articles planted")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--corpus", default=os.path.join(shared, "corpus"))
    parser.add_argument("--gold", default=os.path.join(shared, "gold"))
    args = parser.parse_args()
    rng = random.Random(args.seed)

    novels = sorted(f for f in os.listdir(args.corpus) if f.endswith(".txt"))
    official_dir = os.path.join(args.corpus, "official")
    training, pools = [], []
    for name in sorted(os.listdir(official_dir)):
        with open(os.path.join(official_dir, name), encoding="utf-8") as f:
            training.append(words_of(f.read()))
    for name in novels:
        with open(os.path.join(args.corpus, name), encoding="utf-8") as f:
            words = words_of(f.read())
        fifth = len(words) // 5
        training.append(words[:fifth])
        pools.append(words[fifth:])
    chain = train(training)
    keys = sorted(k for k in chain if k[0][:1].isupper())

    os.makedirs(args.out, exist_ok=True)
    releases = [make_release(rng, chain, keys, n) for n in range(args.releases)]
    with open(os.path.join(args.out, "releases.jsonl"), "w", encoding="utf-8") as out:
        for release in releases:
            out.write(json.dumps(release, ensure_ascii=False) + "\n")
        gold_pairs = write_gold(args.gold, out, None)

    with open(os.path.join(args.out, "articles.jsonl"), "w", encoding="utf-8") as out, \
            open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8") as truth:
        for number in range(args.articles):
            pool = rng.choice(pools)
            length = rng.randrange(350, 651)
            start = rng.randrange(0, len(pool) - length)
            words = list(pool[start:start + length])
            article_id = f"article-{number:06d}"
            date = START + datetime.timedelta(days=rng.randrange(400))
            if rng.random() < args.planted:
                first = rng.choice(releases)
                date = day_of(first) + datetime.timedelta(days=rng.randrange(0, 31))
                chosen = [first]
                if rng.random() < 0.2:
                    # A second release the article could have used: issued at most 30 days
                    # before the article (the scan's window), none after.
                    fits = [r for r in releases
                            if r is not first and 0 <= (date - day_of(r)).days <= 30]
                    chosen += rng.sample(fits, min(1, len(fits)))
                pieces = []
                for release in chosen:
                    planted_words, quoted = 0, False
                    passages = release_passages(rng, release, rng.randrange(1, 4))
                    while planted_words < 0.1 * length and len(passages) < 8:
                        passages += release_passages(rng, release, 1)
                        planted_words = sum(len(p) for p in passages)
                    for passage in passages:
                        text, in_marks = edit(rng, passage)
                        pieces.append(text)
                        quoted |= in_marks
                    truth.write(json.dumps({"article_id": article_id, "source_id": release["id"],
                                            "words": sum(len(p) for p in passages),
                                            "quoted": quoted}) + "\n")
                words = plant(rng, words, pieces)
            text = re.sub(r"(\S+ ){12}", lambda m: m.group(0)[:-1] + "\n", " ".join(words))
            out.write(json.dumps({"id": article_id, "text": text + "\n",
                                  "date": date.isoformat(),
                                  "url": f"https://news.example/{article_id}",
                                  "title": " ".join(words[:6])}, ensure_ascii=False) + "\n")
        write_gold(args.gold, out, "article")
    with open(os.path.join(args.out, "gold.jsonl"), "w", encoding="utf-8") as out:
        for pair in gold_pairs:
            out.write(json.dumps(pair) + "\n")


def write_gold(gold_dir, out, side):
    """Writes every gold pair's source (side None) or article; returns the pairs' ids."""
    pairs = []
    for name in sorted(os.listdir(gold_dir)):
        folder = os.path.join(gold_dir, name)
        if not os.path.isfile(os.path.join(folder, "source.txt")):
            continue
        file = "article.txt" if side == "article" else "source.txt"
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            text = f.read()
        entry_id = f"gold-{name}-{'article' if side == 'article' else 'source'}"
        out.write(json.dumps({"id": entry_id, "text": text, "title": name},
                             ensure_ascii=False) + "\n")
        pairs.append({"article_id": f"gold-{name}-article", "source_id": f"gold-{name}-source"})
    return pairs


if __name__ == "__main__":
    main()
