import polars as pl

from flows.text import MARKER, attach_sentence, find_matches, split_sentences


def _docs(*texts: str) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})


def test_sentence_offsets_cut_the_sentence_from_the_text():
    text = (
        "Mr. Tan met U.S. officials on Monday. Prices rose 5%! “Is it over?” he asked.\nKey Deals\nHANOI: Trade grew."
    )
    sentences = split_sentences(_docs(text))
    got = [text[s:e] for s, e in sentences.select("char_start", "char_end").iter_rows()]
    assert got == sentences["sentence"].to_list()
    assert got == [
        "Mr. Tan met U.S. officials on Monday.",
        "Prices rose 5%!",
        "“Is it over?” he asked.",
        "Key Deals",
        "HANOI: Trade grew.",
    ]


def test_full_stop_glued_to_next_capitalised_word_ends_a_sentence():
    sentences = split_sentences(_docs("Trade dynamics.Key deals were signed. Decimals like 8.4 stay."))
    assert sentences["sentence"].to_list() == ["Trade dynamics.", "Key deals were signed.", "Decimals like 8.4 stay."]


def test_find_matches_gives_character_offsets_of_every_match():
    text = "Ünïcode first: 12 apples, 7 pears and 12 plums"
    matches = find_matches(_docs(text, "none here"), r"\d+ \w+")
    assert matches["doc_id"].to_list() == ["d0", "d0", "d0"]
    for start, end, match in matches.select("match_start", "match_end", "match").iter_rows():
        assert text[start:end] == match
    assert matches["match"].to_list() == ["12 apples", "7 pears", "12 plums"]


def test_marker_character_in_the_input_does_not_shift_offsets():
    text = f"odd {MARKER} text with 5 apples"
    matches = find_matches(_docs(text), r"\d+ apples")
    start, end = matches.select("match_start", "match_end").row(0)
    assert text[start:end] == "5 apples"


def test_attach_sentence_finds_the_sentence_a_span_starts_in():
    docs = _docs("One. Two has 5 apples. Three.")
    spans = find_matches(docs, r"\d+ apples").rename({"match_start": "char_start"})
    assert attach_sentence(spans, split_sentences(docs))["sent_id"].to_list() == [1]


def test_a_run_without_punctuation_is_cut_into_bounded_sentences():
    text = "word " * 1000
    sentences = split_sentences(_docs(text))
    assert sentences.height > 1
    assert sentences["sentence"].str.len_chars().max() <= 1100
    for start, end, sentence in sentences.select("char_start", "char_end", "sentence").iter_rows():
        assert text[start:end] == sentence
