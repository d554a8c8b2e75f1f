"""Small closed classes of English words that several detectors rely on, defined once."""

from __future__ import annotations

#: The longest token a word detector looks at. Longer ones (run-together text, chemistry, an
#: address without its scheme) are no garbled or foreign word, and the work per word (edits,
#: split points) grows with the square of its length: one 1 MB word took minutes.
MAX_WORD_LENGTH = 40

#: Verbs that attribute a quotation ("…,” said the mayor; "…,” she argued).
SPEECH_VERBS = frozenset(
    """according acknowledged added adds admits admitted agreed announced announces answered
    argued argues asked asks assured claimed claims clarified commented complained concluded
    confirmed confirms continued continues countered criticised criticized declared demanded
    demands emphasised emphasized explained explains insisted insists joked noted notes praised
    predicted promised recalled remarked replied replies reported reports said says shouted stated
    states stressed stresses suggested told tells tweeted underlined urged warned warns wrote
    writes""".split()
)

#: Titles and roles that stand before a person's name (lower case).
PERSON_TITLES = frozenset(
    """adviser advisor ambassador chancellor chief colleague commander counterpart deputy director
    dr envoy general governor king leader mayor minister mr mrs ms patriarch pope premier president
    prime prince princess queen secretary senator sir spokesman spokesperson spokeswoman""".split()
)

#: Lower-case particles inside names ("Ursula von der Leyen", "Charles de Gaulle").
NAME_PARTICLES = frozenset("al bin da das de del den der di dos du ibn la le van von".split())
#: Months and weekdays, which English capitalises: no sign that a word beside one belongs to a
#: name, and no first name.
CALENDAR_NAMES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
