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
// affiliation quads of other nodes: any write of one drops them all; the
// nodes a lookup key names (see resolve), which depend on the key quads with
// that key as object: a write of one drops its key; and each actor's
// ancestors (see ancestors), which a load asks for every actor of every
// claim: reading them means reading every label's copy of the actor's
// affiliation quads, as many as the articles that name the actor, so
// without the cache a load slows down as the store grows.
type nodeCache struct {
	mu      sync.Mutex
	nodes   map[string]map[string]node // IRI → kind ("" for the whole node) → node
	n       int
	members map[string][]string // roots, joined by spaces → members
	keys    map[string][]string // lookup key → subjects of its key quads
	ups     map[string]upNode   // actor IRI → its ancestors
}

// upNode is an actor's ancestors (itself first) and its direct parents.
type upNode struct{ ancestors, parents []string }

func newNodeCache() *nodeCache {
	return &nodeCache{nodes: make(map[string]map[string]node), members: make(map[string][]string),
		keys: make(map[string][]string), ups: make(map[string]upNode)}
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

// up returns the ancestors and direct parents of iri, if kept.
func (c *nodeCache) up(iri string) (upNode, bool) {
	if c == nil {
		return upNode{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	u, ok := c.ups[iri]
	return u, ok
}

// keepAncestors keeps the ancestors of iri, read with its direct parents.
// Callers must not change the slices afterwards.
func (c *nodeCache) keepAncestors(iri string, ancestors, parents []string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.ups) >= maxCachedNodes {
		clear(c.ups)
	}
	c.ups[iri] = upNode{ancestors: ancestors, parents: parents}
}

// dropAncestors forgets the ancestors an affiliation write may change: an
// edge from s changes the ancestors of s and of every actor that rolls up
// to s. Adding an edge to a direct parent s already has (another article
// naming the same affiliation) changes nothing. Called with c.mu held.
func (c *nodeCache) dropAncestors(deltas []cgraph.Delta) {
	var changed map[string]bool
	for _, d := range deltas {
		if text(d.Quad.Predicate) != schema.PredAffil {
			continue
		}
		s := text(d.Quad.Subject)
		if u, ok := c.ups[s]; ok && d.Action == cgraph.Add && slices.Contains(u.parents, text(d.Quad.Object)) {
			continue
		}
		if changed == nil {
			changed = make(map[string]bool)
		}
		changed[s] = true
	}
	if changed == nil {
		return
	}
	for iri, u := range c.ups {
		if slices.ContainsFunc(u.ancestors, func(a string) bool { return changed[a] }) {
			delete(c.ups, iri)
		}
	}
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
	c.dropAncestors(deltas)
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

// ApplyDeltas writes through Cayley, after listing the subjects it adds in
// the label index (see labelindex.go), and drops from the node cache what
// the write changed: every write of the store's, of Cayley's REST API and of
// Cayley's writers over this store comes through here.
func (qs quadStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	if qs.cix != nil {
		if err := qs.cix.noteLabels(in); err != nil {
			return err
		}
		if err := qs.cix.dropDocs(in); err != nil {
			return err
		}
	}
	err := qs.QuadStore.ApplyDeltas(in, opts)
	qs.cache.drop(in)
	return err
}

// clear forgets every node kept (not the keys, members and ancestors).
func (c *nodeCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nodes, c.n = make(map[string]map[string]node), 0
}
