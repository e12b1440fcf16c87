// Package score is a faithful Go port of ../shared/eval/score.py: it matches
// predicted claims to gold attributions and totals the same figures, printed
// the same way, so `claimgraph eval` and score.py agree to the last digit.
//
// Gold and predictions are decoded JSON (map[string]any), as score.py sees
// them. One difference on purpose: score.py crashes when a gold attribution's
// "content" (the text listed for a miss) is null, as some PolNeAR train files
// have; here a null content is listed as "".
package score

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Result is score_doc's answer for one document.
type Result struct {
	Counts   Counts
	Misses   []string // required gold attributions left unmatched
	Spurious []string // predictions left unmatched
}

// Counts are the numeric fields of score_doc's result; Totals sums them.
type Counts struct {
	TP, FP, FN, OptionalMatched          int
	SpeakerExact, SpeakerN, ContentExact int
	Matched                              int
	TargetOK, TargetN, OutletOK, OutletN int
	ActOK, ActN, EntityOK, EntityN       int
	ContentDice                          float64
	Role                                 [3]RoleCounts // speaker, cue, content
}

// RoleCounts are the per-role span counts behind the exact and loose F1.
type RoleCounts struct {
	ExactTP, GoldN, PredN, LooseTPP, LooseTPR int
}

var roles = [3]string{"speaker", "cue", "content"}

func (c *Counts) add(o Counts) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
	c.OptionalMatched += o.OptionalMatched
	c.SpeakerExact += o.SpeakerExact
	c.SpeakerN += o.SpeakerN
	c.ContentExact += o.ContentExact
	c.Matched += o.Matched
	c.TargetOK += o.TargetOK
	c.TargetN += o.TargetN
	c.OutletOK += o.OutletOK
	c.OutletN += o.OutletN
	c.ActOK += o.ActOK
	c.ActN += o.ActN
	c.EntityOK += o.EntityOK
	c.EntityN += o.EntityN
	c.ContentDice += o.ContentDice
	for i := range c.Role {
		r, q := &c.Role[i], o.Role[i]
		r.ExactTP += q.ExactTP
		r.GoldN += q.GoldN
		r.PredN += q.PredN
		r.LooseTPP += q.LooseTPP
		r.LooseTPR += q.LooseTPR
	}
}

// span is a (start, end) pair; ok is false for score.py's None.
type span struct {
	a, b float64
	ok   bool
}

func (s span) key() [2]float64 { return [2]float64{s.a, s.b} }

func num(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case int:
		return float64(n), true
	}
	return 0, false
}

// tuple turns a JSON list into a span; score.py's tuple(x). A list that is
// not two numbers is no span.
func tuple(v any) span {
	l, ok := v.([]any)
	if !ok || len(l) < 2 {
		return span{}
	}
	a, ok1 := num(l[0])
	b, ok2 := num(l[1])
	return span{a, b, ok1 && ok2}
}

// spanOf is score.py's span_of.
func spanOf(x any) span {
	switch v := x.(type) {
	case nil:
		return span{}
	case map[string]any:
		s, hs := v["start"]
		e, he := v["end"]
		if hs && he {
			a, ok1 := num(s)
			b, ok2 := num(e)
			return span{a, b, ok1 && ok2}
		}
		if sp, ok := v["span"]; ok {
			return tuple(sp)
		}
		return span{}
	}
	return tuple(x)
}

func overlap(a, b span) bool {
	return a.ok && b.ok && a.a < b.b && b.a < a.b
}

// truthy is Python's bool() on a decoded JSON value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case float64:
		return x != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// pieces is a gold role's fragments; empty where the role is absent.
func pieces(g map[string]any, role string) []span {
	if fr, ok := g[role+"_fragments"].([]any); ok && len(fr) > 0 {
		out := make([]span, 0, len(fr))
		for _, f := range fr {
			out = append(out, tuple(f))
		}
		return out
	}
	if sp := g[role+"_span"]; truthy(sp) {
		return []span{tuple(sp)}
	}
	return nil
}

func overlaps(frags []span, sp span) bool {
	for _, f := range frags {
		if overlap(f, sp) {
			return true
		}
	}
	return false
}

// slice is Python's text[a:b] on code points.
func slice(text []rune, a, b float64) []rune {
	n := len(text)
	idx := func(f float64) int {
		i := int(f)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		return i
	}
	lo, hi := idx(a), idx(b)
	if hi < lo {
		return nil
	}
	return text[lo:hi]
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

func words(text []rune, sp span) []string {
	if !sp.ok {
		return nil
	}
	return wordRE.FindAllString(strings.ToLower(string(slice(text, sp.a, sp.b))), -1)
}

func wordsOf(text []rune, frags []span) []string {
	var out []string
	for _, f := range frags {
		out = append(out, words(text, f)...)
	}
	return out
}

// Dice is the multiset Dice coefficient of two word lists.
func Dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// isSpace is Python's str.isspace.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

var articleRE = regexp.MustCompile(`^(the|an?)[\s\v\x{1c}-\x{1f}\x{85}\p{Z}]+`)

// Norm is score.py's norm: lower case, ’ as ', no leading article, no
// trailing 's.
func Norm(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "\u2019", "'")
	s = articleRE.ReplaceAllString(strings.TrimFunc(s, isSpace), "")
	return strings.TrimSuffix(s, "'s")
}

// names is score.py's names: the normalised names in a list of strings or
// {"name", "entity", "text"} objects.
func names(x any) map[string]bool {
	out := map[string]bool{}
	l, _ := x.([]any)
	addStr := func(v any) {
		if s, ok := v.(string); ok && s != "" {
			out[Norm(s)] = true
		}
	}
	for _, t := range l {
		if m, ok := t.(map[string]any); ok {
			addStr(m["name"])
			addStr(m["entity"])
			addStr(m["text"])
		} else {
			addStr(t)
		}
	}
	return out
}

func entityMatch(pred, gold map[string]bool) bool {
	for p := range pred {
		for g := range gold {
			if p != "" && g != "" && (p == g || strings.Contains(g, p) || strings.Contains(p, g)) {
				return true
			}
		}
	}
	return false
}

// EntityMatch reports whether a predicted name and a gold name agree as
// score.py's entity_match has it (equal or one inside the other, after Norm).
func EntityMatch(pred, gold []string) bool {
	p, g := map[string]bool{}, map[string]bool{}
	for _, s := range pred {
		if s != "" {
			p[Norm(s)] = true
		}
	}
	for _, s := range gold {
		if s != "" {
			g[Norm(s)] = true
		}
	}
	return entityMatch(p, g)
}

// required is g.get("required", True), taken as a truth value.
func required(g map[string]any) bool {
	v, ok := g["required"]
	return !ok || truthy(v)
}

func list(v any) []any { l, _ := v.([]any); return l }

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// pyStr is Python's str() of a decoded JSON value, as an f-string prints it.
func pyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func first60(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		r = r[:60]
	}
	return string(r)
}

type pair struct {
	w      float64
	gi, pi int
	d      float64
}

// Match is one gold attribution paired with one prediction.
type Match struct {
	Gold, Pred int
	Dice       float64
}

// Doc scores one document: gold is a gold file ({"text", "attributions"}),
// pred a prediction file ({"claims": [...]}).
func Doc(gold, pred map[string]any) Result {
	r, _ := doc(gold, pred)
	return r
}

// Matches returns the one-to-one matching score.py makes, best first.
func Matches(gold, pred map[string]any) []Match {
	_, m := doc(gold, pred)
	return m
}

func predictions(pred map[string]any) []any {
	if v, ok := pred["claims"]; ok {
		return list(v)
	}
	return list(pred["attributions"])
}

func doc(gold, pred map[string]any) (Result, []Match) {
	textS, _ := gold["text"].(string)
	text := []rune(textS)
	G := list(gold["attributions"])
	P := predictions(pred)
	var pairs []pair
	for gi, gv := range G {
		g := obj(gv)
		gs, gc, gt := pieces(g, "speaker"), pieces(g, "cue"), pieces(g, "content")
		gw := wordsOf(text, gt)
		for pi, pv := range P {
			p := obj(pv)
			ps, pc, pt := spanOf(p["speaker"]), spanOf(p["cue"]), spanOf(p["content"])
			if !overlaps(gc, pc) {
				continue
			}
			var pnames map[string]bool
			if sp, ok := p["speaker"].(map[string]any); ok {
				pnames = names([]any{sp})
			} else if p["speaker"] == nil {
				pnames = names([]any{map[string]any{}})
			}
			if len(gs) > 0 && !(overlaps(gs, ps) || entityMatch(pnames, names(g["speaker_entities"]))) {
				continue
			}
			d := Dice(gw, words(text, pt))
			if d < 0.5 {
				continue
			}
			w := d
			if overlaps(gs, ps) {
				w++
			}
			pairs = append(pairs, pair{w, gi, pi, d})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.w != b.w {
			return a.w > b.w
		}
		if a.gi != b.gi {
			return a.gi > b.gi
		}
		if a.pi != b.pi {
			return a.pi > b.pi
		}
		return a.d > b.d
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var matches []Match
	for _, p := range pairs {
		if usedG[p.gi] || usedP[p.pi] {
			continue
		}
		usedG[p.gi], usedP[p.pi] = true, true
		matches = append(matches, Match{p.gi, p.pi, p.d})
	}
	var r Result
	c := &r.Counts
	for _, m := range matches {
		if required(obj(G[m.Gold])) {
			c.TP++
		} else {
			c.OptionalMatched++
		}
	}
	c.FP = len(P) - len(usedP)
	for gi, g := range G {
		if required(obj(g)) && !usedG[gi] {
			c.FN++
		}
	}
	c.Matched = len(matches)
	for _, m := range matches {
		g, p := obj(G[m.Gold]), obj(P[m.Pred])
		c.ContentDice += m.Dice
		if truthy(g["speaker_span"]) {
			c.SpeakerN++
			if spanEq(spanOf(p["speaker"]), tuple(g["speaker_span"])) {
				c.SpeakerExact++
			}
		}
		if spanEq(spanOf(p["content"]), tuple(g["content_span"])) {
			c.ContentExact++
		}
		if truthy(g["targets"]) {
			c.TargetN++
			if entityMatch(names(p["targets"]), names(g["targets"])) {
				c.TargetOK++
			}
		}
		if truthy(g["outlet"]) {
			c.OutletN++
			o := p["outlet"]
			gs, _ := g["outlet"].(string)
			if truthy(o) && entityMatch(names([]any{o}), map[string]bool{Norm(gs): true}) {
				c.OutletOK++
			}
		}
		if truthy(g["speech_act"]) {
			c.ActN++
			pa, _ := p["speech_act"].(string)
			ga, _ := g["speech_act"].(string)
			if Norm(pa) == Norm(ga) {
				c.ActOK++
			}
		}
		if truthy(g["speaker_entities"]) {
			c.EntityN++
			pn := map[string]bool{}
			if sp, ok := p["speaker"].(map[string]any); ok {
				n := sp["entity"]
				if !truthy(n) {
					n = sp["name"]
				}
				pn = names([]any{map[string]any{"name": n}})
				for _, e := range list(sp["entities"]) {
					for k := range names([]any{e}) {
						pn[k] = true
					}
				}
			}
			ge := names(g["speaker_entities"])
			all := len(pn) > 0
			for n := range pn {
				if !entityMatch(map[string]bool{n: true}, ge) {
					all = false
				}
			}
			if all {
				c.EntityOK++
			}
		}
	}
	for ri, role := range roles {
		gset := map[[2]float64]span{}
		var optional []span
		for _, gv := range G {
			g := obj(gv)
			if !truthy(g[role+"_span"]) {
				continue
			}
			sp := tuple(g[role+"_span"])
			if !sp.ok {
				continue
			}
			if required(g) {
				gset[sp.key()] = sp
			} else {
				optional = append(optional, sp)
			}
		}
		pset := map[[2]float64]span{}
		for _, pv := range P {
			sp := spanOf(obj(pv)[role])
			if !sp.ok {
				continue
			}
			inGold := false
			for _, g := range gset {
				if overlap(sp, g) {
					inGold = true
					break
				}
			}
			if inGold || !overlaps(optional, sp) {
				pset[sp.key()] = sp
			}
		}
		rc := &c.Role[ri]
		rc.GoldN, rc.PredN = len(gset), len(pset)
		for k := range gset {
			if _, ok := pset[k]; ok {
				rc.ExactTP++
			}
		}
		for _, sp := range pset {
			for _, g := range gset {
				if overlap(sp, g) {
					rc.LooseTPP++
					break
				}
			}
		}
		for _, g := range gset {
			for _, sp := range pset {
				if overlap(sp, g) {
					rc.LooseTPR++
					break
				}
			}
		}
	}
	for gi, gv := range G {
		g := obj(gv)
		if required(g) && !usedG[gi] {
			content, _ := g["content"].(string) // null: "" (score.py crashes)
			r.Misses = append(r.Misses, fmt.Sprintf("%s | %s | %s", pyStr(g["speaker"]), pyStr(g["cue"]), first60(content)))
		}
	}
	for pi, pv := range P {
		if usedP[pi] {
			continue
		}
		p := obj(pv)
		f := func(s span) string {
			if !s.ok {
				return "-"
			}
			return first60(string(slice(text, s.a, s.b)))
		}
		r.Spurious = append(r.Spurious, fmt.Sprintf("%s | %s | %s", f(spanOf(p["speaker"])), f(spanOf(p["cue"])), f(spanOf(p["content"]))))
	}
	return r, matches
}

func spanEq(a, b span) bool { return a.ok && b.ok && a.a == b.a && a.b == b.b }

// Totals sums documents' counts.
type Totals struct {
	Docs int
	Counts
}

// Add counts one document in.
func (t *Totals) Add(r Result) {
	t.Docs++
	t.Counts.add(r.Counts)
}

// Figure is one key=value of score.py's summary line. Value is an int, a
// float64 (already rounded to 3 places) or nil (score.py's None).
type Figure struct {
	Key   string
	Value any
}

// round is Python's round(x, 3).
func round(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return f
}

func ratio(a, b int) any {
	if b == 0 {
		return nil
	}
	return round(float64(a) / float64(b))
}

func f1(tpP, tpR, npred, ngold int) float64 {
	var pp, rr float64
	if npred != 0 {
		pp = float64(tpP) / float64(npred)
	}
	if ngold != 0 {
		rr = float64(tpR) / float64(ngold)
	}
	if pp+rr == 0 {
		return 0
	}
	return round(2 * pp * rr / (pp + rr))
}

// Figures are score.py's summary, in its order.
func (t Totals) Figures() []Figure {
	tp, fp, fn := t.TP, t.FP, t.FN
	var p, rc, f float64
	if tp+fp != 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn != 0 {
		rc = float64(tp) / float64(tp+fn)
	}
	if p+rc != 0 {
		f = 2 * p * rc / (p + rc)
	}
	m := t.Matched
	if m == 0 {
		m = 1
	}
	sn := t.SpeakerN
	if sn == 0 {
		sn = 1
	}
	out := []Figure{
		{"docs", t.Docs}, {"tp", tp}, {"fp", fp}, {"fn", fn},
		{"precision", round(p)}, {"recall", round(rc)}, {"f1", round(f)},
		{"speaker_exact", round(float64(t.SpeakerExact) / float64(sn))},
		{"content_exact", round(float64(t.ContentExact) / float64(m))},
		{"content_dice", round(t.ContentDice / float64(m))},
		{"target_acc", ratio(t.TargetOK, t.TargetN)},
		{"outlet_acc", ratio(t.OutletOK, t.OutletN)},
		{"speech_act_acc", ratio(t.ActOK, t.ActN)},
		{"speaker_entity_acc", ratio(t.EntityOK, t.EntityN)},
	}
	for i, role := range roles {
		r := t.Role[i]
		out = append(out,
			Figure{role + "_exact_f1", f1(r.ExactTP, r.ExactTP, r.PredN, r.GoldN)},
			Figure{role + "_loose_f1", f1(r.LooseTPP, r.LooseTPR, r.PredN, r.GoldN)})
	}
	return out
}

// pyFloat is Python's repr of a float.
func pyFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

func valueString(v any, none string) string {
	switch x := v.(type) {
	case nil:
		return none
	case int:
		return strconv.Itoa(x)
	case float64:
		return pyFloat(x)
	}
	return fmt.Sprint(v)
}

// Line prints the figures as score.py does: key=value separated by spaces.
func Line(fs []Figure) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Key + "=" + valueString(f.Value, "None")
	}
	return strings.Join(parts, " ")
}

// JSON prints the figures as score.py --json does (json.dumps).
func JSON(fs []Figure) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = strconv.Quote(f.Key) + ": " + valueString(f.Value, "null")
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
