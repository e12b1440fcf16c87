package graph

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// EventView is an event with every side's claims about it.
type EventView struct {
	Event  schema.Event `json:"event"`
	Total  int          `json:"total"`  // claims about the event
	Shown  int          `json:"shown"`  // claims decoded into Sides: the newest, up to the limit
	Sides  []Side       `json:"sides"`  // by speaker, most claims first; never nil
	Limit  int          `json:"limit"`  //
	Offset int          `json:"offset"` //
}

// Side is what one speaker said about an event, by speech act: whether it
// accused, denied or confirmed is the point of the view.
type Side struct {
	Speaker schema.Actor `json:"speaker"`
	Count   int          `json:"count"` // all its claims about the event, shown or not
	Acts    []ActGroup   `json:"acts"`  // most claims first
}

// ActGroup is one speaker's claims with one speech act.
type ActGroup struct {
	Act    schema.SpeechAct `json:"act"`
	Count  int              `json:"count"`
	Claims []schema.Claim   `json:"claims"` // the shown ones, newest first; never nil
}

// Event returns the event ref (IRI, ID or label) with its claims grouped by
// speaker and speech act. Counts cover every claim; f.Limit and f.Offset
// page the claims decoded in full (the newest first); the other fields of f
// narrow the claims (a speech act, a date range).
func (s *Store) Event(ctx context.Context, ref string, f Filter) (EventView, error) {
	if err := checkFilter(&f); err != nil {
		return EventView{}, fmt.Errorf("event: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	iri, ok, err := r.resolveOne(ctx, schema.KindEventNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no event matches %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return EventView{}, fmt.Errorf("event: %w", err)
	}
	v, err := r.eventView(ctx, iri, f)
	if err != nil {
		return EventView{}, fmt.Errorf("event %q: %w", iri, err)
	}
	return v, nil
}

func (r *reader) eventView(ctx context.Context, iri string, f Filter) (EventView, error) {
	e, err := r.event(ctx, iri)
	if err != nil {
		return EventView{}, err
	}
	f.Event = iri
	if r.qs.cix != nil && f == (Filter{Event: iri, Limit: f.Limit, Offset: f.Offset}) {
		return r.indexedEventView(ctx, e, f)
	}
	iris, err := r.candidates(ctx, f)
	if err != nil {
		return EventView{}, err
	}
	// One read of each claim's keys and speakers serves the counts and the page.
	sides := make(map[string]*Side)
	var found []schema.Claim
	nodes, err := r.keyNodes(ctx, iris, f, many(schema.PredSpeaker), one(schema.PredSpeechAct))
	if err != nil {
		return EventView{}, err
	}
	for _, n := range nodes {
		if cf := claimFields(n); matches(cf, f) {
			found = append(found, cf)
			for _, sp := range n.strs(schema.PredSpeaker) {
				group(sides, sp, cf.SpeechAct).Count++
			}
		}
	}
	if err := r.sortByKeys(ctx, found); err != nil {
		return EventView{}, err
	}
	v := EventView{Event: e, Total: len(found), Limit: f.Limit, Offset: f.Offset}
	var page []string
	for _, c := range found[min(f.Offset, len(found)):][:min(f.Limit, max(len(found)-f.Offset, 0))] {
		page = append(page, c.IRI)
	}
	err = r.fillSides(ctx, &v, sides, page)
	return v, err
}

// fillSides reads the claims of a page in full into their speakers' sides
// of v, and sorts the sides.
func (r *reader) fillSides(ctx context.Context, v *EventView, sides map[string]*Side, page []string) error {
	if err := r.prefetch(ctx, page); err != nil {
		return err
	}
	for _, iri := range page {
		full, err := r.claim(ctx, iri)
		if err != nil {
			return err
		}
		for _, sp := range full.Speaker.Actors {
			g := group(sides, sp.IRI, full.SpeechAct)
			g.Claims = append(g.Claims, full)
		}
		v.Shown++
	}
	var err error
	v.Sides, err = r.sortSides(ctx, sides)
	return err
}

// group returns the speaker's group for act, creating both as needed; a
// side's count is the sum of its groups'.
func group(sides map[string]*Side, speaker string, act schema.SpeechAct) *ActGroup {
	s := sides[speaker]
	if s == nil {
		s = &Side{Speaker: schema.Actor{IRI: speaker}}
		sides[speaker] = s
	}
	for i := range s.Acts {
		if s.Acts[i].Act == act {
			return &s.Acts[i]
		}
	}
	s.Acts = append(s.Acts, ActGroup{Act: act, Claims: []schema.Claim{}})
	return &s.Acts[len(s.Acts)-1]
}

// sortSides orders sides and their groups by count, then name, and decodes
// the speakers.
func (r *reader) sortSides(ctx context.Context, sides map[string]*Side) ([]Side, error) {
	out := make([]Side, 0, len(sides))
	if err := r.prefetchKind(ctx, schema.KindActorNode, slices.Collect(maps.Keys(sides))); err != nil {
		return nil, err
	}
	for iri, s := range sides {
		a, err := r.actor(ctx, iri)
		if err != nil {
			return nil, err
		}
		s.Speaker = a
		for _, g := range s.Acts {
			s.Count += g.Count
		}
		slices.SortFunc(s.Acts, func(a, b ActGroup) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(string(a.Act), string(b.Act)))
		})
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b Side) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Speaker.IRI, b.Speaker.IRI))
	})
	return out, nil
}
