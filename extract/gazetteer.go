package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// How a gazetteer key names its entry.
const (
	byName    = iota // the entry's name or an alias
	byDemonym        // "Armenian"
	byCapital        // "Yerevan": the capital speaks for the country
)

// place is one gazetteer entry: a country, region, organisation, outlet,
// person, or a body template ("Ministry of Foreign Affairs of {of}").
type place struct {
	typ   string
	actor schema.Actor // ready to use; a body's has only Kind
	tmpl  string       // a body's name template
	of    *place       // the country an org, person or region belongs to
	role  string
}

// ref is what a gazetteer key resolves to.
type ref struct {
	p   *place
	how int
}

// gazetteer resolves names, aliases, demonyms and capitals to actors.
type gazetteer struct {
	keys  map[string]ref   // schema.Key of the name -> entry
	first map[string][]seq // a key's first token -> its token sequences, longest first
}

// seq is a gazetteer key as the tokenizer splits it.
type seq struct {
	words []string
	r     ref
}

// loadGazetteer parses data/gazetteer.tsv; an entry's "of" may name a
// country listed after it.
func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{keys: map[string]ref{}, first: map[string][]seq{}}
	byCountry := map[string]*place{}
	var pending []*place
	var pendingOf []string
	err := eachRow("data/gazetteer.tsv", 3, func(f []string) error {
		p, err := newPlace(f)
		if err != nil {
			return err
		}
		if p.typ == "country" {
			byCountry[p.actor.Name] = p
		}
		if of := field(f, 4); of != "" {
			pending, pendingOf = append(pending, p), append(pendingOf, of)
		}
		if p.typ != "body" {
			g.add(p.actor.Name, p, byName)
		}
		for i, col := range []int{5, 6, 7} {
			for _, k := range splitList(field(f, col)) {
				g.add(k, p, []int{byName, byDemonym, byCapital}[i])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, p := range pending {
		c, ok := byCountry[pendingOf[i]]
		if !ok {
			return nil, fmt.Errorf("gazetteer: %q belongs to unknown country %q", p.actor.Name, pendingOf[i])
		}
		p.of = c
		p.actor.Affiliation = c.actor.IRI
	}
	return g, nil
}

func newPlace(f []string) (*place, error) {
	p := &place{typ: f[0], role: field(f, 8)}
	kind := schema.ActorKind(field(f, 2))
	switch kind {
	case schema.KindPerson, schema.KindOrganization, schema.KindGovernment, schema.KindCountry:
	default:
		return nil, fmt.Errorf("unknown actor kind %q", kind)
	}
	switch p.typ {
	case "body":
		p.tmpl, p.actor.Kind = f[1], kind
		return p, nil
	case "country", "region", "org", "outlet", "person":
	default:
		return nil, fmt.Errorf("unknown entry type %q", p.typ)
	}
	p.actor = schema.NewActor(f[1], kind)
	p.actor.Wikidata = field(f, 3)
	p.actor.Aliases = splitList(field(f, 5))
	p.actor.Role = p.role
	return p, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func (g *gazetteer) add(name string, p *place, how int) {
	k := schema.Key(name)
	if _, dup := g.keys[k]; dup || k == "" {
		return // the first entry wins: order the file by salience
	}
	g.keys[k] = ref{p, how}
	toks := tokenize(name)
	words := make([]string, 0, len(toks))
	for i, t := range toks {
		if t.text == "." && i > 0 && (len(words[len(words)-1]) == 1 || strings.Contains(words[len(words)-1], ".")) {
			words[len(words)-1] += "." // "U.S." is one token once the lexicon is loaded
			continue
		}
		words = append(words, t.lower)
	}
	ss := append(g.first[words[0]], seq{words, ref{p, how}})
	sort.SliceStable(ss, func(i, j int) bool { return len(ss[i].words) > len(ss[j].words) })
	g.first[words[0]] = ss
}

// body returns the government body p (a template) of country c.
func (p *place) body(c *place) schema.Actor {
	a := schema.NewActor(strings.ReplaceAll(p.tmpl, "{of}", c.actor.Name), p.actor.Kind)
	a.Affiliation = c.actor.IRI
	return a
}

// country returns the country an entry speaks for: itself, or what it
// belongs to.
func (p *place) country() *place {
	if p.typ == "country" {
		return p
	}
	return p.of
}
