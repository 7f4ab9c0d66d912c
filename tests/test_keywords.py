"""Candidate keywords of a case: what is counted and what never is."""

from __future__ import annotations

from casekit.extract.keywords import count_terms, rank_keywords
from casekit.extract.tokens import segment


def terms_of(text: str, lexicon, models: tuple[str, ...] = ()) -> dict[str, int]:
    return count_terms(text, segment(text), models, lexicon.stopwords)


def test_measure_words_after_a_figure_are_not_terms(lexicon):
    terms = terms_of("全年受理投诉4300余件，发动党员3000余名参与议事协商，议事协商成效明显。", lexicon)
    assert "余件" not in terms and "余名" not in terms
    assert terms["议事"] == 2 and terms["投诉"] == 1


def test_model_names_count_whole_and_their_words_not_again(lexicon):
    text = "推行“三事分流”工作法。三事分流让小区议事有了章法，分流以后效率更高。"
    terms = terms_of(text, lexicon, models=("三事分流",))
    assert terms["三事分流"] == 2
    assert terms.get("分流", 0) == 1  # only the one outside the model name


def test_single_characters_and_stopwords_are_not_terms(lexicon):
    terms = terms_of("我们的社区在党建引领下，把服务做到了群众的心坎上。", lexicon)
    assert all(len(term) >= 2 for term in terms)
    assert not set(terms) & lexicon.stopwords


def test_rarer_terms_rank_higher_in_a_workspace():
    counts = {"社区": 3, "物业": 3}
    assert rank_keywords(counts, 1, doc_freq={"社区": 90, "物业": 2}, n_docs=100) == ["物业"]
    assert rank_keywords(counts, 1, doc_freq={"社区": 2, "物业": 90}, n_docs=100) == ["社区"]
