package extract_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

// TestPolNeARForms pins the forms and span conventions learned from PolNeAR
// train: whole inverted speakers, asides between dashes or commas, cues the
// lexicon lacks (found by the cue model), and what a cue span takes in.
func TestPolNeARForms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []row
	}{
		{"inverted speaker to the clause's end", "“The plan is dead,” said Clinton ally James Carville.",
			[]row{{Speaker: "Clinton ally James Carville", Cue: "said", Content: "The plan is dead", Act: schema.Assert, Direct: true, Actors: []string{"James Carville"}}}},
		{"inverted speaker with appositive, not the medium", "“We will win,” said Ana Berg, a senator from Ohio, in an interview.",
			[]row{{Speaker: "Ana Berg, a senator from Ohio,", Cue: "said", Content: "We will win", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"inverted speaker with an adjective in -ed", "“We will win,” said Ana Berg, a retired nurse.",
			[]row{{Speaker: "Ana Berg, a retired nurse", Cue: "said", Content: "We will win", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"a single quotation closing with the double one", "''The bridge is, as they say, 'a lemon,''' said Ana Berg.",
			[]row{{Speaker: "Ana Berg", Cue: "said", Content: "The bridge is, as they say, 'a lemon,'", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"an opening curly mark that closes the quotation", "“The bridge is closed,“ said Ana Berg.",
			[]row{{Speaker: "Ana Berg", Cue: "said", Content: "The bridge is closed", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"a poll's finding with a slash in its name", "In a new Acme/Ipsos poll released Monday, most voters chose Berg.",
			[]row{{Speaker: "a new Acme/Ipsos poll released Monday", Cue: "In", Content: "most voters chose Berg", Act: schema.Assert, Actors: []string{"new Acme/Ipsos poll"}}}},
		{"a poll's finding after an aside on the poll", "In the last Acme poll, conducted in early May, Berg led Li by five points.",
			[]row{{Speaker: "the last Acme poll, conducted in early May,", Cue: "In", Content: "Berg led Li by five points", Act: schema.Assert, Actors: []string{"last Acme poll"}}}},
		{"a plain present of see is a view", "Most voters see the mayor as the stronger candidate.",
			[]row{{Speaker: "Most voters", Cue: "see", Content: "the mayor as the stronger candidate", Act: schema.Assert, Actors: []string{"voters"}}}},
		{"a plain present of endorse", "Most members endorse the plan to rebuild the bridge.",
			[]row{{Speaker: "Most members", Cue: "endorse", Content: "the plan to rebuild the bridge", Act: schema.Assert, Actors: []string{"members"}}}},
		{"see after an auxiliary is no cue", "Voters will see what happens.", nil},
		{"prefer after a modal is no cue", "Most voters would prefer a different candidate.", nil},
		{"a roundup's source after a dash and before a colon", "VOTERS LIKE THE BRIDGE - Jo Li and Ana Berg: “We found that the bridge is popular.”",
			[]row{{Speaker: "Jo Li and Ana Berg", Cue: ":", Content: "We found that the bridge is popular", Act: schema.Assert, Direct: true, Actors: []string{"Jo Li", "Ana Berg"}}}},
		{"a place adverb after the subject", "Campaign workers here said the bridge would reopen.",
			[]row{{Speaker: "Campaign workers", Cue: "said", Content: "the bridge would reopen", Act: schema.Assert, Actors: []string{"Campaign workers"}}}},
		{"a view opened by To and a name", "The crowd was loud. To Jo Li, who studies rallies, the crowd seemed calm.",
			[]row{{Speaker: "Jo Li, who studies rallies,", Cue: "To", Content: "the crowd seemed calm", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"To and a country is no view", "To France, the bridge was moved.", nil},
		{"a headline's future with to", "Acme Union to endorse Ana Berg.\n\nThe vote was held on Monday.",
			[]row{{Speaker: "Acme Union", Cue: "to endorse", Content: "Ana Berg", Act: schema.Assert, Actors: []string{"Acme Union"}}}},
		{"a headline's verb before to is the cue", "Ana Berg Refuses to Endorse Jo Li.\n\nThe vote was held on Monday.",
			[]row{{Speaker: "Ana Berg", Cue: "Refuses", Content: "to Endorse Jo Li", Act: schema.Reject, Actors: []string{"Ana Berg"}}}},
		{"quantity before the speaker", "At least a dozen members said the vote was rigged.",
			[]row{{Speaker: "At least a dozen members", Cue: "said", Content: "the vote was rigged", Act: schema.Assert, Actors: []string{"dozen members"}}}},
		{"party and state with a period", "“We will win,” said Sen. Ana Berg (D-Md.).",
			[]row{{Speaker: "Sen. Ana Berg (D-Md.)", Cue: "said", Content: "We will win", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"relative pronoun as the object", "The plan ended the levy, which the mayor opposed.",
			[]row{{Speaker: "the mayor", Cue: "opposed", Content: "which", Act: schema.Reject, Actors: []string{"mayor"}}}},
		{"a relative pronoun named by the cue", "The bridge, which the mayor called “a disaster,” was closed.",
			[]row{{Speaker: "the mayor", Cue: "called", Content: "a disaster", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"what named by the cue", "The bridge fell in what the mayor called a disgrace.",
			[]row{{Speaker: "the mayor", Cue: "called", Content: "a disgrace", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"that as the content's subject", "The court said that was not its view.",
			[]row{{Speaker: "The court", Cue: "said", Content: "that was not its view", Act: schema.Assert, Actors: []string{"court"}}}},
		{"that as a determiner of the object", "The judge rejected that argument in a ruling.",
			[]row{{Speaker: "The judge", Cue: "rejected", Content: "that argument in a ruling", Act: schema.Reject, Actors: []string{"judge"}}}},
		{"modifiers after a clause boundary", "The court ruled, and social scientists say the case was closed.",
			[]row{{Speaker: "social scientists", Cue: "say", Content: "the case was closed", Act: schema.Assert, Actors: []string{"scientists"}}}},
		{"aside between dashes", "Ana Berg — the mayor of the town — said the bridge would reopen.",
			[]row{{Speaker: "Ana Berg — the mayor of the town —", Cue: "said", Content: "the bridge would reopen", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"aside between double hyphens", "Ana Berg -- the mayor of the town -- said the bridge would reopen.",
			[]row{{Speaker: "Ana Berg -- the mayor of the town --", Cue: "said", Content: "the bridge would reopen", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"catenative verb in the cue", "The governor continued to insist that the budget was balanced.",
			[]row{{Speaker: "The governor", Cue: "continued to insist", Content: "the budget was balanced", Act: schema.Assert, Actors: []string{"governor"}}}},
		{"medium in the cue", "The mayor said in a statement that the port would reopen.",
			[]row{{Speaker: "The mayor", Cue: "said in a statement", Content: "the port would reopen", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"adverbs and a preposition in the cue, model cue", "The mayor has repeatedly railed against the new tax.",
			[]row{{Speaker: "The mayor", Cue: "has repeatedly railed against", Content: "the new tax", Act: schema.Denounce, Actors: []string{"mayor"}}}},
		{"particle and preposition in the cue", "Berg lashed out at the council for the delay.",
			[]row{{Speaker: "Berg", Cue: "lashed out at", Content: "the council for the delay", Act: schema.Assert, Actors: []string{"Berg"}}}},
		{"infinitive content", "The governor seemed to waver on the tax.",
			[]row{{Speaker: "", Cue: "seemed", Content: "to waver on the tax", Act: schema.Assert, Actors: []string{"the author"}}}},
		{"speaker up to the comma, asides and all", "Cummings (D-Md.), chair of the Platform Committee, said that the vote was fair.",
			[]row{{Speaker: "Cummings (D-Md.), chair of the Platform Committee,", Cue: "said", Content: "the vote was fair", Act: schema.Assert, Actors: []string{"Cummings"}}}},
		{"trailing speaker from its determiner", "The bridge will reopen in May, the regional news site Nordpost reported.",
			[]row{{Speaker: "the regional news site Nordpost", Cue: "reported", Content: "The bridge will reopen in May", Act: schema.Assert, Actors: []string{"Nordpost"}}}},
		{"inverted speaker with modifiers, then a participle", "“We are not finished,” said retired surgeon Lena Marsh, asked about the strike.", []row{
			{Speaker: "retired surgeon Lena Marsh", Cue: "said", Content: "We are not finished", Act: schema.Assert, Direct: true, Actors: []string{"Lena Marsh"}},
			{Speaker: "", Cue: "asked about", Content: "the strike", Act: schema.Question, Actors: []string{"the author"}}}},
		{"quote continued in the next paragraph", "“The dam will hold,” the engineer said.\n\n“We tested it twice.”",
			[]row{{Speaker: "the engineer", Cue: "said", Content: "The dam will hold,” the engineer said.\n\n“We tested it twice", Act: schema.Assert, Direct: true, Actors: []string{"engineer"}}}},
		{"No. before a number ends no sentence", "Ana Berg, the No. 2 official at the ministry, said the talks would resume.",
			[]row{{Speaker: "Ana Berg, the No. 2 official at the ministry,", Cue: "said", Content: "the talks would resume", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"participle cue after an opening time phrase with no comma", "On Friday Ana Berg toured the plant, saying the repairs were finished.",
			[]row{{Speaker: "Ana Berg", Cue: "saying", Content: "the repairs were finished", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"subject modified by a participle phrase", "A city audit released Monday found that the tunnel cost twice its budget.",
			[]row{{Speaker: "A city audit released Monday", Cue: "found", Content: "the tunnel cost twice its budget", Act: schema.Assert, Actors: []string{"city audit"}}}},
		{"a share in words as a loose speaker", "Among retirees, six in 10 said they would pay the levy.",
			[]row{{Speaker: "six in 10", Cue: "said", Content: "they would pay the levy", Act: schema.Assert, Actors: []string{"six in 10"}}}},
		{"plural before show: a verb", "Quarterly filings show the fund has little cash. A talk show host laughed.",
			[]row{{Speaker: "Quarterly filings", Cue: "show", Content: "the fund has little cash", Act: schema.Assert, Actors: []string{"Quarterly filings"}}}},
		{"contracted has in the cue", "The mayor’s argued that the bridge is safe.",
			[]row{{Speaker: "The mayor", Cue: "’s argued", Content: "the bridge is safe", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"went on to", "The mayor went on to say that the port will close.",
			[]row{{Speaker: "The mayor", Cue: "went on to say", Content: "the port will close", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"a new paragraph that only opens with a quoted title is no more of the quote", "“We will win,” the coach said.\n\n“Blue Skies” is the team’s song.",
			[]row{{Speaker: "the coach", Cue: "said", Content: "We will win", Act: schema.Assert, Direct: true, Actors: []string{"coach"}}}},
		{"a quotation left open ends with its line", "The sign read “Vote early.\nBerg said the polls open at nine. Silva said they close at six.",
			[]row{
				{Speaker: "Berg", Cue: "said", Content: "the polls open at nine", Act: schema.Assert, Actors: []string{"Berg"}},
				{Speaker: "Silva", Cue: "said", Content: "they close at six", Act: schema.Assert, Actors: []string{"Silva"}}}},
		{"as the speaker noted, content", "But as the mayor noted, the bridge was closed for a week.",
			[]row{{Speaker: "the mayor", Cue: "noted", Content: "the bridge was closed for a week", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"plural subject before a prepositional phrase agrees with a bare verb", "Lobbyists in general prefer quiet deals.",
			[]row{{Speaker: "Lobbyists in general", Cue: "prefer", Content: "quiet deals", Act: schema.Assert, Actors: []string{"Lobbyists in general"}}}},
		{"stance adjective after be", "The mayor is eager to reopen the bridge. The bridge was named after her.",
			[]row{{Speaker: "The mayor", Cue: "is eager", Content: "to reopen the bridge", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"an adverb between auxiliary and cue is no cue of its own", "Many residents have long regarded the tower as an eyesore.",
			[]row{{Speaker: "Many residents", Cue: "have long regarded", Content: "the tower as an eyesore", Act: schema.Assert, Actors: []string{"residents"}}}},
		{"the object of a control verb speaks the infinitive", "The flood led the mayor to declare an emergency.",
			[]row{{Speaker: "the mayor", Cue: "to declare", Content: "an emergency", Act: schema.Announce, Actors: []string{"mayor"}}}},
		{"byline after a quotation with a quotation inside, opened by a closing mark", "Readers wrote in.\n”The “new” bridge is already cracked.” ― Lena Marsh",
			[]row{{Speaker: "Lena Marsh", Cue: "―", Content: "The “new” bridge is already cracked", Act: schema.Assert, Direct: true, Actors: []string{"Lena Marsh"}}}},
		{"transcript line opened by a quotation mark never closed", "The exchange went on.\n\n\"HOST: Will the bridge reopen in May?\n\nMore followed.",
			[]row{{Speaker: "HOST", Cue: ":", Content: "Will the bridge reopen in May", Act: schema.Assert, Actors: []string{"HOST"}}}},
		{"respond to: the preposition is part of the cue", "The ministry did not immediately respond to questions about the dam.",
			[]row{{Speaker: "The ministry", Cue: "did not immediately respond to", Content: "questions about the dam", Act: schema.Assert, Negated: true, Actors: []string{"ministry"}}}},
		{"passive with its agent", "The toll plan was rejected by the city council.",
			[]row{{Speaker: "the city council", Cue: "was rejected", Content: "The toll plan", Act: schema.Reject, Actors: []string{"city council"}}}},
		{"made it clear", "The mayor made it clear that the bridge would stay closed.",
			[]row{{Speaker: "The mayor", Cue: "made it clear", Content: "the bridge would stay closed", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"as the speaker put it, content", "As one resident put it, the bridge is a disgrace.",
			[]row{{Speaker: "one resident", Cue: "put it", Content: "the bridge is a disgrace", Act: schema.Assert, Actors: []string{"resident"}}}},
		{"light verb and stance noun in the cue", "The mayor expressed concern about the bridge.",
			[]row{{Speaker: "The mayor", Cue: "expressed concern about", Content: "the bridge", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"a noun in -ly is no adverb", "The family has called on the police to release the video.",
			[]row{{Speaker: "The family", Cue: "has called on", Content: "the police to release the video", Act: schema.Appeal, Actors: []string{"family"}}}},
		{"a slash between names inside the speaker", "A Nordpost/Vela poll shows that the levy is unpopular.",
			[]row{{Speaker: "A Nordpost/Vela poll", Cue: "shows", Content: "the levy is unpopular", Act: schema.Assert, Actors: []string{"Nordpost/Vela poll"}}}},
		{"passive of a feeling: the subject holds the view", "Many residents have been unsettled by the closures.",
			[]row{{Speaker: "Many residents", Cue: "have been unsettled by", Content: "the closures", Act: schema.Assert, Actors: []string{"residents"}}}},
		{"a family speaks as a body", "Ana Berg’s family has called on the police to release the video.",
			[]row{{Speaker: "Ana Berg’s family", Cue: "has called on", Content: "the police to release the video", Act: schema.Appeal, Actors: []string{"Ana Berg’s family"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rows(tt.text)); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
