"""Date words in the languages the fetcher meets: months, weekdays and the filler around dates."""

from __future__ import annotations

import re

_MONTHS = {
    "january": "jan januar janvier enero gennaio janeiro januari jänner",
    "february": "feb februar février fevrier febrero febbraio fevereiro februari",
    "march": "mar märz maerz mars marzo março maart",
    "april": "apr avril abril aprile",
    "may": "mai mayo maggio maio mei",
    "june": "jun juni juin junio giugno junho",
    "july": "jul juli juillet julio luglio julho",
    "august": "aug août aout agosto augustus",
    "september": "sep sept septembre septiembre setembro settembre",
    "october": "oct oktober octobre octubre ottobre outubro",
    "november": "nov novembre noviembre novembro",
    "december": "dec dez dezember décembre decembre diciembre dicembre dezembro",
}
MONTHS: dict[str, str] = {
    alias: english for english, aliases in _MONTHS.items() for alias in (english, *aliases.split())
}


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi "
    "mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes "
    "sábado domingo lunedì martedì mercoledì giovedì venerdì sabato "
    "segunda terça quarta quinta sexta maandag dinsdag woensdag donderdag vrijdag zaterdag "
    "zondag",
)
# Words that sit around a date on a page but are not part of it.
FILLER = _words(
    "published posted updated first last modified on at am um uhr le à a de del di da do "
    "of the el la h publié mis jour veröffentlicht aktualisiert zuletzt erschienen "
    "publicado actualizado pubblicato aggiornato gepubliceerd bijgewerkt op om "
    "feira",
)
ZONES = _words(
    "utc gmt z wet bst west cet cest mez mesz eet eest msk jst kst aest aedt est edt cdt cst",
    "mst mdt pst pdt",
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_FRENCH_TIME = re.compile(r"\b(\d{1,2})\s?h\s?(\d{2})\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|º|ª)\b", re.IGNORECASE)


def is_date_line(text: str) -> bool:
    """Whether a short line is only a date ("Published 10 June 2025, 09:00", "18.05.2025")."""
    tokens = _TOKEN.findall(_ORDINAL.sub(r"\1", _FRENCH_TIME.sub(r"\1:\2", text.casefold())))
    if not tokens or len(tokens) > 14 or not any(_YEAR.match(t) for t in tokens):
        return False
    return all(
        t.isdigit() or t in MONTHS or t in WEEKDAYS or t in FILLER or t in ZONES for t in tokens
    )


def english_date(text: str) -> str:
    """The date text with foreign month names in English and filler words removed."""
    text = _FRENCH_TIME.sub(r"\1:\2", text)
    words = []
    for word in re.split(r"(\s+|,)", text):
        key = word.casefold().strip(".")
        if key in MONTHS and MONTHS[key] != key:
            words.append(MONTHS[key])
        elif key in WEEKDAYS or (key in FILLER and key not in ZONES):
            continue
        else:
            words.append(word)
    return re.sub(r"\s+", " ", "".join(words)).strip(" ,")
