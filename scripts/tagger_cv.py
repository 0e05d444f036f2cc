#!/usr/bin/env python3
"""5-fold CV (contiguous sentence blocks) on ANERcorp train of the statistical
tagger alone and of the whole analyzer (rules and tagger combined in
src/entities/statistical.rs) run with the fold's model (ANALYZE_TAGGER_MODEL), plus other
combination policies computed from the two outputs ("system" = the analyzer's
own output; the other rows add to or take from it). Needs the release
analyze and examples/train_tagger built in $CARGO_TARGET_DIR (default
target/); work files go to $TAGGER_CV_DIR (default /tmp/tg/cv). Extra args
go to train_tagger."""
import json, os, subprocess, sys
from collections import defaultdict
sys.path.insert(0, '/work/shared/eval')
import ner_score as ns

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(os.environ.get('CARGO_TARGET_DIR', os.path.join(REPO, 'target')), 'release')
CONLL = '/work/shared/corpora/anercorp-train/ANERCorp_CamelLab_train.txt'
W = os.environ.get('TAGGER_CV_DIR', '/tmp/tg/cv')
os.makedirs(W, exist_ok=True)
K = 5
extra = sys.argv[1:]

sents = ns.read_conll(CONLL)
n = len(sents)
bounds = [round(i * n / K) for i in range(K + 1)]

def write(path, ss):
    with open(path, 'w', encoding='utf-8') as f:
        for s in ss:
            for t, g in s:
                f.write(f'{t} {g}\n')
            f.write('\n')

def spans_of(doc, toks, keys, rule_filter=None):
    """mentions -> set of (a, b, origin) token ranges"""
    out = []
    for key in keys:
        for ent in doc.get(key, []) or []:
            if rule_filter and not rule_filter(ent):
                continue
            for m in ent.get('mentions', []) or []:
                if key in ('countries', 'places') and m.get('form') == 'adjective':
                    continue
                s, e = m['start'], m['end']
                hit = [i for i, (a, b) in enumerate(toks) if a < e and s < b]
                if hit:
                    out.append((hit[0], hit[-1] + 1, ent.get('origin', ''), ent.get('score', 1.0)))
    return out

KEYS = {'PERS': ['people'], 'LOC': ['countries', 'places'], 'ORG': ['organizations']}
def overlap(x, y):
    return x[0] < y[1] and y[0] < x[1]

def policies(R, T):
    """R, T: type -> list of spans (a,b,origin,score). returns name -> type -> set((a,b))"""
    allR = [s for t in R for s in R[t]]
    out = {}
    out['system (analyze)'] = {t: {s[:2] for s in R[t]} for t in R}
    out['tagger'] = {t: {s[:2] for s in T[t]} for t in T}
    # U1: add tagger spans (all types) not overlapping any rule mention
    u1 = {t: {s[:2] for s in R[t]} for t in R}
    for t in T:
        for s in T[t]:
            if not any(overlap(s, r) for r in allR):
                u1[t].add(s[:2])
    out['union_all_types'] = u1
    # U1p: only PERS added
    u = {t: {s[:2] for s in R[t]} for t in R}
    for s in T['PERS']:
        if not any(overlap(s, r) for r in allR):
            u['PERS'].add(s[:2])
    out['add_PERS'] = u
    # add PERS with score threshold
    for th in (0.6, 0.7, 0.8):
        u = {t: {s[:2] for s in R[t]} for t in R}
        for s in T['PERS']:
            if s[3] >= th and not any(overlap(s, r) for r in allR):
                u['PERS'].add(s[:2])
        out[f'add_PERS_s{th}'] = u
    # add PERS + boundary: a rule PERS overlapped by a tagger PERS span that contains it -> tagger span
    u = {t: {s[:2] for s in R[t]} for t in R}
    for s in T['PERS']:
        ov = [r for r in allR if overlap(s, r)]
        if not ov:
            u['PERS'].add(s[:2])
    for r in R['PERS']:
        for s in T['PERS']:
            if overlap(s, r) and s[0] <= r[0] and s[1] >= r[1] and (s[0], s[1]) != (r[0], r[1]):
                # extend only if the extension is not another rule mention
                if not any(overlap(s, o) and o is not r for o in allR if (o[0],o[1]) != (r[0],r[1])):
                    u['PERS'].discard(r[:2]); u['PERS'].add(s[:2])
    out['add_PERS+extend'] = u
    # veto: drop rule PERS (non-lexicon origin) that the tagger does not tag as PERS at all
    for name, base in list(out.items()):
        if name not in ('add_PERS', 'add_PERS+extend'):
            continue
        v = {t: set(base[t]) for t in base}
        for r in R['PERS']:
            if r[2] != 'lexicon' and not any(overlap(r, s) for s in T['PERS']):
                v['PERS'].discard(r[:2])
        out[name + '+veto_ctx'] = v
    # veto: rule PERS (any origin) tagged by tagger as LOC/ORG exactly
    v = {t: set(out['add_PERS+extend'][t]) for t in R}
    for r in R['PERS']:
        if any((s[0], s[1]) == (r[0], r[1]) for t in ('LOC', 'ORG') for s in T[t]) and not any(overlap(r, s) for s in T['PERS']):
            v['PERS'].discard(r[:2])
    out['add_PERS+extend+veto_typed'] = v
    # ORG: tagger ORG spans, plus rule ORG spans the tagger does not overlap with any entity
    best = {t: set(out['add_PERS+extend+veto_ctx'][t]) for t in R}
    allT = [x for t in T for x in T[t]]
    o = {x[:2] for x in T['ORG']}
    for r in R['ORG']:
        if not any(overlap(r, x) for x in allT):
            o.add(r[:2])
    best['ORG'] = o
    out['best_PERS + ORG_tagger_first'] = best
    b2 = {t: set(best[t]) for t in best}
    b2['ORG'] = {x[:2] for x in R['ORG']} | {x[:2] for x in T['ORG'] if not any(overlap(x, r) for r in allR)}
    out['best_PERS + ORG_add'] = b2
    return out

tot = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
for k in range(K):
    fd = f'{W}/f{k}'
    os.makedirs(fd, exist_ok=True)
    test = sents[bounds[k]:bounds[k + 1]]
    train = sents[:bounds[k]] + sents[bounds[k + 1]:]
    write(f'{fd}/train.txt', train)
    write(f'{fd}/test.txt', test)
    subprocess.run([f'{BIN}/examples/train_tagger', f'{fd}/train.txt', f'{fd}/model'] + extra,
                   check=True, stderr=subprocess.DEVNULL)
    subprocess.run(['python3', '/work/shared/eval/ner_score.py', 'make', f'{fd}/test.txt', f'{fd}/docs'],
                   check=True, stdout=subprocess.DEVNULL)
    docs = sorted(x for x in os.listdir(f'{fd}/docs') if x.endswith('.txt'))
    # the whole analyzer with this fold's model (never the built-in one,
    # which was trained on the fold too)
    with open(f'{fd}/rules.json', 'w') as f:
        subprocess.run([f'{BIN}/analyze'] + [f'{fd}/docs/{d}' for d in docs], check=True, stdout=f,
                       env=dict(os.environ, ANALYZE_TAGGER_MODEL=f'{fd}/model'))
    with open(f'{fd}/tagger.json', 'w') as f:
        r = subprocess.run([f'{BIN}/examples/train_tagger', '--tag-dir', f'{fd}/docs', '--model', f'{fd}/model'],
                       check=True, stdout=f, stderr=subprocess.PIPE, text=True)
        print(f'fold {k}:', r.stderr.strip(), file=sys.stderr)
    index = json.load(open(f'{fd}/docs/index.json'))
    rules = {os.path.basename(d['file']): d for d in ns.load_pred(f'{fd}/rules.json')}
    tagd = {os.path.basename(d['file']): d for d in ns.load_pred(f'{fd}/tagger.json')}
    for name, info in index.items():
        toks = info['tokens']
        gold = defaultdict(set)
        for a, b, t in info['entities']:
            gold[t].add((a, b))
        R = {t: spans_of(rules.get(name, {}), toks, KEYS[t]) for t in KEYS}
        T = {t: spans_of(tagd.get(name, {}), toks, KEYS[t]) for t in KEYS}
        for pol, P in policies(R, T).items():
            for t in KEYS:
                c = tot[pol][t]
                c[0] += len(gold[t] & P[t]); c[1] += len(P[t] - gold[t]); c[2] += len(gold[t] - P[t])

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0; r = tp / (tp + fn) if tp + fn else 0
    return p, r, 2 * p * r / (p + r) if p + r else 0
print(f"{'policy':34} " + ' '.join(f'{t+" P/R/F1":>20}' for t in KEYS) + '   PERS+LOC F1')
for pol, c in tot.items():
    cells = []
    for t in KEYS:
        p, r, f = prf(*c[t]); cells.append(f'{p:.3f}/{r:.3f}/{f:.3f}'.rjust(20))
    pl = prf(*(c['PERS'][i] + c['LOC'][i] for i in range(3)))[2]
    print(f'{pol:34} ' + ' '.join(cells) + f'   {pl:.3f}')
