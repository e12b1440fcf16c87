# Times /v1 requests against a running claimgraph server, on keys taken from
# its own relations matrix (the 200 busiest cells), twice (cold, then warm),
# and prints the figures and the server's RSS as one JSON line.
# usage: python3 docs/rssprobe.py http://127.0.0.1:18300 SERVER_PID
# See "Serving a million claims in 1 GB" in docs/scaling.md.
import json, sys, time, urllib.request, urllib.parse, statistics
base, pid = sys.argv[1], sys.argv[2]
def get(path):
    t = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=120) as r:
        body = r.read()
    return (time.perf_counter() - t) * 1000, body
def rss():
    out = {}
    for line in open('/proc/%s/status' % pid):
        k, _, v = line.partition(':')
        if k in ('VmRSS', 'RssAnon', 'RssFile', 'VmHWM'):
            out[k] = int(v.split()[0]) // 1024
    return out
first_ms, body = get('/v1/relations?limit=200')
rels = json.loads(body)['relations']
pairs = [(r['speaker']['iri'], r['target']['iri']) for r in rels]
speakers = list(dict.fromkeys(p[0] for p in pairs))
q = urllib.parse.quote
kinds = {
  'speaker+target': ['/v1/claims?limit=50&speaker=%s&target=%s' % (q(s), q(t)) for s, t in pairs[:100]],
  'speaker': ['/v1/claims?limit=50&speaker=%s' % q(s) for s in speakers[:50]],
  'relations': ['/v1/relations?limit=200&speaker=%s' % q(s) for s in speakers[:20]],
  'graph': ['/v1/graph?depth=1&limit=100&focus=%s' % q(s) for s in speakers[:20]],
}
res = {'first_relations_ms': round(first_ms, 1)}
for rnd in range(2):  # the first round reads pages in, the second is warm
    for k, paths in kinds.items():
        ts = sorted(get(p)[0] for p in paths)
        res['%s_%s_p50_ms' % (k, 'cold' if rnd == 0 else 'warm')] = round(statistics.median(ts), 2)
        res['%s_%s_p99_ms' % (k, 'cold' if rnd == 0 else 'warm')] = round(ts[min(len(ts) - 1, int(len(ts) * 0.99))], 2)
res.update(rss())
print(json.dumps(res))
