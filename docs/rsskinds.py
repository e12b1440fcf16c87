# Asks a running claimgraph server one kind of /v1 request after another, on
# keys from its own relations matrix, and prints after each kind the server's
# RSS (anonymous and mapped-file MB) and the seconds the kind took.
# usage: python3 docs/rsskinds.py http://127.0.0.1:18300 SERVER_PID [KIND]
# KIND alone (e.g. graph) asks that kind only. See "Docs for shared nodes"
# in docs/scaling.md.
import json, sys, time, urllib.request, urllib.parse
base, pid = sys.argv[1], sys.argv[2]
only = sys.argv[3] if len(sys.argv) > 3 else None
q = urllib.parse.quote
def get(path):
    with urllib.request.urlopen(base + path, timeout=600) as r:
        return r.read()
def rss():
    out = {}
    for line in open('/proc/%s/status' % pid):
        k, _, v = line.partition(':')
        if k in ('RssAnon', 'RssFile'):
            out[k] = int(v.split()[0]) // 1024
    return out
print('open', rss(), flush=True)
t = time.time()
rels = json.loads(get('/v1/relations?limit=200'))['relations']
print('matrix', rss(), round(time.time() - t, 2), flush=True)
pairs = [(r['speaker']['iri'], r['target']['iri']) for r in rels]
speakers = list(dict.fromkeys(p[0] for p in pairs))
targets = list(dict.fromkeys(p[1] for p in pairs))
kinds = [
    ('speaker+target', ['/v1/claims?limit=50&speaker=%s&target=%s' % (q(s), q(t)) for s, t in pairs[:100]]),
    ('speaker', ['/v1/claims?limit=50&speaker=%s' % q(s) for s in speakers[:50]]),
    ('relations', ['/v1/relations?limit=200&speaker=%s' % q(s) for s in speakers[:20]]),
    ('relations-target', ['/v1/relations?limit=200&target=%s' % q(s) for s in targets[:20]]),
    ('graph', ['/v1/graph?depth=1&limit=100&focus=%s' % q(s) for s in speakers[:20]]),
    ('search', ['/v1/search?q=%s' % w for w in ['forces', 'shelling', 'tribunal', 'ceasefire', 'minister', 'talks', 'attack', 'peace']]),
]
for k, paths in kinds:
    if only and k != only:
        continue
    t = time.time()
    for p in paths:
        get(p)
    print(k, rss(), round(time.time() - t, 2), flush=True)
