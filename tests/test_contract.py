"""The events.diplomatic contract as pure functions (streams/contract.py): mention keys, the merge
rule, retractions and what a subscriber folding the compacted topic ends up with."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from streams import contract
from streams.filters import tombstone_view

X, Y = "a" * 32, "b" * 32


def mention(event_id, article, background=False, confidence=0.8, published="2026-03-04T09:00:00+00:00"):
    return {"event_id": event_id, "background": background, "confidence": confidence,
            "article": {"id": article, "published_at": published}}


@pytest.mark.parametrize("article", ["a-1", "https://news.example/2026/03/a?b=c", "مقال/٣", "x" * 512])
def test_mention_key_round_trips(article):
    key = contract.mention_key(X, article)
    assert contract.split_key(key) == contract.split_key(key.encode()) == (X, article)


@pytest.mark.parametrize("key", ["", "k1", "A" * 32 + "/a", X + ":a", X + "/", "g" * 32])
def test_keys_of_no_known_shape_are_refused(key):
    with pytest.raises(ValueError):
        contract.split_key(key)


def test_a_bare_event_id_is_the_layout_before_2_0():
    assert contract.split_key(X) == (X, None)


def test_retractions_are_what_the_article_no_longer_reports():
    assert contract.retractions([X, Y], [Y]) == [X]
    assert contract.retractions([], [X]) == [] and contract.retractions([X], [X]) == []
    assert contract.remember([X], [Y]) == [X, Y]      # a union: a lost tombstone is sent again next time


def test_the_table_is_written_only_when_an_article_reports_something_new():
    assert contract.on_reprocess(None, []) == ([], None)            # no events, never any: no entry
    assert contract.on_reprocess(None, [Y, X]) == ([], [X, Y])       # first time
    assert contract.on_reprocess([X, Y], [Y, X]) == ([], None)       # redelivery: nothing to write
    assert contract.on_reprocess([X, Y], [Y]) == ([X], None)         # X retracted, kept in memory
    assert contract.on_reprocess([X, Y], []) == ([X, Y], None)


def test_a_repeated_tombstone_changes_nothing():
    a = mention(X, "A")
    records = [(contract.mention_key(X, "A"), a), (contract.mention_key(X, "B"), None)]
    assert contract.fold(records) == {X: a}
    records += [(contract.mention_key(X, "A"), None)] * 2
    assert contract.fold(records) == {}


def test_foreground_beats_a_more_confident_and_earlier_background_mention():
    fg = mention(X, "late-report", confidence=0.3, published="2026-03-05")
    bg = mention(X, "early-recall", background=True, confidence=0.99, published="2026-01-01")
    assert contract.representative([bg, fg]) is fg and contract.representative([fg, bg]) is fg
    assert contract.representative([bg]) is bg and contract.representative([]) is None


def test_among_foreground_mentions_confidence_then_publication_then_article_id():
    a = mention(X, "b", confidence=0.7, published="2026-03-05")
    b = mention(X, "c", confidence=0.7, published="2026-03-04")
    c = mention(X, "a", confidence=0.7, published="2026-03-04")
    d = mention(X, "z", confidence=0.9, published="2026-03-09")
    assert contract.representative([a, b, c]) is c and contract.representative([a, b, c, d]) is d


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a-1", "a-2", "a-3", "a-4"]), st.booleans(),
                          st.sampled_from([0.2, 0.5, 0.9]), st.sampled_from(["2026-01-01", "2026-02-01", None])),
                min_size=1, max_size=8, unique_by=lambda t: t[0]), st.randoms())
def test_the_representative_does_not_depend_on_arrival_order(rows, rnd):
    """Mentions of one event sit in different partitions: any interleaving must give the same event."""
    ms = [mention(X, a, bg, c, p) for a, bg, c, p in rows]
    shuffled = ms[:]
    rnd.shuffle(shuffled)
    assert contract.representative(ms) == contract.representative(shuffled)
    if not all(m["background"] for m in ms):
        assert contract.representative(ms)["background"] is False


def test_fold_is_last_word_per_key_then_the_merge_rule():
    """The story: A reports X, B recalls X in passing, A is re-processed and no longer reports X."""
    a, b = mention(X, "A"), mention(X, "B", background=True, confidence=0.95)
    key = contract.mention_key
    records = [(key(X, "A"), a), (key(X, "B"), b)]
    assert contract.fold(records)[X] is a                      # the recall does not overwrite the report
    records.append((key(X, "A"), None))                        # A retracts its own mention only
    assert contract.fold(records)[X] is b
    records.append((key(X, "B"), None))
    assert contract.fold(records) == {}
    records.append((key(X, "A"), a))                           # reported again (rules changed back)
    assert contract.fold(records)[X] is a


def test_an_old_layout_tombstone_retracts_the_whole_event():
    records = [(contract.mention_key(X, "A"), mention(X, "A")), (contract.mention_key(Y, "A"), mention(Y, "A")),
               (X.encode(), None)]
    assert set(contract.fold(records)) == {Y}


def test_subscribe_shows_which_mention_a_tombstone_retracts():
    assert tombstone_view(contract.mention_key(X, "a-1").encode()) == {
        "_key": X + "/a-1", "_tombstone": True, "event_id": X, "article_id": "a-1"}
    assert tombstone_view(b"some-article") == {"_key": "some-article", "_tombstone": True}
    assert tombstone_view(None) == {"_key": None, "_tombstone": True}
