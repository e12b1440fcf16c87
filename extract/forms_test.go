package extract_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/schema"
)

// row is the part of a claim a form test checks.
type row struct {
	Speaker, Cue, Content string
	Act                   schema.SpeechAct
	Direct, Negated       bool
	Actors, Targets       []string
	Outlet                string
}

func rows(text string) []row {
	var out []row
	for _, c := range extract.Claims(schema.NewArticle(text, "")) {
		r := row{Speaker: c.Speaker.Text, Cue: c.Cue.Text, Content: c.Content.Text, Act: c.SpeechAct,
			Direct: c.Direct, Negated: c.Negated, Actors: actorNames(c.Speaker.Actors), Targets: actorNames(c.Targets)}
		if c.Outlet != nil {
			r.Outlet = c.Outlet.Name
		}
		out = append(out, r)
	}
	return out
}

func TestForms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []row
	}{
		{"said that", "Germany said on Monday that the border would stay open.",
			[]row{{Speaker: "Germany", Cue: "said", Content: "the border would stay open", Act: schema.Assert, Actors: []string{"Germany"}}}},
		{"trailing", "The ferry will sail again next week, the Greek government said.",
			[]row{{Speaker: "the Greek government", Cue: "said", Content: "The ferry will sail again next week", Act: schema.Assert, Actors: []string{"Government of Greece"}}}},
		{"trailing phrase with a preposition", "The ferry will sail again next week, people familiar with the plans said.",
			[]row{{Speaker: "people familiar with the plans", Cue: "said", Content: "The ferry will sail again next week", Act: schema.Assert, Actors: []string{"people familiar with the plans"}}}},
		{"curly quote before", "“We are ready to talk,” Tehran told Reuters.",
			[]row{{Speaker: "Tehran", Cue: "told", Content: "We are ready to talk", Act: schema.Assert, Direct: true, Actors: []string{"Iran"}, Outlet: "Reuters"}}},
		{"straight quote after", `The minister said: "Prices will fall."`,
			[]row{{Speaker: "The minister", Cue: "said:", Content: "Prices will fall", Act: schema.Assert, Direct: true, Actors: []string{"minister"}}}},
		{"inverted", "“The road is closed,” said the mayor of the town.",
			[]row{{Speaker: "the mayor of the town", Cue: "said", Content: "The road is closed", Act: schema.Assert, Direct: true, Actors: []string{"mayor of the town"}}}},
		{"accuse of", "Ukraine accused Belarus on Sunday of massing troops near the border.",
			[]row{{Speaker: "Ukraine", Cue: "accused", Content: "massing troops near the border", Act: schema.Accuse, Actors: []string{"Ukraine"}, Targets: []string{"Belarus"}}}},
		{"reciprocal", "Israel and Syria have each accused the other of violating the truce.",
			[]row{{Speaker: "Israel and Syria", Cue: "accused", Content: "violating the truce", Act: schema.Accuse, Actors: []string{"Israel", "Syria"}, Targets: []string{"Israel", "Syria"}}}},
		{"want in the base form", "Most voters in the valley want the dam to stay.",
			[]row{{Speaker: "Most voters in the valley", Cue: "want", Content: "the dam to stay", Act: schema.Assert, Actors: []string{"voters in the valley"}}}},
		{"on before a named person in the cue", "Ana Berg spoke first. Later, Jo Li remarked on Berg and her record on taxes.",
			[]row{{Speaker: "Jo Li", Cue: "remarked on", Content: "Berg and her record on taxes", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"outlet after on skipped to that", "Jo Li said on Fox News that the plan was reckless.",
			[]row{{Speaker: "Jo Li", Cue: "said", Content: "the plan was reckless", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"social network skipped before a trailing end", "The plan is reckless, the council posted on Facebook.",
			[]row{{Speaker: "the council", Cue: "posted on Facebook", Content: "The plan is reckless", Act: schema.Assert, Actors: []string{"council"}}}},
		{"social network and time skipped before a participle", "Jo Li replied on Twitter on Friday, calling the plan reckless.",
			[]row{{Speaker: "Jo Li", Cue: "calling", Content: "the plan reckless", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"seeking an office is a candidacy", "Jo Li, who is also seeking the Green nomination, toured the dam.", nil},
		{"seeking reelection is a candidacy", "The mayor is seeking reelection next spring.", nil},
		{"seeking something else stays a cue", "The mayor is seeking money for the dam.",
			[]row{{Speaker: "The mayor", Cue: "is seeking", Content: "money for the dam", Act: schema.Appeal, Actors: []string{"mayor"}}}},
		{"a noun heading a contact relative clause is no part of the speaker", "That was the moment Ana Ruiz said the dam would hold.",
			[]row{{Speaker: "Ana Ruiz", Cue: "said", Content: "the dam would hold", Act: schema.Assert, Actors: []string{"Ana Ruiz"}}}},
		{"a contact relative clause after a title", "It was a defeat Mayor Ana Ruiz believes to be unfair.",
			[]row{{Speaker: "Mayor Ana Ruiz", Cue: "believes", Content: "to be unfair", Act: schema.Assert, Actors: []string{"Ana Ruiz"}}}},
		{"pledged before delegates is no pledge", "The mayor leads the race by 40 pledged delegates.", nil},
		{"pledged before an infinitive stays a cue", "The mayor pledged to rebuild the dam.",
			[]row{{Speaker: "The mayor", Cue: "pledged", Content: "to rebuild the dam", Act: schema.Promise, Actors: []string{"mayor"}}}},
		{"believed in the past tense", "Most farmers believed the dam was safe.",
			[]row{{Speaker: "Most farmers", Cue: "believed", Content: "the dam was safe", Act: schema.Assert, Actors: []string{"farmers"}}}},
		{"want after a modal is advice", "The council may want to reconsider the plan.", nil},
		{"floating quantifier", "Mayor Ana Ruiz, Tom Berg and Lee Park have all said the bridge toll was too high.",
			[]row{{Speaker: "Mayor Ana Ruiz, Tom Berg and Lee Park", Cue: "have all said", Content: "the bridge toll was too high", Act: schema.Assert, Actors: []string{"Ana Ruiz", "Tom Berg", "Lee Park"}}}},
		{"floating both", "The two harbour pilots both said the fog had lifted by noon.",
			[]row{{Speaker: "The two harbour pilots", Cue: "said", Content: "the fog had lifted by noon", Act: schema.Assert, Actors: []string{"harbour pilots"}}}},
		{"speaker after in", "The ferry crews have in the past said the harbour was too shallow.", nil},
		{"speaker after to", "Vouchers went out to growers seeking relief from the drought.", nil},
		{"clause after a cue", "The dockers' union said its members rejected the pay offer.",
			[]row{{Speaker: "The dockers' union", Cue: "said", Content: "its members rejected the pay offer", Act: schema.Assert, Actors: []string{"dockers' union"}}}},
		{"clause after a cue's that", "The ferry owners said that their crews rejected the new rota.",
			[]row{{Speaker: "The ferry owners", Cue: "said", Content: "their crews rejected the new rota", Act: schema.Assert, Actors: []string{"ferry owners"}}}},
		{"clause after a widened cue's that", "The newspaper learned Friday that the harbour masters denied the claims.",
			[]row{{Speaker: "The newspaper", Cue: "learned Friday", Content: "the harbour masters denied the claims", Act: schema.Assert, Actors: []string{"newspaper"}}}},
		{"speaker in a condition", "The strike will go on if the pilots deny the claims.", nil},
		{"speaker in an indirect question", "Nobody knows whether the growers deny the charge.",
			[]row{{Speaker: "Nobody", Cue: "knows", Content: "whether the growers deny the charge", Act: schema.Assert, Actors: []string{"Nobody"}}}},
		{"object experiencer", "The harbour fee has angered the ferry crews, who plan a strike.",
			[]row{{Speaker: "the ferry crews", Cue: "has angered", Content: "The harbour fee", Act: schema.Assert, Actors: []string{"ferry crews"}}}},
		{"participle before a preposition", "Several growers interviewed at the market this week said the prices were too low.",
			[]row{{Speaker: "Several growers interviewed at the market this week", Cue: "said", Content: "the prices were too low", Act: schema.Assert, Actors: []string{"growers"}}}},
		{"irregular participle", "Exit polls taken in the county found that most voters backed the levy.",
			[]row{{Speaker: "Exit polls taken in the county", Cue: "found", Content: "most voters backed the levy", Act: schema.Assert, Actors: []string{"Exit polls"}}}},
		{"drawn from", "The harbour levy has drawn sharp criticism from some ferry crews.",
			[]row{{Speaker: "some ferry crews", Cue: "has drawn sharp criticism", Content: "The harbour levy", Act: schema.Assert, Actors: []string{"ferry crews"}}}},
		{"bare plural first conjunct", "Local growers and their trade groups said the levy was too high.",
			[]row{{Speaker: "Local growers and their trade groups", Cue: "said", Content: "the levy was too high", Act: schema.Assert, Actors: []string{"Local growers", "trade groups"}}}},
		{"both before the first conjunct", "Both the harbour master and her staff said the quay was unsafe.",
			[]row{{Speaker: "Both the harbour master and her staff", Cue: "said", Content: "the quay was unsafe", Act: schema.Assert, Actors: []string{"the harbour master", "staff"}}}},
		{"clause opening a cue's content", "The port said on Monday the ferry crews rejected the offer.",
			[]row{{Speaker: "The port", Cue: "said", Content: "the ferry crews rejected the offer", Act: schema.Assert, Actors: []string{"port"}}}},
		{"a figure before percent", "Only 30 percent of ferry riders say the new timetable works.",
			[]row{{Speaker: "Only 30 percent of ferry riders", Cue: "say", Content: "the new timetable works", Act: schema.Assert, Actors: []string{"30 percent of ferry riders"}}}},
		{"just is no share of a poll", "Just 12 percent of the growers said the levy was fair.",
			[]row{{Speaker: "12 percent of the growers", Cue: "said", Content: "the levy was fair", Act: schema.Assert, Actors: []string{"growers"}}}},
		{"whose opens the speaker", "It was a long week for the grower whose lawyers argued the levy was unlawful.",
			[]row{{Speaker: "whose lawyers", Cue: "argued", Content: "the levy was unlawful", Act: schema.Assert, Actors: []string{"lawyers"}}}},
		{"a surname particle", "At the harbour, de Vries said the quay would reopen in May.",
			[]row{{Speaker: "de Vries", Cue: "said", Content: "the quay would reopen in May", Act: schema.Assert, Actors: []string{"Vries"}}}},
		{"a plural before in is the subject", "Two local papers in Cork, including the Harbour Herald, said the quay should close.",
			[]row{{Speaker: "Two local papers in Cork, including the Harbour Herald,", Cue: "said", Content: "the quay should close", Act: schema.Assert, Actors: []string{"local papers"}}}},
		{"a subject pronoun as the first conjunct", "The ferry captain retired in May. She and her brother said the quay had never been safe.",
			[]row{{Speaker: "She and her brother", Cue: "said", Content: "the quay had never been safe", Act: schema.Assert, Actors: []string{"brother"}}}},
		{"an appositive with no closing comma", "Ana Ruiz, the harbour master at Portmore said the quay would reopen in May.",
			[]row{{Speaker: "Ana Ruiz, the harbour master at Portmore", Cue: "said", Content: "the quay would reopen in May", Act: schema.Assert, Actors: []string{"Ana Ruiz"}}}},
		{"a list of common nouns", "Throughout the day, her family, friends and neighbours said the levy was unfair.",
			[]row{{Speaker: "her family, friends and neighbours", Cue: "said", Content: "the levy was unfair", Act: schema.Assert, Actors: []string{"family", "friends", "neighbours"}}}},
		{"no list item after a preposition", "In May, Ruiz and Berg said the quay was unsafe.",
			[]row{{Speaker: "Ruiz and Berg", Cue: "said", Content: "the quay was unsafe", Act: schema.Assert, Actors: []string{"Ruiz", "Berg"}}}},
		{"anonymity clause before the cue", "A port official, who was granted anonymity by the gazette, said the quay would reopen in May.",
			[]row{{Speaker: "A port official", Cue: "said", Content: "the quay would reopen in May", Act: schema.Assert, Actors: []string{"port official"}}}},
		{"anonymity clause after the cue", "The quay will reopen in May, said a harbour pilot who was granted anonymity by the gazette.",
			[]row{{Speaker: "a harbour pilot", Cue: "said", Content: "The quay will reopen in May", Act: schema.Assert, Actors: []string{"harbour pilot"}}}},
		{"a medium after the speaker", "The harbour master in a radio interview said the quay would reopen in May.",
			[]row{{Speaker: "The harbour master", Cue: "said", Content: "the quay would reopen in May", Act: schema.Assert, Actors: []string{"harbour master"}}}},
		{"negated admission", "Cuba has not admitted to any arrests.",
			[]row{{Speaker: "Cuba", Cue: "has not admitted", Content: "any arrests", Act: schema.Deny, Negated: true, Actors: []string{"Cuba"}}}},
		{"coordinated cues", "Polish officials said the talks failed and warned of new sanctions.", []row{
			{Speaker: "Polish officials", Cue: "said", Content: "the talks failed", Act: schema.Assert, Actors: []string{"Poland"}},
			{Speaker: "Polish officials", Cue: "warned", Content: "of new sanctions", Act: schema.Warn, Actors: []string{"Poland"}}}},
		{"adding", "“It is over,” Kremlin aide Yuri Petrov told TASS, adding that no date was set.", []row{
			{Speaker: "Kremlin aide Yuri Petrov", Cue: "told", Content: "It is over", Act: schema.Assert, Direct: true, Actors: []string{"Yuri Petrov"}, Outlet: "TASS"},
			{Speaker: "Kremlin aide Yuri Petrov", Cue: "adding", Content: "no date was set", Act: schema.Assert, Actors: []string{"Yuri Petrov"}, Outlet: "TASS"}}},
		{"according to", "According to the Japanese foreign ministry, the envoy left Seoul.",
			[]row{{Speaker: "the Japanese foreign ministry", Cue: "According to", Content: "the envoy left Seoul", Act: schema.Assert, Actors: []string{"Ministry of Foreign Affairs of Japan"}, Targets: []string{"South Korea"}}}},
		{"in a poll", "In a Gallup poll released Monday, the mayor led by ten points.",
			[]row{{Speaker: "a Gallup poll released Monday", Cue: "In", Content: "the mayor led by ten points", Act: schema.Assert, Actors: []string{"Gallup poll"}}}},
		{"first person is the author", "Ana Lopes was there. I said the plan would fail.",
			[]row{{Speaker: "I", Cue: "said", Content: "the plan would fail", Act: schema.Assert, Actors: []string{"the author"}}}},
		{"loose subject", "If costs do not slow down, forecasters say spending will rise.",
			[]row{{Speaker: "forecasters", Cue: "say", Content: "spending will rise", Act: schema.Assert, Actors: []string{"forecasters"}}}},
		{"loose subject with a postmodifier", "A source close to him said the plan would change.",
			[]row{{Speaker: "A source close to him", Cue: "said", Content: "the plan would change", Act: schema.Assert, Actors: []string{"source close to him"}}}},
		{"first person with a bare verb", "Ana Lopes was there. I think the plan will fail.",
			[]row{{Speaker: "I", Cue: "think", Content: "the plan will fail", Act: schema.Assert, Actors: []string{"the author"}}}},
		{"no loose subject in a question", "What do you think of the plan?", nil},
		{"byline after a quotation", "“We will win. It is over.” ― Ana Silva\nThe count went on.",
			[]row{{Speaker: "Ana Silva", Cue: "―", Content: "We will win. It is over", Act: schema.Assert, Direct: true, Actors: []string{"Ana Silva"}}}},
		{"titled name before a colon and a quote", "Former foreign minister Ana Silva: “We will win.”",
			[]row{{Speaker: "Former foreign minister Ana Silva", Cue: ":", Content: "We will win", Act: schema.Assert, Direct: true, Actors: []string{"Ana Silva"}}}},
		{"journalist", "The square was empty at noon, a Reuters reporter said.",
			[]row{{Speaker: "a Reuters reporter", Cue: "said", Content: "The square was empty at noon", Act: schema.Assert, Actors: []string{"Reuters"}, Outlet: "Reuters"}}},
		{"pronoun", "Mayor Anna Kowalska opened the bridge. She said it cost too much.", []row{
			{Speaker: "She", Cue: "said", Content: "it cost too much", Act: schema.Assert, Actors: []string{"Anna Kowalska"}}}},
		{"appositive", "Jan Novak, a former adviser to the mayor, said the budget was too small.",
			[]row{{Speaker: "Jan Novak, a former adviser to the mayor,", Cue: "said", Content: "the budget was too small", Act: schema.Assert, Actors: []string{"Jan Novak"}}}},
		{"who", "The plan was backed by Ana Lopes, who said it would pass.",
			[]row{
				{Speaker: "Ana Lopes", Cue: "was backed", Content: "The plan", Act: schema.Assert, Actors: []string{"Ana Lopes"}},
				{Speaker: "who", Cue: "said", Content: "it would pass", Act: schema.Assert, Actors: []string{"Ana Lopes"}}}},
		// PolNeAR's span conventions: auxiliaries and adverbs are part of the
		// cue, a party in parentheses and an appositive's comma of the speaker.
		{"auxiliary cue", "The mayor has also said the bridge would open.",
			[]row{{Speaker: "The mayor", Cue: "has also said", Content: "the bridge would open", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"weekday after cue", "The mayor said Tuesday the port would reopen.",
			[]row{{Speaker: "The mayor", Cue: "said Tuesday", Content: "the port would reopen", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"party in parentheses", "Sen. Ana Berg (D-Vt.) said the plan would fail.",
			[]row{{Speaker: "Sen. Ana Berg (D-Vt.)", Cue: "said", Content: "the plan would fail", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"quantity of", "Some of the delegates said the vote was rigged.",
			[]row{{Speaker: "Some of the delegates", Cue: "said", Content: "the vote was rigged", Act: schema.Assert, Actors: []string{"delegates"}}}},
		{"who after a pair", "He praised Jan Novak and Eva Berg, who say the budget is too small.",
			[]row{{Speaker: "who", Cue: "say", Content: "the budget is too small", Act: schema.Assert, Actors: []string{"Jan Novak", "Eva Berg"}}}},
		{"restrictive relative clause", "Farmers who have sold their land to the firm say the price was fair.",
			[]row{{Speaker: "Farmers who have sold their land to the firm", Cue: "say", Content: "the price was fair", Act: schema.Assert, Actors: []string{"Farmers"}}}},
		{"appositive with a place and its state", "Ana Silva, 67, a retired nurse in Easton, Pa., said the clinic would close.",
			[]row{{Speaker: "Ana Silva, 67, a retired nurse in Easton, Pa.,", Cue: "said", Content: "the clinic would close", Act: schema.Assert, Actors: []string{"Ana Silva"}}}},
		{"aside before a loose subject's cue", "Backers of the new levy, however, say it would pay for the roads.",
			[]row{{Speaker: "Backers of the new levy", Cue: "say", Content: "it would pay for the roads", Act: schema.Assert, Actors: []string{"Backers"}}}},
		{"coordinated subject", "The governor and the mayor said the deal was fair.",
			[]row{{Speaker: "The governor and the mayor", Cue: "said", Content: "the deal was fair", Act: schema.Assert, Actors: []string{"governor", "mayor"}}}},
		{"speaker phrase with a preposition", "The ad from the Smith campaign says the tax is too high.",
			[]row{{Speaker: "The ad from the Smith campaign", Cue: "says", Content: "the tax is too high", Act: schema.Assert, Actors: []string{"Smith campaign"}}}},
		{"loose subject over and", "Experts on trade and farm policy say the tariff will hurt growers.",
			[]row{{Speaker: "Experts on trade and farm policy", Cue: "say", Content: "the tariff will hurt growers", Act: schema.Assert, Actors: []string{"Experts on trade"}}}},
		{"to blame is no cue", "Smith said the banks are to blame for the crash.",
			[]row{{Speaker: "Smith", Cue: "said", Content: "the banks are to blame for the crash", Act: schema.Assert, Actors: []string{"Smith"}}}},
		{"subordinate clause before a parenthetical speaker", "Though the vote was close, Smith said, passing the bill would be hard.",
			[]row{{Speaker: "Smith", Cue: "said", Content: "Though the vote was close, Smith said, passing the bill would be hard", Act: schema.Assert, Actors: []string{"Smith"}}}},
		{"opening adverbial is no content", "In a statement, Rep. Ana Berg reacted to the news.",
			[]row{{Speaker: "Rep. Ana Berg", Cue: "reacted to", Content: "the news", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"transcript line runs to its end", "Transcript:\n\nSMITH: We will win. The polls are wrong.\n\nJONES: No.", []row{
			{Speaker: "SMITH", Cue: ":", Content: "We will win. The polls are wrong", Act: schema.Assert, Actors: []string{"SMITH"}},
			{Speaker: "JONES", Cue: ":", Content: "No", Act: schema.Assert, Actors: []string{"JONES"}}}},
		{"transcript answer over paragraphs", "The talks went on.\n\n\"SMITH: We will win. The polls are wrong.\n\n\"And the rest is noise.\n\n\"JONES: No.", []row{
			{Speaker: "SMITH", Cue: ":", Content: "We will win. The polls are wrong.\n\n\"And the rest is noise", Act: schema.Assert, Actors: []string{"SMITH"}},
			{Speaker: "JONES", Cue: ":", Content: "No", Act: schema.Assert, Actors: []string{"JONES"}}}},
		{"transcript after a colon", "Partial transcript as follows:\n\n\"SMITH: We will win.",
			[]row{{Speaker: "SMITH", Cue: ":", Content: "We will win", Act: schema.Assert, Actors: []string{"SMITH"}}}},
		{"curly quotation inside a straight one", "The talks went on.\n\n\"SMITH: It is an episode of “Shark Tank.” But we will win.",
			[]row{{Speaker: "SMITH", Cue: ":", Content: "It is an episode of “Shark Tank.” But we will win", Act: schema.Assert, Actors: []string{"SMITH"}}}},
		{"participle after a nested belief", "Smith said he did not believe the report, arguing that it was rushed.", []row{
			{Speaker: "Smith", Cue: "said", Content: "he did not believe the report", Act: schema.Assert, Actors: []string{"Smith"}},
			{Speaker: "Smith", Cue: "arguing", Content: "it was rushed", Act: schema.Assert, Actors: []string{"Smith"}}}},
		{"participle aside after the speaker", "Smith, speaking at a rally in Ohio, said the plant would stay open.",
			[]row{{Speaker: "Smith", Cue: "said", Content: "the plant would stay open", Act: schema.Assert, Actors: []string{"Smith"}}}},
		{"relative clause ends", "The senator, who said he would run again, declined to comment.", []row{
			{Speaker: "who", Cue: "said", Content: "he would run again", Act: schema.Assert, Actors: []string{"senator"}},
			{Speaker: "The senator", Cue: "declined", Content: "to comment", Act: schema.Reject, Actors: []string{"senator"}}}},
		{"relative clause with no cue", "The senator, who is running again, declined to comment.", []row{
			{Speaker: "The senator, who is running again,", Cue: "declined", Content: "to comment", Act: schema.Reject, Actors: []string{"senator"}}}},
		{"parenthetical", "The plan, a senior official said, is to open the port in May.",
			[]row{{Speaker: "a senior official", Cue: "said", Content: "The plan, a senior official said, is to open the port in May", Act: schema.Assert, Actors: []string{"senior official"}}}},
		{"split quote", "“The port is open,” the minister said. “Ships can dock again.”",
			[]row{{Speaker: "the minister", Cue: "said", Content: "The port is open,” the minister said. “Ships can dock again", Act: schema.Assert, Direct: true, Actors: []string{"minister"}}}},
		{"asked", "Asked about the strike, Mayor Eva Berg said talks would resume.", []row{
			{Speaker: "Mayor Eva Berg", Cue: "Asked about", Content: "the strike", Act: schema.Question, Actors: []string{"Eva Berg"}},
			{Speaker: "Mayor Eva Berg", Cue: "said", Content: "talks would resume", Act: schema.Assert, Actors: []string{"Eva Berg"}}}},
		{"colon table row", "Berg: 1,769", nil},
		{"colon", "Berg: the port will reopen", []row{
			{Speaker: "Berg", Cue: ":", Content: "the port will reopen", Act: schema.Assert, Actors: []string{"Berg"}}}},
		{"quantity", "In a new poll, 46% of voters say the tax is too high.", []row{
			{Speaker: "a new poll", Cue: "In", Content: "46% of voters say the tax is too high", Act: schema.Assert, Actors: []string{"new poll"}},
			{Speaker: "46% of voters", Cue: "say", Content: "the tax is too high", Act: schema.Assert, Actors: []string{"46% of voters"}}}},
		{"nested quote is the quote's", "“I said no,” the governor told reporters.",
			[]row{{Speaker: "the governor", Cue: "told", Content: "I said no", Act: schema.Assert, Direct: true, Actors: []string{"governor"}}}},
		{"nominal", "Voters heard Ana Silva’s claim that the vote was rigged.",
			[]row{{Speaker: "Ana Silva’s", Cue: "claim", Content: "the vote was rigged", Act: schema.Assert, Actors: []string{"Ana Silva"}}}},
		{"inverted common noun", "“We will appeal,” said the second official.",
			[]row{{Speaker: "the second official", Cue: "said", Content: "We will appeal", Act: schema.Assert, Direct: true, Actors: []string{"second official"}}}},
		{"aside", "Several mayors, including Ana Berg, said the tax was unfair.",
			[]row{{Speaker: "Several mayors, including Ana Berg,", Cue: "said", Content: "the tax was unfair", Act: schema.Assert, Actors: []string{"mayors"}}}},
		{"colon then paragraph", "In a speech in July, Senator Ana Berg said:\n\nThe plan will fail.",
			[]row{{Speaker: "Senator Ana Berg", Cue: "said:", Content: "The plan will fail", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"vague source", "Many say the tax is unfair.",
			[]row{{Speaker: "Many", Cue: "say", Content: "the tax is unfair", Act: schema.Assert, Actors: []string{"Many"}}}},
		{"name of an organisation", "“It was the least bad outcome,” Mr. Ana Berg of the Sierra Club said.",
			[]row{{Speaker: "Mr. Ana Berg of the Sierra Club", Cue: "said", Content: "It was the least bad outcome", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"modifiers before an inverted name", "“They are wrong,” said 9/11 widow Ana Berg.",
			[]row{{Speaker: "9/11 widow Ana Berg", Cue: "said", Content: "They are wrong", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"initials", "The S.E.C. said it would increase oversight.",
			[]row{{Speaker: "The S.E.C.", Cue: "said", Content: "it would increase oversight", Act: schema.Assert, Actors: []string{"S.E.C."}}}},
		{"modifiers after a comma", "The plan is an insult, top black lawmakers said Friday.",
			[]row{{Speaker: "top black lawmakers", Cue: "said Friday", Content: "The plan is an insult", Act: schema.Assert, Actors: []string{"top black lawmakers"}}}},
		{"quote closing a paraphrase goes on", "Ana Berg spoke first. But the cost is \"twice the savings,\" she said. \"Nobody will pay that.\"",
			[]row{{Speaker: "she", Cue: "said", Content: "But the cost is \"twice the savings,\" she said. \"Nobody will pay that", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"inverted speaker with a relative clause", "“The plan is bad,” said one of the aides, who declined to be named.",
			[]row{{Speaker: "one of the aides", Cue: "said", Content: "The plan is bad", Act: schema.Assert, Direct: true, Actors: []string{"aides"}},
				{Speaker: "who", Cue: "declined", Content: "to be named", Act: schema.Reject, Actors: []string{"aides"}}}},
		{"object, then the speaker's next verb", "The council urged residents to save water and has promised new wells.",
			[]row{{Speaker: "The council", Cue: "urged", Content: "residents to save water", Act: schema.Appeal, Actors: []string{"council"}},
				{Speaker: "The council", Cue: "has promised", Content: "new wells", Act: schema.Promise, Actors: []string{"council"}}}},
		{"clause coordinates its own verbs", "The council said taxes would rise and jobs would go.",
			[]row{{Speaker: "The council", Cue: "said", Content: "taxes would rise and jobs would go", Act: schema.Assert, Actors: []string{"council"}}}},
		{"participle after an opening phrase and an appositive", "After the vote, Ana Berg, a senator, left the room, saying the count was wrong.",
			[]row{{Speaker: "Ana Berg", Cue: "saying", Content: "the count was wrong", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"second verb after an appositive", "Ana Berg, a former chairman, became a delegate and said she backs the mayor.",
			[]row{{Speaker: "Ana Berg", Cue: "said", Content: "she backs the mayor", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"participle after a common noun subject", "The retired teacher walked out, saying the count was wrong.",
			[]row{{Speaker: "The retired teacher", Cue: "saying", Content: "the count was wrong", Act: schema.Assert, Actors: []string{"retired teacher"}}}},
		{"common noun with an of-phrase", "Even the organizer of the parade said the rules were unfair.",
			[]row{{Speaker: "the organizer of the parade", Cue: "said", Content: "the rules were unfair", Act: schema.Assert, Actors: []string{"organizer of the parade"}}}},
		{"loose subject ending in a noun in -ing", "A person familiar with the mayor’s thinking says the plan is dead.",
			[]row{{Speaker: "A person familiar with the mayor’s thinking", Cue: "says", Content: "the plan is dead", Act: schema.Assert, Actors: []string{"person familiar with the mayor’s thinking"}}}},
		{"bare plural after a conjunction", "The vote was close, but tax specialists say the change is small.",
			[]row{{Speaker: "tax specialists", Cue: "say", Content: "the change is small", Act: schema.Assert, Actors: []string{"tax specialists"}}}},
		{"cue inside a relative clause", "The tax, which the mayor said was a mistake, was repealed in May.",
			[]row{{Speaker: "the mayor", Cue: "said", Content: "was a mistake", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"label before a colon is no speaker", "Correction: An earlier version of this story gave the wrong date.", nil},
		{"interview question is no claim", "Q: Will you run again next year?", nil},
		{"contracted is before a participle", "Ana Berg spoke. She’s arguing that the tax is unfair.",
			[]row{{Speaker: "She", Cue: "’s arguing", Content: "the tax is unfair", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"as-clause before its content", "As the Valley Courier reported, the deal fell through in May.",
			[]row{{Speaker: "the Valley Courier", Cue: "reported", Content: "the deal fell through in May", Act: schema.Assert, Actors: []string{"Valley Courier"}}}},
		{"as-clause after its content", "The deal fell through in May, as the Valley Courier reported.",
			[]row{{Speaker: "the Valley Courier", Cue: "reported", Content: "The deal fell through in May", Act: schema.Assert, Actors: []string{"Valley Courier"}}}},
		{"appositive holding a quotation", "Ana Berg, citing “the magic of the moment,” said the vote would pass.",
			[]row{{Speaker: "Ana Berg, citing “the magic of the moment,”", Cue: "said", Content: "the vote would pass", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"long appositive with a relative clause", "Tom Baker, a party official who ran the campaign in 2008 and now leads the state chapter of the group, said the count was wrong.",
			[]row{{Speaker: "Tom Baker, a party official who ran the campaign in 2008 and now leads the state chapter of the group,", Cue: "said", Content: "the count was wrong", Act: schema.Assert, Actors: []string{"Tom Baker"}}}},
		{"aside after a common noun", "Local economists, like their colleagues abroad, say the tax is too high.",
			[]row{{Speaker: "Local economists, like their colleagues abroad,", Cue: "say", Content: "the tax is too high", Act: schema.Assert, Actors: []string{"Local economists"}}}},
		{"party in parentheses, then a comma", "Sen. Ana Berg (D-Ore.), said after the vote that the count was wrong.",
			[]row{{Speaker: "Sen. Ana Berg (D-Ore.)", Cue: "said", Content: "the count was wrong", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"adverb after the cue is no auxiliary", "The judge said just because the rule was old did not mean it was wrong.",
			[]row{{Speaker: "The judge", Cue: "said", Content: "just because the rule was old did not mean it was wrong", Act: schema.Assert, Actors: []string{"judge"}}}},
		{"aside after the cue's comma", "Ana Berg says, win or lose in the primary, she is staying in the race.",
			[]row{{Speaker: "Ana Berg", Cue: "says", Content: "win or lose in the primary, she is staying in the race", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"aside between dashes after the cue", "Ana Berg said — on the radio, as it happens — that the vote was rigged.",
			[]row{{Speaker: "Ana Berg", Cue: "said", Content: "the vote was rigged", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"quotation split by its attribution", "“We won,” said Ana Berg, “and we will win again.”",
			[]row{{Speaker: "Ana Berg", Cue: "said", Content: "We won,” said Ana Berg, “and we will win again", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"quotation after an abbreviation's period", "“We won,” Ana Berg said in Santa Rosa, Calif. “We will win again.”",
			[]row{{Speaker: "Ana Berg", Cue: "said", Content: "We won,” Ana Berg said in Santa Rosa, Calif. “We will win again", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}}}},
		{"quoted title in an opening phrase", "On the channel’s “Morning Show,” Rep. Ana Berg said the mayor is in trouble.",
			[]row{{Speaker: "Rep. Ana Berg", Cue: "said", Content: "the mayor is in trouble", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"quoted programme as a recipient", "\"He is fair game,\" Ana Berg told \"Morning Talk,\" reminding the hosts of the vote.",
			[]row{{Speaker: "Ana Berg", Cue: "told", Content: "He is fair game", Act: schema.Assert, Direct: true, Actors: []string{"Ana Berg"}},
				{Speaker: "Ana Berg", Cue: "reminding", Content: "the hosts of the vote", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"participle after a dash", "Ana Berg changed her vote on the spot – saying she now backs the plan.",
			[]row{{Speaker: "Ana Berg", Cue: "saying", Content: "she now backs the plan", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"adverbial aside is no part of the speaker", "Ana Berg, after a long pause, said the count was wrong.",
			[]row{{Speaker: "Ana Berg", Cue: "said", Content: "the count was wrong", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"participle opening the sentence", "Noting that the vote was close, Ana Berg said the count was wrong.",
			[]row{{Speaker: "Ana Berg", Cue: "Noting", Content: "the vote was close", Act: schema.Assert, Actors: []string{"Ana Berg"}},
				{Speaker: "Ana Berg", Cue: "said", Content: "the count was wrong", Act: schema.Assert, Actors: []string{"Ana Berg"}}}},
		{"participle after while", "While praising the mayor, the council voted against the plan.",
			[]row{{Speaker: "the council", Cue: "praising", Content: "the mayor", Act: schema.Assert, Actors: []string{"council"}}}},
		{"plural before a for-phrase agrees with a bare verb", "Executives for Acme say the plan will save money.",
			[]row{{Speaker: "Executives for Acme", Cue: "say", Content: "the plan will save money", Act: schema.Assert, Actors: []string{"Acme"}}}},
		{"published text and its participle are one cue", "The Dutch ministry issued a statement Thursday, saying the port would reopen.",
			[]row{{Speaker: "The Dutch ministry", Cue: "issued a statement Thursday, saying", Content: "the port would reopen", Act: schema.Assert, Actors: []string{"Dutch ministry"}}}},
		{"plural possessive with a bare apostrophe", "The Greens’ leader said the vote was fair.",
			[]row{{Speaker: "The Greens’ leader", Cue: "said", Content: "the vote was fair", Act: schema.Assert, Actors: []string{"Greens’ leader"}}}},
		{"light verb after an auxiliary, with no and of", "The senator has made no mention of the bridge.",
			[]row{{Speaker: "The senator", Cue: "has made no mention of", Content: "the bridge", Act: schema.Assert, Actors: []string{"senator"}}}},
		{"a span of time is no cue preposition", "The council has said for weeks that the bridge is safe.",
			[]row{{Speaker: "The council", Cue: "has said", Content: "the bridge is safe", Act: schema.Assert, Actors: []string{"council"}}}},
		{"about before a figure is no cue preposition", "The office said about half of the roads were closed.",
			[]row{{Speaker: "The office", Cue: "said", Content: "about half of the roads were closed", Act: schema.Assert, Actors: []string{"office"}}}},
		{"an according-to source ends at a dash", "Turnout rose by a point, according to the election board - a small change.",
			[]row{{Speaker: "the election board", Cue: "according to", Content: "Turnout rose by a point", Act: schema.Assert, Actors: []string{"election board"}}}},
		{"a trailing according-to source keeps its appositive", "Turnout rose by a point, according to Jo Smith, a Republican strategist.",
			[]row{{Speaker: "Jo Smith, a Republican strategist", Cue: "according to", Content: "Turnout rose by a point", Act: schema.Assert, Actors: []string{"Jo Smith"}}}},
		{"down is a particle of the cue", "The judge struck down the law.",
			[]row{{Speaker: "The judge", Cue: "struck down", Content: "the law", Act: schema.Assert, Actors: []string{"judge"}}}},
		{"told names its recipient, not an inverted speaker", "“We will win,” Jo Li, a senior aide to the mayor, told Reuters.",
			[]row{{Speaker: "Jo Li, a senior aide to the mayor,", Cue: "told", Content: "We will win", Act: schema.Assert, Direct: true, Actors: []string{"Jo Li"}, Outlet: "Reuters"}}},
		{"asked by names the asker", "Asked by a reporter whether the port would reopen, the mayor said it would.", []row{
			{Speaker: "a reporter", Cue: "Asked", Content: "whether the port would reopen", Act: schema.Question, Actors: []string{"reporter"}},
			{Speaker: "the mayor", Cue: "said", Content: "it would", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"an object after endorsed is no inverted speaker", "After the primary, Jo Li, a senator from Ohio, endorsed Ana Berg.",
			[]row{{Speaker: "Jo Li, a senator from Ohio,", Cue: "endorsed", Content: "Ana Berg", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"an opening time phrase is no subject", "Hours later, Jo Li returned the favor, telling Reuters that the deal was fair.",
			[]row{{Speaker: "Jo Li", Cue: "telling", Content: "the deal was fair", Act: schema.Assert, Actors: []string{"Jo Li"}, Outlet: "Reuters"}}},
		{"a state's abbreviation can end a sentence", "Jo Li said she moved to Easton, Pa. The mayor said the town was small.", []row{
			{Speaker: "Jo Li", Cue: "said", Content: "she moved to Easton, Pa.", Act: schema.Assert, Actors: []string{"Jo Li"}},
			{Speaker: "The mayor", Cue: "said", Content: "the town was small", Act: schema.Assert, Actors: []string{"mayor"}}}},
		{"a phrase attached by close to is the speaker", "People close to the mayor said the plan was dead.",
			[]row{{Speaker: "People close to the mayor", Cue: "said", Content: "the plan was dead", Act: schema.Assert, Actors: []string{"People close to the mayor"}}}},
		{"a participle after a relative clause shares its antecedent", "Jo Li, who endorsed Ana Berg, opposed the plan, saying it was too costly.", []row{
			{Speaker: "who", Cue: "endorsed", Content: "Ana Berg", Act: schema.Assert, Actors: []string{"Jo Li"}},
			{Speaker: "Jo Li", Cue: "opposed", Content: "the plan", Act: schema.Reject, Actors: []string{"Jo Li"}},
			{Speaker: "Jo Li", Cue: "saying", Content: "it was too costly", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"a poll's finding", "New polling shows that the mayor is popular.",
			[]row{{Speaker: "New polling", Cue: "shows", Content: "the mayor is popular", Act: schema.Assert, Actors: []string{"New polling"}}}},
		{"reports before show is the subject", "Annual reports show the charity spent little on its programs.",
			[]row{{Speaker: "Annual reports", Cue: "show", Content: "the charity spent little on its programs", Act: schema.Assert, Actors: []string{"Annual reports"}}}},
		{"a survey's finding as a participle", "The race tightened, with a fresh survey finding that the mayor had lost ground.",
			[]row{{Speaker: "a fresh survey", Cue: "finding", Content: "the mayor had lost ground", Act: schema.Assert, Actors: []string{"fresh survey"}}}},
		{"an infinitive finding is no claim", "There is nothing to suggest the vote was rigged.", nil},
		{"who after those", "The mayor led, but not among those who said they wanted a change.",
			[]row{{Speaker: "who", Cue: "said", Content: "they wanted a change", Act: schema.Assert, Actors: []string{"those"}}}},
		{"bare plural before a plain present", "Dairy farmers generally oppose the new tariff.",
			[]row{{Speaker: "Dairy farmers", Cue: "generally oppose", Content: "the new tariff", Act: schema.Reject, Actors: []string{"Dairy farmers"}}}},
		{"participle after a dateline", "BOSTON (AP) — Jo Li visited the port on Monday, saying it would reopen soon.",
			[]row{{Speaker: "Jo Li", Cue: "saying", Content: "it would reopen soon", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"participle after two opening phrases", "On Friday, after weeks of silence, Jo Li visited the port, saying it would reopen soon.",
			[]row{{Speaker: "Jo Li", Cue: "saying", Content: "it would reopen soon", Act: schema.Assert, Actors: []string{"Jo Li"}}}},
		{"inverted after a quotation, with a relative clause", "“Prices will rise,” said a clerk at a store that rents boats.",
			[]row{{Speaker: "a clerk at a store that rents boats", Cue: "said", Content: "Prices will rise", Act: schema.Assert, Direct: true, Actors: []string{"clerk"}}}},
		{"another as a subject", "One farmer said the rain came late, while another said it never came.", []row{
			{Speaker: "One farmer", Cue: "said", Content: "the rain came late", Act: schema.Assert, Actors: []string{"farmer"}},
			{Speaker: "another", Cue: "said", Content: "it never came", Act: schema.Assert, Actors: []string{"another"}}}},
		{"a dateline is no content", "DENVER (AP) — The dam will hold through the spring, the agency said.",
			[]row{{Speaker: "the agency", Cue: "said", Content: "The dam will hold through the spring", Act: schema.Assert, Actors: []string{"agency"}}}},
		{"reports before show is no cue after its finding", "The mill lost money last year, reports show.",
			[]row{{Speaker: "reports", Cue: "show", Content: "The mill lost money last year", Act: schema.Assert, Actors: []string{"reports"}}}},
		{"according to after a figure, no comma", "The mayor leads the governor 52 percent to 41 percent according to a new state poll.",
			[]row{{Speaker: "a new state poll", Cue: "according to", Content: "The mayor leads the governor 52 percent to 41 percent", Act: schema.Assert, Actors: []string{"new state poll"}}}},
		{"a text's participle is a cue", "Protesters waved a sign saying the war must end.",
			[]row{{Speaker: "a sign", Cue: "saying", Content: "the war must end", Act: schema.Assert, Actors: []string{"sign"}}}},
		{"a cue in an opening subordinate clause", "When a reporter asked Jo Li whether the port was safe, she smiled.",
			[]row{{Speaker: "a reporter", Cue: "asked", Content: "Jo Li whether the port was safe", Act: schema.Question, Actors: []string{"reporter"}}}},
		{"participle is no cue", "Donors gave to a super PAC supporting the mayor.", nil},
		{"naming is no cue", "She joined a group called the Rangers.", nil},
		{"noun is no cue", "A direct appeal to voters followed.", nil},
		{"passive is no claim", "Ten people were reported missing.", nil},
		{"relative is no claim", "The war that claimed many lives ended.", nil},
		{"adjective is no claim", "The reported attack never happened.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestPronounNeedsAntecedent(t *testing.T) {
	// With no named speaker before it, "he" resolves to nobody: no claim.
	if got := rows("He said the plan was sound."); len(got) != 0 {
		t.Errorf("got %+v, want no claim", got)
	}
}

func TestEmptyAndOdd(t *testing.T) {
	for _, text := range []string{"", "said", "“", "He said.", strings.Repeat("said that ", 50), "Noting that it,", "Asked,", ", saying",
		"“a,” said b, “", "As a said,", "which he said was", "said —", "a (b), said", ", tell you"} {
		a := schema.NewArticle(text, "")
		for _, c := range extract.Claims(a) {
			checkClaim(t, a, c)
		}
	}
}
