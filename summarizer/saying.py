"""The verbs that report speech, in one table for every reader of who said what.

A *reporting* verb says who stated something: "Peskov said", "the ministry confirmed on Monday", "…,
police spokesman Ivo Denkov added." A quotation's tag may also be a verb that frames the words without
stating anything of its own ("…,” she asked", "saying", "he hailed the talks as “historic”"). Readers:
the tags of quotations (:mod:`summarizer.speech`: every form), the speakers a grounded statement must
keep (:func:`summarizer.names.speakers`), the day a source spoke (:func:`summarizer.times.undated`) and
the speaker trailing a statement, who is no name of what was said (:mod:`summarizer.facets`).
"""

from __future__ import annotations

# a verb's past and present forms; "told" and "tells" take whom they tell ("told reporters")
REPORTING = frozenset(
    "said says say told tells added adds stated states announced announces confirmed confirms warned warns "
    "claimed claims insisted insists wrote writes argued argues declared declares revealed reveals explained "
    "explains stressed noted notes admitted acknowledged replied replies responded tweeted".split()
)
# forms that tag a quotation but name no statement's source: its -ing forms, questions, cries, praise
TAGGING = frozenset(
    "saying telling adding warning insisting noting asked asks shouted shouts described describing called "
    "hailed praised urged remarked recalled quipped".split()
)
SPEECH_VERBS = REPORTING | TAGGING
# as regular expressions: the reporting verbs but "told" and "tells", and all of them with whom one tells
SAID = "|".join(sorted(REPORTING - {"told", "tells"}, key=lambda form: (-len(form), form)))  # longest first
REPORTED = rf"(?:(?:told|tells)(?:\s+\w+){{1,2}}?|{SAID})"
