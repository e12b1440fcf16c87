package graph

import (
	"slices"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// maxCachedNodes bounds the node cache: some 2 KB each, a claim with its
// texts being the largest kept.
const maxCachedNodes = 50_000

// nodeCache keeps the nodes readers decode (claims in full, the fields of
// actors, events and outlets) from one request to the next: a page of 50
// claims is some 2,000 reads on bolt otherwise. It stays exact because every
// write goes through quadStore.ApplyDeltas, which drops the nodes whose
// quads it changes; a node is its subject's quads, so nothing else changes
// it. Articles are not kept: their text is large.
//
// It also keeps the members of roll-ups (see members), which depend on the
// affiliation quads of other nodes: any write of one drops them all; and the
// nodes a lookup key names (see resolve), which depend on the key quads with
// that key as object: a write of one drops its key.
type nodeCache struct {
	mu      sync.Mutex
	nodes   map[string]map[string]node // IRI → kind ("" for the whole node) → node
	n       int
	members map[string][]string // roots, joined by spaces → members
	keys    map[string][]string // lookup key → subjects of its key quads
}

func newNodeCache() *nodeCache {
	return &nodeCache{nodes: make(map[string]map[string]node), members: make(map[string][]string),
		keys: make(map[string][]string)}
}

// keyed returns the subjects of the key quads with key as object, if kept.
func (c *nodeCache) keyed(key string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	iris, ok := c.keys[key]
	return slices.Clone(iris), ok
}

func (c *nodeCache) keepKeyed(key string, iris []string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.keys) >= maxCachedNodes {
		clear(c.keys)
	}
	c.keys[key] = slices.Clone(iris)
}

// memberList returns the members of roots, if kept.
func (c *nodeCache) memberList(roots []string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ms, ok := c.members[strings.Join(roots, " ")]
	return slices.Clone(ms), ok
}

func (c *nodeCache) keepMembers(roots, ms []string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.members) >= maxCachedNodes {
		clear(c.members)
	}
	c.members[strings.Join(roots, " ")] = ms
}

func (c *nodeCache) get(iri, kind string) (node, bool) {
	if c == nil {
		return node{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.nodes[iri][kind]
	return n, ok
}

func (c *nodeCache) put(iri, kind string, n node) {
	if c == nil || (kind == "" && slices.ContainsFunc(n.vals[schema.PredType], func(v quad.Value) bool { return text(v) == schema.TypeArticle })) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= maxCachedNodes {
		c.nodes, c.n = make(map[string]map[string]node), 0
	}
	byKind := c.nodes[iri]
	if byKind == nil {
		byKind = make(map[string]node)
		c.nodes[iri] = byKind
	}
	if _, ok := byKind[kind]; !ok {
		c.n++
	}
	byKind[kind] = n
}

// drop forgets the subjects of deltas.
func (c *nodeCache) drop(deltas []cgraph.Delta) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, d := range deltas {
		iri := text(d.Quad.Subject)
		c.n -= len(c.nodes[iri])
		delete(c.nodes, iri)
		switch text(d.Quad.Predicate) {
		case schema.PredAffil:
			clear(c.members)
		case schema.PredKey:
			if k, ok := d.Quad.Object.(quad.String); ok {
				delete(c.keys, string(k))
			} else { // not a key resolve asks for, but be sure
				clear(c.keys)
			}
		}
	}
}

// ApplyDeltas writes through Cayley and drops from the node cache what the
// write changed: every write of the store's, of Cayley's REST API and of
// Cayley's writers over this store comes through here.
func (qs quadStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	err := qs.QuadStore.ApplyDeltas(in, opts)
	qs.cache.drop(in)
	return err
}
