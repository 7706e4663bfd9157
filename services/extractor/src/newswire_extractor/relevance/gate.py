"""The article gate, run before any parsing: language first, then the relevance model.

An article in a language the backend does not serve, or one the model judges not to be
political news (sport, business, culture, science, lifestyle, disasters, ordinary crime,
opinion), gets no events, and the ``Relevance`` it carries says why.
"""

from __future__ import annotations

from newswire_contracts import Relevance
from newswire_extractor.relevance.language import detect_language, normalize_language
from newswire_extractor.relevance.model import RelevanceModel, load_relevance_model

# Below this many content words a text is too short to judge (a headline, a brief, one sentence
# of a test or of the PLOVER sentence set): it is coded, and the reason says so.
MIN_WORDS = 40


def article_language(declared: str | None, text: str) -> tuple[str, str]:
    """The article's language and how it was found: declared, detected or assumed (English)."""
    code = normalize_language(declared)
    if code is not None:
        return code, "declared"
    detected = detect_language(text)
    return detected, "detected" if detected != "en" else "assumed"


def language_refusal(
    declared: str | None, text: str, languages: frozenset[str], backend: str
) -> Relevance | None:
    """A not-codeable decision when the backend does not serve the article's language."""
    code, how = article_language(declared, text)
    if code in languages:
        return None
    served = ", ".join(sorted(languages))
    return Relevance(
        codeable=False,
        reason=f"language '{code}' ({how}) not supported by {backend} (serves {served})",
        label="language",
        language=code,
    )


class ArticleGate:
    """Says whether an article is codeable news, from the shipped model and a threshold."""

    def __init__(
        self,
        *,
        enabled: bool = True,
        threshold: float | None = None,
        min_words: int = MIN_WORDS,
        model: RelevanceModel | None = None,
    ) -> None:
        self.enabled = enabled
        self.min_words = min_words
        self._model = model
        self._threshold = threshold

    @property
    def model(self) -> RelevanceModel:
        if self._model is None:
            self._model = load_relevance_model()
        return self._model

    @property
    def threshold(self) -> float:
        return self._threshold if self._threshold is not None else self.model.threshold

    def load(self) -> None:
        """Read the model now instead of on the first article."""
        if self.enabled:
            _ = self.model

    def check(
        self, text: str, *, languages: frozenset[str] | None = None, backend: str = ""
    ) -> Relevance:
        """The decision for one article's text (no parsing; about a millisecond for 750
        words). With ``languages``, a text clearly in another language is refused first."""
        if languages is not None:
            refusal = language_refusal(None, text, languages, backend)
            if refusal is not None:
                return refusal
        if not self.enabled:
            return Relevance(codeable=True, reason="relevance gate off")
        model, threshold = self.model, self.threshold
        prediction = model.predict(text)
        score = round(prediction.score, 4)
        common = {
            "label": prediction.label,
            "score": score,
            "threshold": threshold,
            "model": model.name,
        }
        if prediction.words < self.min_words:
            reason = f"too short to judge ({prediction.words} content words < {self.min_words})"
            return Relevance(codeable=True, reason=reason, **common)
        if prediction.score >= threshold:
            reason = f"codeable news (score {score:.2f} >= {threshold:.2f})"
            return Relevance(codeable=True, reason=reason, **common)
        kind = prediction.label if prediction.label != "codeable" else "unclear"
        reason = f"not codeable: {kind} (score {score:.2f} < {threshold:.2f})"
        return Relevance(codeable=False, reason=reason, **common)
