#!/usr/bin/env python3
"""The development gold set: which articles it holds, and their texts rendered
from ../shared/corpora at test time (no corpus text is kept in the repository).

usage:
  devset.py render OUTDIR [--part tune|blind|all]   write OUTDIR/<id>.txt
  devset.py gold OUT.json [--part tune|blind|all]    the gold of that part
  devset.py select N SEED                            propose candidate ids (stdout)
  devset.py merge PART.json...                       add annotated documents to the gold
  devset.py types GOLD OUT.json                      events P/R/F1 per event type
  devset.py status GOLD OUT.json                     status disagreements, counts only

An id names its corpus and record:
  ant:<DOCNO>                      ANT v2.1 (e.g. ant:BB-middleEast-12-20180219)
  snn:<YYYY-MM-DD>:<n>             SaudiNewsNet, day file, n-th record
  gw:<AFP_ARB_...>                 Gigaword AFP sample in universalpetrarch-arabic

A rendered file is the article as a reader saves it: the title on the first
line, the publication date on the second (YYYY-MM-DD, where the corpus has
one), then the body paragraphs, one a line.
"""
import hashlib
import json
import os
import re
import sys
import tarfile
import zipfile
from email.utils import parsedate_to_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
CORPORA = os.path.join(SHARED, "corpora")
GOLD = os.path.join(ROOT, "tests", "dev", "dev.gold.json")

ANT = os.path.join(CORPORA, "ant-corpus", "antcorpus.multisource.v2.1.tar.gz")
SNN = os.path.join(CORPORA, "saudinewsnet")
GW = os.path.join(CORPORA, "universalpetrarch-arabic", "Sample_arabic_sent_AFP_gigaword.xml")


def file_name(doc_id):
    """The rendered file's name: the id with ':' made safe."""
    return doc_id.replace(":", "_") + ".txt"


def part_of(doc_id):
    """A fixed third of the ids is the blind part (never looked at while tuning)."""
    h = int(hashlib.sha256(doc_id.encode()).hexdigest(), 16)
    return "blind" if h % 3 == 0 else "tune"


def tag(xml, name):
    m = re.search(r"<%s>(.*?)</%s>" % (name, name), xml, re.S)
    return m.group(1).strip() if m else ""


def ant_records(wanted=None):
    with tarfile.open(ANT) as tf:
        for m in tf:
            if not m.isfile() or not m.name.endswith(".txt"):
                continue
            docno = os.path.basename(m.name)[:-4]
            if wanted is not None and docno not in wanted:
                continue
            raw = tf.extractfile(m).read().decode("utf-8", "replace")
            yield docno, raw


def ant_render(raw):
    title = tag(raw, "TITLE")
    body = tag(raw, "TEXT")
    date = ""
    t = tag(raw, "TIME")
    if t:
        try:
            date = parsedate_to_datetime(t).date().isoformat()
        except (TypeError, ValueError):
            date = ""
    return title, date, body


def snn_day(day):
    with zipfile.ZipFile(os.path.join(SNN, day + ".zip")) as z:
        name = [n for n in z.namelist() if n.endswith(".json")][0]
        return json.loads(z.read(name).decode("utf-8"))


def snn_render(rec):
    date = (rec.get("date_extracted") or "")[:10]
    return rec.get("title") or "", date, rec.get("content") or ""


def gw_docs():
    xml = open(GW, encoding="utf-8").read()
    docs = {}
    for m in re.finditer(r'<Sentence date = "(\d{8})" id="([^"_]+_[^"_]+_[^"_]+)_(\d+)\s*"[^>]*>\s*<Text>\s*(.*?)\s*</Text>', xml, re.S):
        date, doc, n, text = m.groups()
        d = docs.setdefault(doc, {"date": "%s-%s-%s" % (date[:4], date[4:6], date[6:]), "sents": []})
        d["sents"].append((int(n), " ".join(text.split())))
    return docs


def gw_render(d):
    sents = [s for _, s in sorted(d["sents"])]
    return sents[0], d["date"], "\n".join(sents[1:])


def render_text(title, date, body):
    lines = [title.strip()]
    if date:
        lines.append(date)
    lines += [" ".join(l.split()) for l in body.splitlines() if l.strip()]
    return "\n".join(lines) + "\n"


def render(ids, outdir):
    os.makedirs(outdir, exist_ok=True)
    texts = {}
    ant = {i[4:] for i in ids if i.startswith("ant:")}
    if ant:
        for docno, raw in ant_records(ant):
            texts["ant:" + docno] = render_text(*ant_render(raw))
    days = {}
    for i in ids:
        if i.startswith("snn:"):
            _, day, n = i.split(":")
            days.setdefault(day, []).append(int(n))
    for day, ns in days.items():
        recs = snn_day(day)
        for n in ns:
            texts["snn:%s:%d" % (day, n)] = render_text(*snn_render(recs[n]))
    if any(i.startswith("gw:") for i in ids):
        docs = gw_docs()
        for i in ids:
            if i.startswith("gw:") and i[3:] in docs:
                texts[i] = render_text(*gw_render(docs[i[3:]]))
    missing = [i for i in ids if i not in texts]
    if missing:
        sys.exit("devset.py: not found in ../shared/corpora: " + ", ".join(missing))
    for i in ids:
        with open(os.path.join(outdir, file_name(i)), "w", encoding="utf-8") as f:
            f.write(texts[i])


CUES = ["استقبل", "التقى", "اتصالا هاتفيا", "اتصال هاتفي", "زيارة", "رسالة", "هنأ", "تهنئة", "تعزية", "عزى",
        "مباحثات", "محادثات", "قمة", "وقع", "مذكرة تفاهم", "اتفاقية", "أشاد", "دعوة", "برقية", "نظيره", "وزير الخارجية"]


def cue_score(text):
    return sum(text.count(c) for c in CUES)


def select(n, seed):
    """Candidates: articles of every source, weighted to diplomatic content,
    with some others; printed as `id<TAB>score<TAB>title`."""
    import random
    rnd = random.Random(seed)
    pool = []
    for docno, raw in ant_records():
        cat = docno.split("-")[1]
        if cat not in ("middleEast", "internationalNews", "economy"):
            continue
        title, date, body = ant_render(raw)
        words = len(body.split())
        if 80 <= words <= 900:
            pool.append(("ant:" + docno, cue_score(title + body), title))
    for fn in sorted(os.listdir(SNN)):
        if fn.endswith(".zip"):
            day = fn[:-4]
            for k, rec in enumerate(snn_day(day)):
                t, _, body = snn_render(rec)
                if 80 <= len(body.split()) <= 900:
                    pool.append(("snn:%s:%d" % (day, k), cue_score(t + body), t))
    for doc, d in gw_docs().items():
        t, _, body = gw_render(d)
        pool.append(("gw:" + doc, cue_score(t + body), t))
    rnd.shuffle(pool)
    return pool


def per_type(gold_path, out_path):
    """Events P/R/F1 per event type, with the shared scorer's own rules."""
    sys.path.insert(0, os.path.join(SHARED, "eval"))
    import score as scorer
    gold = json.load(open(gold_path, encoding="utf-8"))
    preds = scorer.load_pred(out_path)
    print("%-15s %6s %6s %6s %4s %4s %4s" % ("type", "P", "R", "F1", "tp", "fp", "fn"))
    for t in gold.get("event_types", []) or sorted({e["type"] for d in gold["documents"].values() for e in d["events"]}):
        g = dict(gold)
        g["documents"] = {k: dict(v, events=[e for e in v.get("events", []) if e["type"] == t])
                          for k, v in gold["documents"].items()}
        p = [dict(d, events=[e for e in d.get("events", []) or [] if e.get("type") == t]) for d in preds]
        _, (_, _, ev, _) = scorer.score(g, p)
        print("%-15s %6.3f %6.3f %6.3f %4d %4d %4d" % (t, ev.p(), ev.r(), ev.f(), ev.tp, ev.fp, ev.fn))


def status_confusion(gold_path, out_path):
    """Status of matched events, gold against predicted, as counts only (so
    the blind part can be read without reading its articles)."""
    sys.path.insert(0, os.path.join(SHARED, "eval"))
    import score as scorer
    gold = json.load(open(gold_path, encoding="utf-8"))
    by_key = {scorer.doc_key(d): d for d in scorer.load_pred(out_path)}
    counts = {}
    for name, g in gold["documents"].items():
        greq = {}
        for e in g.get("events", []):
            if not e.get("optional"):
                greq.setdefault((e["type"], frozenset((e["source"], e["target"]))), e)
        pstatus = {}
        for e in (by_key.get(name) or {}).get("events", []) or []:
            s, t = scorer.ev_country(e.get("source")), scorer.ev_country(e.get("target"))
            if s and t and s != t:
                pstatus.setdefault((e.get("type"), frozenset((s, t))), e.get("status"))
        for k, e in greq.items():
            if k in pstatus:
                key = (k[0], e.get("status", "occurred"), pstatus[k])
                counts[key] = counts.get(key, 0) + 1
    print("%-15s %-10s %-10s %4s" % ("type", "gold", "predicted", "n"))
    for (t, gs, ps), n in sorted(counts.items()):
        if gs != ps:
            print("%-15s %-10s %-10s %4d" % (t, gs, ps, n))
    ok = sum(n for (t, gs, ps), n in counts.items() if gs == ps)
    print("agree %d of %d" % (ok, sum(counts.values())))


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    part = "all"
    if "--part" in argv:
        part = argv[argv.index("--part") + 1]
    gold = json.load(open(GOLD, encoding="utf-8")) if os.path.exists(GOLD) else {"documents": {}}
    docs = gold["documents"]
    ids = [i for i in gold.get("ids", []) if part == "all" or part_of(i) == part]
    if argv[0] == "render":
        render(ids, argv[1])
    elif argv[0] == "gold":
        keep = {file_name(i) for i in ids}
        out = dict(gold)
        out["documents"] = {k: v for k, v in docs.items() if k in keep}
        json.dump(out, open(argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    elif argv[0] == "merge":
        for path in argv[1:]:
            part_docs = json.load(open(path, encoding="utf-8"))["documents"]
            known = {file_name(i) for i in gold.get("ids", [])}
            for k in part_docs:
                if k not in known:
                    sys.exit("devset.py: %s: %s is not in the dev set's ids" % (path, k))
            docs.update(part_docs)
        gold["documents"] = dict(sorted(docs.items()))
        with open(GOLD, "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
    elif argv[0] == "types":
        per_type(argv[1], argv[2])
    elif argv[0] == "status":
        status_confusion(argv[1], argv[2])
    elif argv[0] == "select":
        for i, s, t in select(int(argv[1]), int(argv[2])):
            print("%s\t%d\t%s" % (i, s, t))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
