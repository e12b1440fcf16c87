package extract_test

import "testing"

// TestSpans checks speaker and cue boundaries as PolNeAR's annotators draw
// them, on sentences written for the test.
func TestSpans(t *testing.T) {
	for _, tt := range []struct {
		name, text, speaker, cue string
	}{
		{"infinitive after an adjective", "Farmers in the valley were far more likely to say the dam should stay.",
			"Farmers in the valley", "were far more likely to say"},
		{"infinitive after a verb", "The mayor is struggling to explain why the bridge closed.",
			"The mayor", "is struggling to explain"},
		{"coordinated subject with a preposition", "Greta Olsen and her rivals for the board seat have said they will cut fees.",
			"Greta Olsen and her rivals for the board seat", "have said"},
		{"list of names", "Mr. Ortiz, Ms. Kahn and other local donors said the fund was empty.",
			"Mr. Ortiz, Ms. Kahn and other local donors", "said"},
		{"no list after an opening adverb", "Together, Ms. Kahn and Mr. Ortiz said the fund was empty.",
			"Ms. Kahn and Mr. Ortiz", "said"},
		{"determiner before a possessor and modifiers", "The county’s largest farm group said the levy was too high.",
			"The county’s largest farm group", "said"},
		{"coordinated subject after a subordinator", "The mayor left early while doctors and hospital nurses warned that the ward was full.",
			"doctors and hospital nurses", "warned"},
		{"coordinated objects of a preposition in the subject", "Leaders of the Oregon Senate and House of Representatives said the bill was dead.",
			"Leaders of the Oregon Senate and House of Representatives", "said"},
		{"neither and nor", "Neither the harbor master nor his deputies said the port would close.",
			"Neither the harbor master nor his deputies", "said"},
		{"earlier as an adjective", "An earlier report in a county paper said the mill would close.",
			"An earlier report in a county paper", "said"},
		{"early as an adjective before an of phrase", "Early returns of a phone survey of Ohio farmers show the mayor ahead.",
			"Early returns of a phone survey of Ohio farmers", "show"},
		{"object relative without that", "The board cited the audit, a review the state water agency said was overdue.",
			"the state water agency", "said"},
		{"participle after an of phrase", "A panel of judges led by Ana Ruiz agreed that the contest was fair.",
			"A panel of judges led by Ana Ruiz", "agreed"},
		{"reflexive after the speaker", "Mayor Ruiz herself said the bridge would stay closed.",
			"Mayor Ruiz herself", "said"},
		{"a poll and its date", "A Tribune poll last week found that the mayor was ahead.",
			"A Tribune poll last week", "found"},
		{"inverted speaker with a hyphenated abbreviation", "“It is over,” said Carl Voss, a D.C.-based Democratic strategist.",
			"Carl Voss, a D.C.-based Democratic strategist", "said"},
		{"inverted speaker with an ampersand", "“It is over,” said Carl Voss, a lawyer for farm groups at Voss & Lee.",
			"Carl Voss, a lawyer for farm groups at Voss & Lee", "said"},
		{"inverted speaker with then and a determiner", "“It is over,” said Ana Ruiz, then the mayor's chief of staff.",
			"Ana Ruiz, then the mayor's chief of staff", "said"},
		{"article before a number with an aside", "The two farm candidates, for whom this race was hard, sparred on the issue of taxes.",
			"The two farm candidates", "sparred on"},
		{"article before an approximate figure", "The nearly 90-second video says the mayor lied about the dam.",
			"The nearly 90-second video", "says"},
		{"a possessor of two words", "The water board's inspector general said the audit was late.",
			"The water board's inspector general", "said"},
		{"modifiers after of", "A family of super PACs has said it will spend $5 million.",
			"A family of super PACs", "has said"},
		{"appositive that opens with a role in -ing", "Carl Voss, managing director at Voss Capital, told reporters the deal was fair.",
			"Carl Voss, managing director at Voss Capital,", "told"},
		{"leading as an adjective", "The two leading candidates said the vote was fair.",
			"The two leading candidates", "said"},
		{"frequency adverb before the cue", "Mrs. Lane often says she will not run again.",
			"Mrs. Lane", "often says"},
		{"frequency adverb after an auxiliary", "The council has twice complained that the budget is short.",
			"The council", "has twice complained"},
		{"manner adverb after a trailing cue", "“The vote is over,” Ms. Vale said sarcastically.",
			"Ms. Vale", "said sarcastically"},
		{"manner adverb before that", "The mayor noted repeatedly that the budget was short.",
			"The mayor", "noted repeatedly"},
		{"no adjective after the cue", "The agency seems unlikely to approve the plan.",
			"", "seems"},
		{"no weekday with a possessive", "The mayor condemned Friday’s vote as a disgrace.",
			"The mayor", "condemned"},
		{"surname that is a month", "Prime Minister Ada May said the talks would resume.",
			"Prime Minister Ada May", "said"},
		{"manner phrase after a trailing cue", "“We will win,” Ms. Vale said with a grin.",
			"Ms. Vale", "said with a grin"},
		{"no outlet as a manner", "“We will win,” Ms. Vale said in an interview with KBTX.",
			"Ms. Vale", "said"},
		{"weekday that ends the sentence of a trailing cue", "“The dam should stay,” Ms. Vale said Tuesday.",
			"Ms. Vale", "said Tuesday"},
		{"part of the day after a weekday", "Ms. Vale said Tuesday night that the dam should stay.",
			"Ms. Vale", "said Tuesday night"},
		{"weekday before a place stays out of a trailing cue", "“The dam should stay,” Ms. Vale said Tuesday in Lyon.",
			"Ms. Vale", "said"},
		{"show as a light verb", "The mayor showed no sign of relenting over the ferry tolls.",
			"The mayor", "showed no sign of"},
		{"little before a stance noun", "The senator has shown little interest in the merger.",
			"The senator", "has shown little interest in"},
		{"published text and its preposition", "The paper published a story about the flood in the valley.",
			"The paper", "published a story about"},
		{"published text and its title", "The council released a memo titled “Water First” last week.",
			"The council", "released a memo titled"},
		{"no weekday after a published text", "The union issued a statement on Monday about the strike.",
			"The union", "issued"},
		{"social network after wrote in the cue", "“The dam is safe,” the mayor wrote on Facebook.",
			"the mayor", "wrote on Facebook"},
		{"social network after said out of the cue", "“The dam is safe,” the mayor said on Twitter.",
			"the mayor", "said"},
		{"comments as a stance noun", "The mayor has made comments about the dam.",
			"The mayor", "has made comments about"},
		{"no comment as a stance noun", "The mayor made no comment on the ruling.",
			"The mayor", "made no comment on"},
		{"infinitive after a verb of trying", "The mayor tried to persuade the council that the dam was safe.",
			"The mayor", "tried to persuade"},
		{"infinitive after tend", "Farmers tend to favor a higher tariff on grain.",
			"Farmers", "tend to favor"},
		{"both after joined speakers", "Ana Berg and Jo Li have both argued that the dam should stay.",
			"Ana Berg and Jo Li", "have both argued"},
		{"no both after one speaker", "The two mayors both said the dam should stay.",
			"The two mayors", "said"},
		{"reflexive and from in the cue", "The senator distanced herself from the new tax plan.",
			"The senator", "distanced herself from"},
		{"to before a noun phrase in the cue", "The union agreed to a new contract with the city.",
			"The union", "agreed to"},
		{"to of an infinitive out of the cue", "The union agreed to sign a new contract.",
			"The union", "agreed"},
		{"interview out of the cue", "Ms. Vale said in an interview that the dam should stay.",
			"Ms. Vale", "said"},
		{"statement in the cue", "The mill owners said in a statement that the dam should stay.",
			"The mill owners", "said in a statement"},
		{"letter out of the cue", "“The dam should stay,” Ms. Vale wrote in a letter to the council.",
			"Ms. Vale", "wrote"},
		{"speech out of the cue", "Ms. Vale argued in a speech on Monday that the dam should stay.",
			"Ms. Vale", "argued"},
		{"role before a name and its appositive", "Acme's chief spokesman, Jo Li, a former reporter, said the test failed.",
			"Acme's chief spokesman, Jo Li, a former reporter,", "said"},
		{"no opening adverb before a name", "Moreover, Jo Li, a chemist at Acme, said the test failed.",
			"Jo Li, a chemist at Acme,", "said"},
		{"no dateline before a name", "OSLO, May 2 - Jo Li, a chemist at Acme, said the test failed.",
			"Jo Li, a chemist at Acme,", "said"},
		{"quantity before an appositive chain", "One of her aides, Jo Li, told reporters the race was close.",
			"One of her aides, Jo Li,", "told"},
		{"title before a name", "Retired neurosurgeon Ana Ruiz said the clinic would close.",
			"Retired neurosurgeon Ana Ruiz", "said"},
		{"modifier between a determiner and a noun", "A major farm group said the clinic would close.",
			"A major farm group", "said"},
		{"garbled letter inside a name", "President Ana Pe\u00c3\u00b1a Ruiz said the border would stay open.",
			"President Ana Pe\u00c3\u00b1a Ruiz", "said"},
		{"phrase with by", "A review by the county auditor found that the fund was short.",
			"A review by the county auditor", "found"},
		{"phrase with on", "Farmers on both banks of the river warn that the dam will fail.",
			"Farmers on both banks of the river", "warn"},
		{"bare plural before of", "Large majorities of dairy farmers say the price is too low.",
			"Large majorities of dairy farmers", "say"},
		{"time inside an inverted speaker's relative clause", "“It is too late,” said Jo Li, who left the board in October.",
			"Jo Li, who left the board in October", "said"},
		{"medium after an inverted speaker's relative clause", "“It is too late,” said Jo Li, who left the board, in a statement.",
			"Jo Li, who left the board,", "said"},
		{"second appositive after an inverted speaker", "“It is too late,” said Jo Li, a chemist at Acme, and a former mayor of Lyon.",
			"Jo Li, a chemist at Acme, and a former mayor of Lyon", "said"},
		{"of phrase in the subject of a participle", "The former mayor of Lyon spoke on Monday, calling the plan reckless.",
			"The former mayor of Lyon", "calling"},
		{"known modifier opening the sentence", "American law enforcement officials said the border was calm.",
			"American law enforcement officials", "said"},
		{"light verb and stance noun", "The mayor sounded a cautious note about the budget.",
			"The mayor", "sounded a cautious note about"},
		{"upon after the cue", "The mayor called upon the council to act.",
			"The mayor", "called upon"},
		{"guilty after pleaded", "In 2012, Ana Ruiz pleaded guilty to making illegal donations.",
			"Ana Ruiz", "pleaded guilty"},
		{"surname that is an auxiliary", "“The plan is dead,” Will wrote on Monday.",
			"Will", "wrote"},
		{"adverb of time after a trailing cue", "“We will win,” Ms. Vale said then.",
			"Ms. Vale", "said then"},
		{"like phrase before the cue", "Some farmers, like Bo Li, said the dam should stay.",
			"Some farmers, like Bo Li,", "said"},
		{"no infinitive after a preposition", "Oslo and Lima are among the capitals to condemn the blockade.",
			"Oslo and Lima", "condemn"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(tt.text)
			for _, r := range got {
				if r.Speaker == tt.speaker && r.Cue == tt.cue {
					return
				}
			}
			t.Errorf("%s\nno claim with speaker %q and cue %q; got %+v", tt.text, tt.speaker, tt.cue, got)
		})
	}
}

// TestPossessedTime checks that a time word with a possessive opens the
// content instead of closing the cue.
func TestPossessedTime(t *testing.T) {
	for text, want := range map[string]string{
		"Ana Ruiz said Monday's decision will hurt farmers.": "Monday's decision will hurt farmers",
		"Ana Ruiz said last week's vote was fair.":           "last week's vote was fair",
	} {
		got := rows(text)
		if len(got) != 1 || got[0].Cue != "said" || got[0].Content != want {
			t.Errorf("%s\ngot %+v, want cue %q and content %q", text, got, "said", want)
		}
	}
}

// TestExpletiveIt checks that an "it" that stands for no one ("it appears
// that") is the writer's judgement, not the last name's claim, and that a
// later pronoun does not resolve to it.
func TestExpletiveIt(t *testing.T) {
	got := rows("The ferry sailed on Sunday. It appears, though, that the port lost money.")
	if len(got) != 1 || got[0].Cue != "appears" || len(got[0].Actors) != 1 || got[0].Actors[0] != "the author" {
		t.Errorf("got %+v, want one claim by the author", got)
	}
	for _, r := range rows("The report came out Monday. It appears to show that costs rose.") {
		if len(r.Actors) == 1 && r.Actors[0] == "the author" {
			t.Errorf("got %+v: the it of \"appears to show\" is the report's, not the author's", r)
		}
	}
}
