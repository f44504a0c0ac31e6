"""The tables numbers are read with: units and their sizes, number words, ordinals, months, currency
signs and the kinds of thing a count may count. One table per list, read by :mod:`summarizer.quantities`
(and :mod:`summarizer.times` for months and number words); only data here.
"""

from __future__ import annotations

# Temperature scales, as written after a number; a bare letter only written onto it ("46.2C", "115F", not
# "Group 3 C"): ATTACHED
CELSIUS = ["°c", "° c", "degrees celsius", "degrees c", "celsius", "degrees centigrade", "c"]
FAHRENHEIT = ["°f", "° f", "degrees fahrenheit", "degrees f", "fahrenheit", "f"]
ATTACHED = ("c", "f")

# Currencies' codes, read before a figure ("SEK 200m") or after it ("5 million USD"); the Nordic and Czech
# crowns are one crown, as outlets write "crowns" for each
CURRENCY_CODES = {
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "rub": "RUB", "cny": "CNY", "inr": "INR",
    "aud": "AUD", "cad": "CAD", "sek": "crown", "nok": "crown", "dkk": "crown", "isk": "crown", "czk": "crown",
}  # fmt: skip

# Every unit read after a number: its dimension and its size in that dimension's unit (metre, square
# metre, kilogram, hour; a currency's own unit). The one table of units: parsing and comparing read it.
UNITS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(["%", "per cent", "percent", "pc"], ("%", 1.0)),  # "rose 12pc", as some British papers write
    **dict.fromkeys(["percentage point", "percentage points", "points", "point", "pp"], ("pt", 1.0)),
    **dict.fromkeys(["basis point", "basis points", "bp", "bps"], ("pt", 0.01)),  # "25bp" is a quarter point
    **dict.fromkeys(["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"], ("length", 1000.0)),
    **dict.fromkeys(["mile", "miles", "mi"], ("length", 1609.344)),
    **dict.fromkeys(["metre", "metres", "meter", "meters"], ("length", 1.0)),
    **dict.fromkeys(["foot", "feet", "ft"], ("length", 0.3048)),
    **dict.fromkeys(["cm", "centimetre", "centimetres", "centimeter", "centimeters"], ("length", 0.01)),
    **dict.fromkeys(["mm", "millimetre", "millimetres", "millimeter", "millimeters"], ("length", 0.001)),
    **dict.fromkeys(["inch", "inches"], ("length", 0.0254)),
    **dict.fromkeys(["yard", "yards"], ("length", 0.9144)),
    **dict.fromkeys(["litre", "litres", "liter", "liters"], ("volume", 1.0)),
    **dict.fromkeys(["gallon", "gallons"], ("volume", 3.785411784)),  # US gallons
    **dict.fromkeys(["barrel", "barrels"], ("volume", 158.987294928)),  # of oil
    **dict.fromkeys(["bpd", "barrels per day", "barrels a day"], ("volume/day", 158.987294928)),
    **dict.fromkeys(["km2", "km²", "sq km", "square kilometres", "square kilometers"], ("area", 1e6)),
    **dict.fromkeys(["square kilometre", "square kilometer"], ("area", 1e6)),
    **dict.fromkeys(["hectare", "hectares", "ha"], ("area", 1e4)),
    **dict.fromkeys(["acre", "acres"], ("area", 4046.8564)),
    **dict.fromkeys(["square mile", "square miles", "sq mi"], ("area", 2589988.11)),
    **dict.fromkeys(["tonne", "tonnes", "ton", "tons"], ("mass", 1000.0)),
    **dict.fromkeys(["kg", "kilogram", "kilograms", "kilo", "kilos"], ("mass", 1.0)),
    **dict.fromkeys(["lb", "lbs"], ("mass", 0.45359237)),
    **dict.fromkeys(["second", "seconds", "sec", "secs"], ("time", 1 / 3600)),
    **dict.fromkeys(["minute", "minutes", "min", "mins"], ("time", 1 / 60)),
    **dict.fromkeys(["hour", "hours", "hr", "hrs"], ("time", 1.0)),
    **dict.fromkeys(["day", "days"], ("time", 24.0)),
    **dict.fromkeys(["week", "weeks"], ("time", 168.0)),
    **dict.fromkeys(["month", "months"], ("time", 730.0)),
    **dict.fromkeys(["year", "years", "yr", "yrs"], ("time", 8760.0)),
    **dict.fromkeys(["decade", "decades"], ("time", 87600.0)),
    **dict.fromkeys(["euro", "euros"], ("money:EUR", 1.0)),
    **dict.fromkeys(["dollar", "dollars"], ("money:USD", 1.0)),
    **dict.fromkeys(["pound", "pounds", "sterling"], ("money:GBP", 1.0)),
    **dict.fromkeys(["yen"], ("money:JPY", 1.0)),
    **dict.fromkeys(["rupee", "rupees"], ("money:INR", 1.0)),
    **dict.fromkeys(["franc", "francs"], ("money:CHF", 1.0)),
    **dict.fromkeys(["rouble", "roubles", "ruble", "rubles"], ("money:RUB", 1.0)),
    **dict.fromkeys(["crown", "crowns", "krona", "kronor", "krone", "kroner", "koruna"], ("money:crown", 1.0)),
    **{code: (f"money:{currency}", 1.0) for code, currency in CURRENCY_CODES.items()},  # "5 million USD"
    **dict.fromkeys(["magnitude", "on the richter scale"], ("magnitude", 1.0)),  # an earthquake's "6.8-magnitude"
    **dict.fromkeys(["km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour"], ("speed", 1.0)),
    **dict.fromkeys(["mph", "miles per hour", "miles an hour"], ("speed", 1.609344)),
    **dict.fromkeys(["knots", "knot"], ("speed", 1.852)),
    **dict.fromkeys(CELSIUS, ("temperature", 1.0)),  # in degrees Celsius
    **dict.fromkeys(FAHRENHEIT, ("temperature", 5 / 9)),  # from its scale's zero (ZERO_AT)
    **dict.fromkeys(["degrees", "degree"], ("degrees", 1.0)),  # of no scale said: read on both scales (quantities)
}
ZERO_AT = dict.fromkeys(FAHRENHEIT, 32.0)  # a reading less this, times the unit's size, is in the dimension's unit

# signs read before a figure; every dollar is one ("C$40 million" / "$40 million" in a Canadian story)
CURRENCY_SIGNS = {
    "€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", **CURRENCY_CODES,
}  # fmt: skip

SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # South Asian: "Rs 5 lakh" is 500,000 rupees
}  # fmt: skip
# Words before a figure that say it loosely, and those that give one side of it
BOUNDS = (
    "up to", "under", "over", "more than", "less than", "fewer than", "upwards of", "at least", "at most",
    "just over", "just under", "as many as", "as few as", "below", "above", "nearly", "almost", "close to",
)  # fmt: skip  # a figure on one side of the number: "nearly 1%" is 0.8% as well as 0.95%
FLOORS = ("over", "more than", "upwards of", "at least", "just over", "above", "as few as")  # the least it is
HEDGES = (
    "about", "around", "roughly", "approximately", "approx.", "some", "an estimated", "estimated", "circa",
    "c.", "~", *BOUNDS,
)  # fmt: skip
WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "half": 0.5, "a": 1,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
MONTH_NUMBER = {  # a month's number by the first three letters of its name
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip

# The words of one person: "one miner died" is a count of one, "a 16-year-old boy" someone described
PERSONS = (
    *"""person man woman child boy girl baby teenager teen youth toddler son daughter mother father wife husband
    worker passenger resident soldier officer victim pedestrian driver student patient firefighter climber
    tourist miner sailor fisherman hiker protester civilian journalist employee pilot motorist cyclist villager
    hostage""".split(),
    "crew member",
)

# Kinds of thing a count may count, where one figure of two kinds cannot be one answer ("3,500 residents
# were evacuated" / "3,500 homes were evacuated"); read from the word after the number, or after one more.
COUNTED: dict[str, str] = {
    **dict.fromkeys(
        "people persons residents inhabitants locals workers employees staff members passengers dockers voters "
        "students pupils patients children adults soldiers troops fans visitors civilians migrants refugees".split(),
        "people",
    ),
    **dict.fromkeys("homes houses households buildings dwellings apartments flats properties".split(), "dwellings"),
    **dict.fromkeys("cars vehicles trucks lorries vans buses coaches motorcycles".split(), "vehicles"),
    **dict.fromkeys("ships vessels boats barges tankers ferries".split(), "vessels"),
    **dict.fromkeys("planes aircraft jets helicopters drones".split(), "aircraft"),
    **dict.fromkeys("flights departures arrivals".split(), "flights"),
    **dict.fromkeys("trains".split(), "trains"),
}

# Participles that give what came of a clause, and may open one before a count ("struck before dawn, killing at
# least 37"; "Killing 61 people, officials said."): where a sentence is split, and no label's word ("Flight 217")
RESULTS = "killing leaving injuring wounding forcing displacing taking bringing pushing lifting sending cutting".split()

# An earthquake and the shocks around it, as a magnitude's figure names them ("a 6.5 earthquake", "a magnitude
# 4.9 aftershock"): the shock's key for each word (counted.shock_of). A quake's one magnitude is no other shock's.
SHOCKS: dict[str, str] = {
    **dict.fromkeys(["earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "temblor"], "quake"),
    **dict.fromkeys(["aftershock", "aftershocks", "foreshock", "foreshocks"], "aftershock"),
}

# What befell the people a count counts, by the stems of the words said beside it ("killing three people",
# "11 were injured", "twelve were taken to hospital"): a toll of the dead is not one of the injured.
FATES: dict[str, str] = {
    **dict.fromkeys("kill dead died die dies dying death fatal toll lives".split(), "dead"),
    **dict.fromkeys("injur hurt wound hospi treated".split(), "injured"),
    **dict.fromkeys("missi unacc".split(), "missing"),
    **dict.fromkeys("arres detai".split(), "arrested"),
    **dict.fromkeys("evacu displ homel fled flee flees fleei".split(), "evacuated"),  # who fled, left
    **dict.fromkeys("aboard board carrying carried".split(), "aboard"),  # "carrying 45 people", "44 on board"
    **dict.fromkeys("rescu saved survi".split(), "rescued"),  # "201 were rescued", "a dozen survivors"
}

# What a sum of money is of, by the stems of the words said beside it ("revenue of $6.4bn", "a $1.2bn
# profit", "fined €150,000"): a company's revenue is not its profit, a fine not a price.
SUMS: dict[str, str] = {
    **dict.fromkeys("reven sales turnover".split(), "revenue"),
    **dict.fromkeys("profi income earni ebitd".split(), "profit"),
    **dict.fromkeys("loss losse".split(), "loss"),
    **dict.fromkeys("cost costs spend budge".split(), "cost"),
    **dict.fromkeys("fine fined fines penal".split(), "fine"),
    **dict.fromkeys("debt debts loan loans borro".split(), "debt"),
    **dict.fromkeys("defic".split(), "deficit"),  # "a deficit of 3.2% of GDP" is no growth of 3.2%
    **dict.fromkeys("surpl".split(), "surplus"),
    **dict.fromkeys("salar wage wages bonus".split(), "pay"),
    **dict.fromkeys("damag".split(), "damage"),
    **dict.fromkeys("rent rents".split(), "rent"),  # "rents have climbed 65%" is no "wages have risen by 20%"
}
# What only a sum is of, besides SUMS: "investors lost €340m" is a loss, "the Nasdaq lost 2.1%" a fall
SUMS_ONLY: dict[str, str] = {
    **dict.fromkeys("lost wiped".split(), "loss"),  # "wiped out $2bn"
    **dict.fromkeys("value valua capit".split(), "value"),  # "valued at", "a valuation of", "market capitalisation"
    **dict.fromkeys("order".split(), "orders"),
    **dict.fromkeys("recov".split(), "recovered"),
    **dict.fromkeys("claim".split(), "claims"),
    **dict.fromkeys("price".split(), "cost"),  # "priced at $1,799" is what it costs; "the share price" rose 3%
    **dict.fromkeys("raise raisi".split(), "raised"),  # "a share sale that raised $1.1bn": no revenue, no loss
}

# The stock market indices, by the word that names each ("hang" of Hang Seng)
MARKET_INDICES = "s&p dow nasdaq ftse dax cac nikkei topix hang kospi sensex nifty stoxx russell tsx".split()

# What a percentage is of, besides the sums above: "a premium of 27%" is no "shares jumped 22%".
PERCENT_OF: dict[str, str] = {
    **dict.fromkeys("premi".split(), "premium"),
    **dict.fromkeys("share shares stock stake".split(), "shares"),
    **dict.fromkeys("turnout".split(), "turnout"),
    **dict.fromkeys("unemp joble".split(), "unemployment"),
    **dict.fromkeys("infla".split(), "inflation"),  # not "price": a share price is the shares'
    **dict.fromkeys("growt economy economic economies gdp".split(), "growth"),  # not "economists had expected"
    **dict.fromkeys("margi".split(), "margin"),
    **dict.fromkeys("shipm deliv".split(), "shipments"),  # "shipments fell 9%" is no share's fall
    **dict.fromkeys("risk risks likel chanc odds".split(), "risk"),  # "cut the risk by 28%", "a third less likely"
    **dict.fromkeys("appro ratin polls".split(), "approval"),  # not "poll", a prefix of "polled", "pollution"
    # a market report's: each index, bond yields, a currency, a commodity ("the Nasdaq lost 2.3%", "the
    # dollar rose 0.7%", "the 10-year yield climbed to 4.6%", "Brent crude fell 1%")
    **{w: w for w in MARKET_INDICES},
    **dict.fromkeys("yield yields bond bonds treas gilt gilts".split(), "yield"),
    **{w: w for w in "dollar euro pound sterling yen yuan rupee franc bitcoin gold silver copper".split()},
    **dict.fromkeys("oil crude brent".split(), "oil"),
}
# a rate per month or per week, as a rate per year: "$2,200 a month" and "$26,500 a year" are one price (not per
# day or per hour, which a year holds as many of as it has working days or hours, or as it has days)
PER_YEAR = {"month": 12, "week": 52}
# words that say which time it is, not how long: "310,000 last month", "Payrolls grew 2% this year"
WHICH_TIME = "(?:last|next|this|that|each|every|per|previous|following|same|past|coming|their|its|the)"
