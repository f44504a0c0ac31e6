"""Figures compared: when two outlets' numbers give one answer, and when they clash.

Numbers are compared only within one dimension (:mod:`summarizer.quantities` reads them with their
units). A number said loosely ("about", "nearly", "more than") matches within a wider margin than an
exact one, but never wider than the figures' rounding unless one is a bound ("more than 1,100" is also
1,200): "about 60 mph" and "about 70 mph" are two speeds, as "about 4,000" and "about 5,000" are two
crowds. A bound has a side: nothing below a floor ("at least 17") or above a ceiling ("up to 4,000")
matches it. Figures of two things are not compared (a count's kind and fate, a sum's or a percentage's
object, whose an age is), and two figures of one named thing (a toll, a turnout) that match nowhere
clash (:func:`one_figure_clash`).
"""

from __future__ import annotations

from summarizer.quantities import Quantity

EXACT, CONVERTED, LOOSE = 0.01, 0.05, 0.25  # margins: same unit; units converted or rounded; a loose figure
MEASURES_APART = 10  # measures of one dimension this many times apart measure different things
_NAMED = ("n", "%", "magnitude", "length")  # figures whose fate names what they are of: a toll, a quake, a tunnel
_TELLING_COUNT = 10  # a count of a kind of thing this large given twice is one fact: "1,200 flights"
_SAID_OF_ANYTHING = frozenset({"n", "%", "part", "score", "pt", "ord", "day", "age", "label"})  # of no dimension
CLOSE_MINUTES = 10  # minutes of a match: "the 58th minute" / "on 61 minutes" dispute one goal, 23 and 89 do not


def clash(a: frozenset[Quantity], b: frozenset[Quantity], *, few: bool = False) -> str | None:
    """The unit in which the two sides give numbers none of which match, if any: "4,000" / "10,000"
    people clash, "about 0.8%" / "nearly 1%" do not, nor do "10 km" / "roughly six miles". Figures that
    measure different things are not compared: ordinals of two words ("the second yellow card" / "the 23rd
    minute"), the numbers of names ("Ward 4" / "Ward 2": names, told apart as names are), and measures an
    order of magnitude apart ("a 31-year wait" / "the 84th minute", "a €150,000
    fine" / "€2.3m embezzled"); counts are, as a toll may be ten times another's. Beside figures that
    match, two that do not clash when they are of one thing (:func:`_one_thing`: "at least 11 people in Cuba
    and two in Florida" / "at least nine people in Cuba and two in Florida"). A count of one or two of
    nothing said (:func:`_few`) clashes with nothing, though it may match; with ``few`` it clashes as any
    count does (a weak clash, :func:`summarizer.facets.compare` keeps the two apart)."""
    units = {q.unit for q in a} & {q.unit for q in b}
    for unit in sorted(units):
        pairs = [(x, y) for x in a if x.unit == unit for y in b if y.unit == unit and _comparable(x, y)]
        matched = [(x, y) for x, y in pairs if _match(x, y)]
        told = [(x, y) for x, y in pairs if not (x.implied or y.implied)]  # a count's rest matches, never clashes
        if told and not matched and (few or not all(_few(x) or _few(y) for x, y in told)):
            return unit
        paired = {x for x, _ in matched} | {y for _, y in matched}
        if any(_one_thing(x, y) and x not in paired and y not in paired for x, y in told):
            return unit
    return None


def one_figure_clash(a: frozenset[Quantity], b: frozenset[Quantity]) -> bool:
    """Both give the figure of one named thing, and none of theirs match: the people one fate befell
    ("killing three people" / "left four people dead") or what a percentage is of ("turnout was 61.4%" /
    "turnout was about 65 percent"), or what a sum costs ("priced at $1,799" / "it costs $1,899"). One toll,
    one turnout, one price, given two ways."""
    named = {(q.fate, q.unit) for q in a if _named(q)} & {(q.fate, q.unit) for q in b if _named(q)}
    for thing, unit in named:
        mine = [q for q in a if q.fate == thing and q.unit == unit]
        theirs = [q for q in b if q.fate == thing and q.unit == unit]
        if not any(_match(x, y) for x in mine for y in theirs):
            return True
    return False


def _named(q: Quantity) -> bool:
    """A figure whose fate names the one thing it is of: a toll, a turnout, a quake's magnitude, a price, the
    sum a sale raised."""
    named_sum = q.fate in ("cost", "raised") and q.unit.startswith("money:")
    return q.fate not in (None, "some") and (q.unit in _NAMED or named_sum)


def one_figure_given(a: frozenset[Quantity], b: frozenset[Quantity]) -> bool:
    """Both give one figure of one named thing, as far as its figures tell ("seven died" / "killing seven", "at
    least 40 killed" / "killing at least 37"), or one count of one kind of thing, too large to be said twice by
    chance ("scrapped 1,200 flights" / "cancel about 1,200 flights"): one fact, whatever else each names."""

    def one(x: Quantity, y: Quantity) -> bool:
        if x.fate:
            return x.fate == y.fate and x.unit == y.unit and _match(x, y)
        return x.pin == y.pin and not y.fate and x.counts == y.counts

    return any(
        one(x, y)
        for x in a
        if (x.fate and x.fate != "some") or (x.counts and x.unit == "n" and x.value >= _TELLING_COUNT)
        for y in b
    )


def one_figure_near(a: frozenset[Quantity], b: frozenset[Quantity]) -> bool:
    """Each gives one figure, one of the two said loosely, and they match though written apart ("roughly 40%"
    / "41%", "about 47,000 acres" / "around 19,000 hectares"): one figure both give, as two written alike are."""
    if len(a) != 1 or len(b) != 1:
        return False
    (x,), (y,) = a, b
    return x.unit == y.unit and (x.loose or y.loose) and _match(x, y)


def of_other_things(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    """Of two statements' figures, per kind (count, percentage, sum: :attr:`summarizer.facets.Facets.figures_of`),
    what they are of: of one kind on both sides, all of different things ("three died" / "11 were injured"); or
    of no kind and no thing in common ("killing at least 40" / "a magnitude 6.4 quake struck": a toll and a
    magnitude, two facts of one event; not "fell 93 points" / "down 1.8%", both of the S&P 500)."""
    if common := a.keys() & b.keys():
        return any(not _alike(a[family], b[family]) for family in common)
    return not _alike(frozenset().union(*a.values()), frozenset().union(*b.values()))


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Some thing figures of ``a`` are of is one ``b``'s are of (:func:`one_thing_of`)."""
    if a & b:
        return True
    return ("forecast" in a or "forecast" in b) and any(one_thing_of(x, y) for x in a for y in b)


def one_thing_of(x: str, y: str) -> bool:
    """Whether two figures' fates or objects are one: the same, or two forecasts, one of nothing said
    ("economists had expected 3.2%" / "analysts had forecast growth of 3.3%")."""
    return x == y or ("forecast" in (x, y) and x.startswith("forecast") and y.startswith("forecast"))


def _comparable(x: Quantity, y: Quantity) -> bool:
    if x.unit == "age":  # two people's ages are not compared: "Danner, 61," / "Marr, 58,"; nor the ages of
        # people described ("a 16-year-old boy" / "a boy of 17"): which of several is meant is not known
        described = (x.counts or "").startswith("~") or (y.counts or "").startswith("~")
        return not described and (not (x.counts and y.counts) or x.counts == y.counts)
    if (x.fate and y.fate and not one_thing_of(x.fate, y.fate)) or "some" in (x.fate, y.fate):
        return False  # "three dead" / "11 injured"; "nine of them" are some of a count, of what is not said
    if x.unit.startswith("label:"):
        return False  # a name with its number: "Ward 4" and "Ward 2" are two wards, told apart as names are
    if x.unit in ("ord", "part") or (x.counts and y.counts):
        return x.counts == y.counts  # "four cars" say nothing of "four people", for or against
    if x.unit in ("n", "day", "%", "score") or not x.value or not y.value:
        return True
    return max(abs(x.value), abs(y.value)) < MEASURES_APART * min(abs(x.value), abs(y.value))


def _one_thing(x: Quantity, y: Quantity) -> bool:
    """Two figures of one thing, as far as is said: counts of one kind, percentages of one thing or of
    nothing said ("rose to 3.4% in May from 3.1%" / "reached 3.5% in May, up from 3.1%"), or the scores
    of one match beside the one both give ("a 1-1 draw, 4-3 on penalties" / "ended 1-1 … 5-4 on penalties")."""
    return bool(x.counts and x.counts == y.counts) or (x.unit == "%" and x.fate == y.fate) or x.unit == "score"


def _few(q: Quantity) -> bool:
    """A count of one or two of nothing said: "the two leaders", "one of", "two roads". As it pins nothing
    (:attr:`summarizer.facets.Facets.pins`), it is a weak clash: "landslides cut two roads" and "230 homes
    destroyed" are two answers, not a disagreement."""
    return q.unit == "n" and q.value <= 2 and not q.counts and not q.fate


def _match(x: Quantity, y: Quantity) -> bool:
    if x.counts and y.counts and x.counts != y.counts:
        return False  # one figure of two kinds of thing: "3,500 residents" / "3,500 homes"
    if x.unit in ("day", "ord", "score", "age"):
        return x.value == y.value
    if x.unit == "part":  # "seven of nine backed it" is "two of nine dissented", said the other way round
        return x.value in (y.value, float(x.counts or 0) - y.value)
    if _beyond(x, y) or _beyond(y, x):
        return False  # "at least 17 have died" is not "killed 14"; "up to 4,000" is not "about 5,000"
    difference, larger = abs(x.value - y.value), max(abs(x.value), abs(y.value))
    # within the margin; and, unless one is a bound, within the coarser figure's rounding: "about 60" is not
    # "about 70", nor "6.1 metres" "6.4 metres", nor "about 200,000" "about 150,000"; "more than 1,100" is 1,200.
    # Two bounds are two figures said: "at least nine" dead is not "at least 11" (but "more than 2,000" is 2,012)
    rounded = x.bound != y.bound or difference < max(x.step, y.step) / 2 * (1 - 1e-6)
    if x.loose or y.loose:
        return difference <= LOOSE * larger and rounded
    return difference <= (EXACT if x.unit in ("n", "%", "pt", "magnitude") else CONVERTED) * larger and rounded


def _beyond(bound: Quantity, other: Quantity) -> bool:
    """``other``, a figure said as no bound of the same side, lies past ``bound``'s side by more than
    their rounding: below the least a floor allows, or above the most a ceiling allows."""
    if not bound.bound or other.bound == bound.bound:
        return False
    slack = max(bound.step, other.step) / 2
    return (other.value < bound.value - slack) if bound.bound > 0 else (other.value > bound.value + slack)


def told_apart(a: frozenset[Quantity], b: frozenset[Quantity]) -> bool:
    """Figures that make two statements two answers whatever else they say: moments of two happenings
    (:func:`moments_apart`), sums in currencies of which they share none ("it costs $1,899" / "it costs
    £1,699": prices in two markets, or one converted, which no rate here can tell), or measures only, of no
    dimension in common ("bidding raged for more than 20 minutes" / "sold for $71.3m") or an order of magnitude
    apart (:func:`_orders_apart`)."""
    if moments_apart(a, b):
        return True
    mine, theirs = _currencies(a), _currencies(b)
    if mine and theirs and not mine & theirs:
        return True
    measures_a, measures_b = dimensions(a), dimensions(b)
    return measured_apart(measures_a, measures_b) or bool(measures_a and measures_b and _orders_apart(a, b))


def _orders_apart(a: frozenset[Quantity], b: frozenset[Quantity]) -> bool:
    """Measures of one unit, every pair :data:`MEASURES_APART` times apart or more: of two things ("spending will
    rise by €4.1bn" / "total spending is set at €212bn")."""
    pairs = [(abs(x.value), abs(y.value)) for x in a for y in b if x.unit == y.unit and x.value and y.value]
    return bool(pairs) and all(max(pair) >= MEASURES_APART * min(pair) for pair in pairs)


def dimensions(figures: frozenset[Quantity]) -> frozenset[str]:
    """The dimensions of figures that are all measures (a length, a sum, a time): none where one is a count,
    a share, a score, a rank, a day or an age, which are said of anything."""
    found = frozenset(q.unit.split(":")[0] for q in figures)
    return frozenset() if found & _SAID_OF_ANYTHING else found


def measured_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Measures of no dimension in common (``a``, ``b``: :func:`dimensions`): of two things."""
    return bool(a and b and not a & b)


def one_sum(a: frozenset[Quantity], b: frozenset[Quantity]) -> bool:
    """Both give one sum, whatever else each says its figures are of: "Price: $48.00 per share" / "will pay
    $48 a share, a premium of 32%"."""
    return bool({q.pin for q in a if q.unit.startswith("money")} & {q.pin for q in b})


def measured(figures: frozenset[Quantity], spans: frozenset[float]) -> bool:
    """Whether ``figures`` hold one other than the ``spans`` (in hours) they are measured over."""
    return any(q.unit != "time" or q.value not in spans for q in figures)


def _currencies(figures: frozenset[Quantity]) -> set[str]:
    return {q.unit.split(":")[1].split("/")[0] for q in figures if q.unit.startswith("money:")}


def moments_apart(a: frozenset[Quantity], b: frozenset[Quantity]) -> bool:
    """Both give minutes of a match or short spans (two hours at most), none within :data:`CLOSE_MINUTES`
    of the other's: moments of two happenings. One happening's minute in dispute is a few minutes off."""
    left = [q.value for q in a if q.unit == "time" and 0 < q.value <= 2]
    right = [q.value for q in b if q.unit == "time" and 0 < q.value <= 2]
    return bool(left and right) and all(abs(x - y) * 60 > CLOSE_MINUTES for x in left for y in right)
