"""Figures compared (summarizer.figures): one answer in two outlets' wordings, or a clash."""

from __future__ import annotations

import pytest

from summarizer.facets import compare, facets
from summarizer.figures import clash, one_figure_clash
from summarizer.quantities import quantities


def test_two_figures_of_one_named_thing_that_match_nowhere_clash() -> None:
    three, four = quantities("The collapse killed three people."), quantities("It left four people dead.")
    assert one_figure_clash(three, four)
    assert not one_figure_clash(three, quantities("Three people died and 11 were injured."))
    assert not one_figure_clash(three, quantities("Four people were injured."))  # two fates: two tolls
    turnout = quantities("Turnout was 61.4%.")
    assert one_figure_clash(turnout, quantities("Turnout was about 65 percent."))
    assert not one_figure_clash(turnout, quantities("Turnout was 61 per cent."))
    assert not one_figure_clash(turnout, quantities("Unity won 41 per cent of the vote."))  # of nothing named


def test_one_thing_s_lengths_are_one_figure_given_two_ways() -> None:
    """A tunnel of "around 15 metres", "a 20-metre tunnel" and one "about 12 metres long" stood in three
    questions, their sentences saying much else; what a length measures is said before it or after it."""
    fifteen = quantities("They got out through a tunnel of around 15 metres that led under the wall.")
    assert one_figure_clash(fifteen, quantities("The killer dug his way out through a 20-metre tunnel."))
    assert one_figure_clash(fifteen, quantities("The governor says the tunnel was 12 metres long."))
    assert not one_figure_clash(fifteen, quantities("A 3m-high wall surrounds the prison."))  # of a wall
    assert not one_figure_clash(fifteen, quantities("The river peaked at 5.8 metres."))  # of nothing named


def test_a_length_of_a_named_thing_is_one_figure_given_two_ways() -> None:
    """An oil spill's "about 40 kilometres of coastline" (and a fact box's "Affected coastline: approximately
    40 km") against "more than 60 kilometres of coastline": one coast's length, disputed; the two were asked
    in two questions."""
    forty = quantities("Oil had reached about 40 kilometres of coastline by Sunday evening.")
    sixty = quantities("Volunteers have found oil along more than 60 kilometres of coastline, the director said.")
    assert one_figure_clash(forty, sixty)
    assert one_figure_clash(quantities("Affected coastline: approximately 40 km"), sixty)
    assert not one_figure_clash(forty, quantities("The 250-metre tanker is still leaking oil."))  # of a tanker


@pytest.mark.parametrize(
    ("a", "b", "unit"),
    [
        ("The port expects 4,000 strikers.", "More than 10,000 workers are on strike.", "n"),
        ("The union wants 9%.", "The union wants 4%.", "%"),
        ("It began on 18 May.", "It began on 19 May.", "day"),
        ("The fire covers 12,000 hectares.", "The fire covers 50,000 acres.", "area"),
        ("Okafor won by 1,900 votes.", "Okafor won by 2,000 votes.", "n"),  # exact figures, 5% apart
        ("about 0.8%", "nearly 1%", None),  # loose figures, 20% apart
        ("12,000 hectares burned", "almost 30,000 acres burned", None),
        ("about 120 km2 burned", "12,000 hectares burned", None),
        ("The stoppage lasts 72 hours.", "A three-day strike.", None),
        ("40 ships wait offshore.", "The strike began two days ago.", None),
        ("10 km down", "six miles down", None),  # converted: 3.5% apart
        ("€2m", "£2m", None),  # two currencies are not compared
        # counts of two kinds of thing are not compared, for or against (facets keep them apart)
        ("Roughly 3,500 residents left.", "About 3,500 homes were evacuated.", None),
        ("It sent four cars into the river.", "It left four people dead.", None),
        ("It sent four cars into the river.", "Six vehicles fell.", "n"),
        # a rate is compared with rates of its period only
        ("The bridge carried 30,000 vehicles a day.", "Four cars fell into the river.", None),
        ("It carried about 30,000 vehicles a day.", "It carried 45,000 vehicles daily.", "n/day"),
        ("It carried about 30,000 vehicles a day.", "Roughly 30,000 vehicles used it daily.", None),
        ("The repairs cost $40 million a year.", "The repairs cost $40 million.", None),
        ("Some 3,500 local residents left.", "Around 3,500 people must evacuate.", None),
        ("About 4,000 dockers walked out.", "Nearly four thousand workers joined.", None),
        # a magnitude is read apart from the counts beside it: the toll agrees, the magnitude does not
        (
            "A magnitude 6.8 quake killed at least 2,012 people.",
            "The 7-magnitude quake killed more than 2,000 people and injured 2,059.",
            "magnitude",
        ),
        ("A magnitude 7 earthquake.", "The quake measured 7.0 on the Richter scale.", None),
        ("Winds gusted to 60 mph.", "Wind gusts reached 70 mph.", "speed"),
        ("Winds gusted to 60 mph.", "Gusts of 97 km/h were recorded.", None),  # converted
        # loose figures match within their rounding: "about 60" is 55 to 65, "about 70" 65 to 75
        ("The train was doing about 60mph.", "It was travelling at about 70 mph (113 km/h).", "speed"),
        ("About 4,000 workers walked out.", "Some 5,000 workers walked out.", "n"),
        ("About 140 passengers were on board.", "Around 150 passengers were on board.", "n"),
        ("About 150,000 passengers were affected.", "Around 200,000 passengers were hit.", "n"),
        ("Around 10,000 people were evacuated.", "Around 12,000 people have been evacuated.", "n"),
        ("Nearly 10,000 people were evacuated.", "About 8,500 people were evacuated.", None),  # one side of it
        ("The river rose to 6.1 metres overnight.", "The river peaked at 6.4 metres.", "length"),  # 5% apart
        ("About 4,000 workers walked out.", "Some 4,200 workers walked out.", None),
        ("Fewer than 2,000 votes separated them.", "About 1,900 votes separated them.", None),
        ("A dozen homes burned.", "At least 12 homes burned.", None),
        ("More than 1,100 flights were cancelled.", "About 1,200 flights were cancelled.", None),  # a bound
        ("Up to 4,000 workers may join.", "About 3,500 workers joined.", None),
        # a match's minute is a time, whether an ordinal or not
        ("Wrona headed in on 23 minutes.", "Wrona's 23rd-minute header.", None),
        ("He equalised in the 58th minute.", "The equaliser came on 61 minutes.", "time"),
        # ordinals of two words, and measures an order of magnitude apart, measure different things
        ("He was shown a second yellow card.", "He scored in the 23rd minute.", None),
        ("He hit the post and should have had a second.", "It was the fourth goal.", None),
        ("It was the fourth-biggest breach this year.", "It was the fifth-biggest breach.", "ord"),
        ("Their win ended a 31-year wait.", "Okafor scored in the 84th minute.", None),
        ("He was fined €150,000.", "He embezzled €2.3m.", None),
        ("He embezzled €2.3m.", "He pocketed €3.2million.", "money:EUR"),
        # a number a name labels is part of the name: told apart as names are, never a clash
        ("She carried her own Ward 4.", "Problems were flagged at two polling stations.", None),
        ("It struck as a Category 3 storm.", "It struck as a Category 4 storm.", None),  # told apart as names
        ("Queues grew at Heathrow Terminal 3.", "Some 3 flights were cancelled.", None),
        ("At least 10 people died.", "More than 100 people died.", "n"),  # counts are compared at any distance
        ("At least 11 people died.", "At least nine people died.", "n"),  # two bounds are two figures said
        ("At least 2,012 people died.", "More than 2,000 people died.", None),  # within the coarser one's rounding
        # beside figures that match, two of one kind of thing that do not
        (
            "At least 11 people were killed in Cuba and two in Florida.",
            "At least nine people died in Cuba, two in Florida.",
            "n",
        ),
        ("It has 11 million customers; two were hit.", "Nine staff and two customers were hit.", None),
        # beside a figure that matches, two percentages of one thing (or of nothing said) that do not
        ("Inflation rose to 3.4% in May from 3.1% in April.", "Inflation hit 3.5% in May, up from 3.1%.", "%"),
        ("Revenue rose 11% and profit rose 18%.", "Revenue rose 11% and the margin was 22%.", None),
        # a percentage beside sums of one thing is that thing's change: revenue's 12%, net income's 38%
        (
            "Revenue for the fourth quarter was $3.1 billion, down 12% from a year earlier, the company said.",
            "The company reported fourth-quarter revenue of $3.1bn and net income of $412m, a 38 per cent drop.",
            None,
        ),
        ("Two people died in the fire.", "Five people died in the fire.", "n"),
        # one move of a rate in three wordings, and a bigger one
        ("The bank hiked 25bp to 4.50%.", "Borrowing costs went up a quarter point, to 4.5%.", None),
        ("Rates rose by 0.25 percentage points.", "Rates rose by 25 basis points.", None),
        ("Two members wanted a half-point increase.", "Two members dissented in favour of a 50bp increase.", None),
        ("The bank raised rates by a quarter point.", "The bank raised rates by 50 basis points.", "pt"),
        # parts are compared with parts: the wholes match, the parts do not
        ("Seven of nine policymakers backed the hike.", "All nine members backed the hike.", "part"),
        ("26 out of 27 members agreed.", "All 27 members agreed.", "part"),
        ("Two of the five victims were children.", "Five people died.", None),
        ("Seven of nine backed the hike.", "Two of the nine members dissented.", None),  # the part the others leave
        ("Two of nine members dissented.", "All nine members backed the hike.", "part"),
        ("Two of nine members dissented.", "Two of the five victims were children.", None),  # parts of two wholes
        ("Twenty-one people died.", "21 people died.", None),
        ("The win leaves Rovers a point ahead of Kelton.", "Rovers are now two points clear of Kelton.", "pt"),
        ("Rovers are a point ahead of Kelton.", "Kelton are one point behind Rovers.", None),
        # an age is compared with ages of the same person, or of no one named; it is no span of years
        ("Danner, 61, was jailed.", "Danner, 62, showed no emotion.", "age"),
        ("Danner, 62, showed no emotion.", "The 61-year-old was convicted.", "age"),
        ("Danner, 61, was jailed.", "His wife, 58, wept.", None),
        ("A 17-year-old boy was charged.", "A 16-year-old boy was also arrested.", None),  # perhaps two boys
        ("Osei, 24, died.", "The victim, Daniel Osei, 25, died.", "age"),
        ("The 61-year-old was jailed for seven years.", "He was jailed for eight years.", "time"),
        # a floor or a ceiling against a figure past it
        ("At least 17 people have died.", "The outbreak has killed 14 people.", "n"),
        ("Up to 4,000 workers may join.", "About 5,000 workers joined.", "n"),
        ("More than 600 people were infected.", "612 cases were confirmed.", None),
        # tolls of two fates, and some of a count, are not compared
        ("Three people were killed.", "Four people died.", "n"),
        ("Three people were killed.", "Eleven people were injured.", None),
        ("27 people were injured, nine of them seriously.", "11 of the injured were taken to hospital.", None),
        # rain, rivers and oil in the units outlets give them
        ("Up to 200mm of rain fell.", "Nearly 8 inches of rain fell.", None),
        ("The river rose 40 cm.", "The river rose 16 inches.", None),
        ("The river rose 40 cm.", "The river rose 25 inches.", "length"),
        ("About 1.3 gallons leaked.", "Some 5 litres leaked.", None),
        ("Oil output fell 2 million barrels a day.", "Output fell by 2 million bpd.", None),
        ("Output fell by 2 million bpd.", "Output fell by 2.5 million barrels per day.", "volume/day"),
        ("Staff work 12 hours a day.", "The strike lasted 12 hours.", None),  # a rate is no span
        # scores: one score either way round; another score clashes; a range is no score
        ("City won 3-1 at home.", "United lost 1-3 to City.", None),
        ("City won 3-1 at home.", "City beat United 2-1.", "score"),
        ("The bill passed 51-49.", "The bill passed 52-48.", "score"),
        ("City won 3-1.", "Between 10-15 people were hurt.", None),
        # temperatures: one reading on two scales; whole degrees said as read; degrees of no scale either way
        ("It hit 46.2C.", "It hit 115 degrees Fahrenheit.", None),
        ("It hit 46.2C.", "It hit 46.8C.", "temperature"),
        ("A low of -5C.", "A low of 5C.", "temperature"),
        # a fraction is a round share
        ("It cut deaths by a fifth.", "It cut deaths by 20 per cent.", None),
        ("It cut deaths by a fifth.", "It cut deaths by 30%.", "%"),
        ("Nearly a third of homes flooded.", "31% of homes flooded.", None),
        ("A low of minus 40 degrees Celsius.", "A low of -40F.", None),
        ("Temperatures topped 40C.", "Temperatures topped 42C.", "temperature"),
        ("the previous high of 113.7 degrees", "the previous record of 45.4C", None),
        ("the previous high of 113.7 degrees", "a reading of 46.8C", "temperature"),
        ("It closed down 1.8% at 5,102 points.", "It fell 93 points to 5,102.", None),  # a level, a change
    ],
)
def test_numbers_clash_only_in_one_unit_and_beyond_their_margin(a: str, b: str, unit: str | None) -> None:
    assert clash(quantities(a), quantities(b)) == clash(quantities(b), quantities(a)) == unit


def test_one_or_two_of_nothing_said_is_a_weak_clash_two_answers_and_no_dispute() -> None:
    """ "Two roads" clashed with "230 homes" as "5,000" does with "10,000" people, and the report flagged
    a numeric disagreement between two statements of different things."""
    homes, roads = "Rescuers said 230 homes were destroyed.", "Landslides had cut two roads."
    assert clash(quantities(homes), quantities(roads), few=True) == "n"
    assert clash(quantities(homes), quantities(roads)) is None
    assert compare(facets(homes), facets(roads)) == compare(facets(roads), facets(homes)) == "apart"
    assert clash(quantities("Two people died."), quantities("Five people died.")) == "n"


def test_the_rest_of_a_count_including_its_crew_matches_the_passengers_and_never_clashes_or_pins() -> None:
    """ "188 people on board, including six crew" and "182 passengers" were a numeric disagreement."""
    on_board = "The jet had 188 people on board, including six crew."
    assert clash(quantities(on_board), quantities("It left with 182 passengers.")) is None
    assert clash(quantities(on_board), quantities("It left with 190 people on board.")) == "n"
    assert "n:182" not in facets(on_board).pins and "n:188" in facets(on_board).pins
    assert {q.value for q in quantities("Twelve people died, including three children.")} == {12, 3}


def test_passengers_and_crew_counted_apart_match_their_sum_and_never_clash_with_it() -> None:
    """ "212 passengers and 31 crew" and "243 people on board" were a numeric disagreement."""
    apart = "The ferry was carrying 212 passengers and 31 crew."
    assert clash(quantities(apart), quantities("It sank with 243 people on board.")) is None
    assert clash(quantities(apart), quantities("It sank with 250 people on board.")) == "n"
    assert "n:243" not in facets(apart).pins
    peoples = quantities("The five Malians and two French nationals were freed.")
    assert clash(peoples, quantities("They were among seven staff abducted.")) is None


def test_some_of_another_count_is_compared_with_no_count_whichever_side_says_it() -> None:
    """ "Seven staff abducted" clashed with "snatched with five others" when said first, not second."""
    seven, others = (
        quantities("They were among seven staff abducted."),
        quantities("She was snatched with five others."),
    )
    assert clash(seven, others) is None and clash(others, seven) is None


def test_the_rest_of_a_toll_including_the_attacker_matches_the_victims() -> None:
    """ "Six people, including the gunman, died" and "five people were killed" were a numeric disagreement."""
    toll = "Six people, including the gunman, died after the shooting."
    assert clash(quantities(toll), quantities("Five people were killed.")) is None
    assert clash(quantities(toll), quantities("Seven people were killed.")) == "n"
    assert clash(quantities("Six people, including a child, died."), quantities("Five people died.")) == "n"


def test_a_furnace_s_heat_is_said_to_about_two_percent_and_the_weather_s_to_the_degree() -> None:
    """ "Lava at around 2,000F" (1,093C) and "about 1,100 degrees Celsius" were a numeric disagreement."""
    assert clash(quantities("Lava at around 2,000F."), quantities("Lava of about 1,100 degrees Celsius.")) is None
    assert clash(quantities("Lava at 1,100C."), quantities("Lava at 1,200C.")) == "temperature"
    assert clash(quantities("It hit 40C."), quantities("It hit 42C.")) == "temperature"
    assert clash(quantities("It hit 110F."), quantities("It hit 40C.")) == "temperature"


def test_a_quake_has_one_magnitude_and_an_aftershock_another() -> None:
    """ "A MONSTER 6.5 earthquake" was a count of 6.5; "magnitude 6.4" and "put its magnitude at 6.1" are one
    quake's figure given two ways, and "a 4.9 magnitude aftershock" is the figure of another shock."""
    quake = quantities("A magnitude 6.4 earthquake struck before dawn.")
    assert one_figure_clash(quake, quantities("A MONSTER 6.5 earthquake flattened a mountain town."))
    assert one_figure_clash(quake, quantities("The Global Seismic Centre put its magnitude at 6.1."))
    aftershock = quantities("A 4.9 magnitude aftershock shook the area about an hour later.")
    assert clash(quake, aftershock) is None and not one_figure_clash(quake, aftershock)
    assert compare(facets("A magnitude 6.4 quake struck."), facets("A 4.9 magnitude aftershock shook the area.")) == (
        "apart"
    )


def test_one_toll_said_two_ways_is_one_fact_whatever_places_each_names() -> None:
    """ "At least 40 people have been killed … western Velmora" and "killing at least 37 people … in Karsu":
    one toll in matching figures, not two facts of two places (the names alone set them apart)."""
    forty = facets("At least 40 people have been killed after an earthquake struck western Velmora.")
    assert compare(forty, facets("Killing at least 37 people, rescuers dug through homes in Karsu.")) != "apart"
    assert compare(forty, facets("Killing at least 12 people, rescuers dug through homes in Karsu.")) == "conflict"


def test_figures_of_no_kind_and_no_thing_in_common_are_two_facts() -> None:
    """A toll and a magnitude said in two sentences of one quake are two answers; two falls of one index in
    points and in percent are not told apart by that."""
    toll = facets("At least 40 people have been killed, officials say.")
    assert compare(toll, facets("A magnitude 6.4 earthquake struck western Velmora on Tuesday.")) == "apart"
    points = facets("The S&P 500 fell 93 points to 5,102 on Thursday.")
    assert compare(points, facets("The S&P 500 closed down 1.8% on Thursday.")) != "apart"


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [  # tests/data/flood: the wire's day of rain and the agency's two days were disputed as one measure
        ("More than 150 mm of rain fell in 24 hours.", "Rainfall, 48 hours to 09:00 Thursday: 163 mm", "apart"),
        ("Police made 40 arrests in 24 hours.", "Police made 60 arrests over two days.", "apart"),
        ("Police made 40 arrests in 24 hours.", "Police made 60 arrests in a day.", "conflict"),
        ("The strike lasted 24 hours.", "The strike lasted 48 hours.", "conflict"),  # the span is the answer
    ],
)
def test_figures_measured_over_two_spans_of_time_are_two_measures_and_no_dispute(a: str, b: str, relation: str) -> None:
    assert compare(facets(a), facets(b)) == relation


def test_two_parts_of_one_year_are_two_dates_and_one_sum_is_one_figure_whatever_else_is_said() -> None:
    """tests/data/acquisition: "early 2027" and "the second half of 2027" were one answer, as only their year
    was read (and a fact box's "Expected closing: …" said no tense, so was no plan); "Price: $48.00 per
    share" was told apart from "$48 a share, a premium of 32%" as figures of two things (a price, a
    premium)."""
    early = facets("The deal will close in early 2027, Fjordlyst said, if competition authorities approve it.")
    assert compare(early, facets("The deal is expected to close in the second half of 2027.")) == "conflict"
    assert compare(early, facets("The deal will close in March 2027.")) != "conflict"
    assert compare(early, facets("Expected closing: second half of 2027")) == "conflict"  # a plan, though no verb
    assert compare(early, facets("Time of closing: second half of 2027")) == "apart"  # nothing says when it was
    price = facets("Price: $48.00 per Sunmeadow share")
    assert compare(price, facets("Fjordlyst will pay $48 a share, a premium of 32% to Friday's close.")) == "same"


def test_a_forecast_and_the_figure_a_change_is_measured_from_are_not_the_statement_s_own() -> None:
    """tests/data/jobs: the economists' 150,000 was a side of the payrolls' dispute, and "down from 4.1% in
    April" made the paper's 3.9% agree with another outlet's 4.1%."""
    added = facets("Hiring picked up in May, with nonfarm payrolls rising by 175,000, the government said.")
    assert compare(facets("Economists had forecast payrolls rising by 150,000 jobs."), added) == "apart"
    wages = facets("Wages grew 3.9% over the past year, down from 4.1% in April.")
    assert compare(wages, facets("Wages grew 4.1% on the year, the slowest pace since 2021.")) == "conflict"
    assert compare(facets("The toll rose from 12 to 15."), facets("Twelve people died.")) == "conflict"
    assert compare(facets("April was revised down to 140,000 from 165,000."), facets("April: 140,000")) != "conflict"
    evacuated = facets("About 2,000 people were evacuated from 40 villages.")  # no change: both figures its own
    assert {q.value for q in evacuated.numbers} == {2000, 40}


def test_a_price_said_two_ways_is_one_figure_and_prices_in_two_currencies_are_two_answers() -> None:
    """tests/data/launch: "priced at $1,799" and "it costs $1,899" are one price given two ways, asked together as
    a toll is; "costs $1,899" and "costs £1,699" are prices in two markets (or one converted, which no rate here
    tells), never one answer; a share's fall is no fall of shipments."""
    assert one_figure_clash(quantities("the Fold, priced at $1,799"), quantities("it costs $1,899 for the base model"))
    assert not one_figure_clash(quantities("priced at $1,799"), quantities("it costs £1,699"))
    assert compare(facets("It costs $1,899."), facets("It costs a whopping £1,699.")) == "apart"
    assert compare(facets("It costs $1,899."), facets("It costs $1,799.")) == "conflict"
    assert compare(facets("Shipments fell 9% last year."), facets("Lumio shares fell 2.4%.")) == "apart"
    # a share price's change is the shares', not a price
    assert compare(facets("The share price jumped around 3%."), facets("The stock gained 3% early.")) != "apart"


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [  # an auction's sum and its bidding's length: measures of two things, one sentence naming the other's lot
        ("The bidding war for Harbour at Dusk raged for 20 minutes.", "Harbour at Dusk sold for $71.3m.", "apart"),
        ("Cargo: 80,000 tonnes of crude oil", "The 250-metre tanker ran aground off Skarvik.", "apart"),
        # a count or a share is said of anything: no sign of another thing
        ("Four people died in the 20-minute blaze.", "Four people were killed, police said.", "same"),
        ("The tanker spilled 3,000 tonnes.", "About 3,000 tonnes of crude escaped.", "same"),
    ],
)
def test_measures_only_of_no_dimension_in_common_are_two_facts(a: str, b: str, relation: str) -> None:
    assert compare(facets(a), facets(b)) == relation


def test_the_sum_a_sale_raised_is_one_named_figure_and_no_revenue_or_loss() -> None:
    """An invented listing: "a share sale that raised $1.1bn" clashed with "lost $210m last year on revenue of
    $640m", sums of nothing said; "raised about $1.2 billion" never met "raising $1.1 billion" in one question."""
    raised = facets("Lumora closed up 16% at $39.50, after a share sale that raised $1.1bn.")
    assert compare(raised, facets("Lumora lost $210m last year on revenue of $640m.")) == "apart"
    more = facets("Lumora raised about $1.2 billion in its initial public offering.")
    assert one_figure_clash(raised.numbers, more.numbers) and compare(raised, more) == "conflict"


def test_sums_an_order_of_magnitude_apart_are_two_things_never_one_answer() -> None:
    """One outlet's "defence spending will rise by €4.1bn" and its "total spending is set at €212bn" stood in one
    answer: figures that far apart are not compared, and nothing else told the two apart."""
    rise, total = facets("Defence spending will rise by €4.1bn."), facets("Total spending is set at €212bn.")
    assert compare(rise, total) == "apart"
    assert (
        compare(facets("A borehole was drilled 1,050 feet into the rock."), facets("They drilled a 15-cm hole."))
        == "apart"
    )
    assert compare(facets("It was budgeted at €38.5m."), facets("It cost nearly €40 million.")) != "apart"


def test_a_part_of_a_whole_implies_its_rest_which_matches_and_never_clashes() -> None:
    """tests/data/rates: "seven of the nine members voted for the rise" clashed with "two members preferring to
    keep rates unchanged", one noun counted two ways."""
    seven = quantities("Seven of the nine members of the committee voted for the rise.")
    assert clash(seven, quantities("Two members preferred to keep rates unchanged.")) is None
    assert clash(seven, quantities("Four members voted for the rise.")) == "n"
    against = facets("Two members voted against it.")
    assert compare(facets("Seven of the nine members voted for it."), against) != "conflict"
