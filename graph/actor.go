package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// profileClaims is how many recent claims a Profile lists on each side.
const profileClaims = 20

// Profile is an actor with what it said and what was said about it.
type Profile struct {
	Actor   schema.Actor   `json:"actor"`
	Rollup  bool           `json:"rollup"`         // whether members' claims count as the actor's
	Members []schema.Actor `json:"members"`        // the affiliated actors rolled up; never nil
	Said    int            `json:"said"`           // claims with it (or a member) as a speaker
	About   int            `json:"about"`          // claims with it (or a member) as a target
	Speaker []schema.Claim `json:"speaker_claims"` // up to 20 most recent
	Target  []schema.Claim `json:"target_claims"`  // up to 20 most recent
}

// Stats counts what the store holds.
type Stats struct {
	Articles int64 `json:"articles"`
	Claims   int64 `json:"claims"`
	Actors   int64 `json:"actors"`
	Quads    int64 `json:"quads"`
}

// Actor returns the profile of the actor ref: its IRI, its ID, or its name
// or an alias in any case. Of several actors with that name or alias, one
// whose name matches wins. With rollup, the claims of the actors affiliated
// with it (its ministries, their officials) count as its own, and Members
// lists them.
func (s *Store) Actor(ctx context.Context, ref string, rollup bool) (Profile, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	iri, ok, err := r.resolveOne(ctx, schema.KindActorNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no actor matches %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("actor: %w", err)
	}
	p, err := r.profile(ctx, iri, rollup)
	if err != nil {
		return Profile{}, fmt.Errorf("actor %q: %w", iri, err)
	}
	return p, nil
}

func (r *reader) profile(ctx context.Context, iri string, rollup bool) (Profile, error) {
	a, err := r.actor(ctx, iri)
	if err != nil {
		return Profile{}, err
	}
	p := Profile{Actor: a, Rollup: rollup, Members: []schema.Actor{}}
	if rollup {
		ms, err := r.members(ctx, []string{iri})
		if err != nil {
			return Profile{}, err
		}
		for _, m := range ms {
			ma, err := r.actor(ctx, m)
			if err != nil {
				return Profile{}, err
			}
			p.Members = append(p.Members, ma)
		}
	}
	said, err := r.claims(ctx, Filter{Speaker: iri, Limit: profileClaims, Rollup: rollup})
	if err != nil {
		return Profile{}, err
	}
	about, err := r.claims(ctx, Filter{Target: iri, Limit: profileClaims, Rollup: rollup})
	if err != nil {
		return Profile{}, err
	}
	p.Said, p.About, p.Speaker, p.Target = said.Total, about.Total, said.Claims, about.Claims
	return p, nil
}

// Stats counts the articles, claims, actors and quads in the store. The
// claims come from the claim index's count where there is one; the rest
// walk every typed node (seconds at a million claims), so on bolt and
// memstore a count is kept until the next write (see Generation).
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	gen, exact := s.Generation()
	s.statsMu.Lock()
	kept := s.stats
	s.statsMu.Unlock()
	if exact && kept.ok && kept.gen == gen {
		return kept.Stats, nil
	}
	st, err := newReader(s.qs).stats(ctx)
	if err == nil && exact {
		s.statsMu.Lock()
		s.stats.Stats, s.stats.gen, s.stats.ok = st, gen, true
		s.statsMu.Unlock()
	}
	return st, err
}

// keptStats is the last count of Stats, and the write count it was made at.
type keptStats struct {
	Stats
	gen uint64
	ok  bool
}

func (r *reader) stats(ctx context.Context) (Stats, error) {
	var st Stats
	type count struct {
		n       *int64
		classes []string
	}
	counts := []count{{&st.Articles, []string{schema.TypeArticle}}, {&st.Actors, actorClasses()}}
	if r.qs.cix == nil {
		counts = append(counts, count{&st.Claims, []string{schema.TypeClaim}})
	} else {
		n, err := r.qs.cix.claims()
		if err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
		st.Claims = int64(n)
	}
	for _, c := range counts {
		// A set: an actor may carry two classes if articles disagree on its kind.
		nodes := make(map[any]bool)
		for _, class := range c.classes {
			err := countNodes(ctx, r.qs, quad.Subject, pattern{predicate: quad.IRI(schema.PredType), object: quad.IRI(class)}, nodes)
			if err != nil {
				return Stats{}, fmt.Errorf("stats: %w", err)
			}
		}
		*c.n = int64(len(nodes))
	}
	qs, err := r.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return st, nil // a KV store that was never written to has no meta bucket yet
	}
	if err == nil && !qs.Quads.Exact {
		// PostgreSQL estimates from its statistics unless asked for a count.
		qs, err = r.qs.Stats(ctx, true)
	}
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	st.Quads = qs.Quads.Value
	return st, nil
}

// Empty reports whether the store holds no article: one read, where Stats
// counts them all.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	found, err := exists(ctx, s.qs, pattern{predicate: quad.IRI(schema.PredType), object: quad.IRI(schema.TypeArticle)})
	if err != nil {
		return false, fmt.Errorf("check for articles: %w", err)
	}
	return !found, nil
}

// Ping reports whether the quad store answers, at the cost of one read of
// its counters (PostgreSQL's estimate, not a count): cheap enough for a
// readiness probe every few seconds, unlike Stats.
func (s *Store) Ping(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.qs.Stats(ctx, false); err != nil && !errors.Is(err, kv.ErrNoBucket) {
		return fmt.Errorf("ping %s store: %w", s.backend, err)
	}
	return nil
}
