"""The actor filter's groups: which list an actor is in, and how a selection finds its place."""

from dashboard.app import actor_filter

ACTORS = {"NATO": "organisation", "Donald Trump": "person", "Ukraine": "state", "Deutsche Bank": "company",
          "SPD": "party", "Somebody": "", "Mark Rutte": "person"}


def test_groups_come_in_kind_order_with_unknown_kinds_last_and_keep_the_actor_order():
    assert actor_filter.groups(ACTORS) == {
        "People": ["Donald Trump", "Mark Rutte"], "Organisations": ["NATO"], "Companies": ["Deutsche Bank"],
        "Parties": ["SPD"], "States": ["Ukraine"], "Other actors": ["Somebody"],
    }
    assert actor_filter.groups(actor_filter.as_kinds(["A", "B"])) == {"Other actors": ["A", "B"]}


def test_a_selection_is_placed_in_its_groups_and_read_back_whole():
    state = {}
    actor_filter.place(state, ["Ukraine", "Donald Trump", "Nobody"], ACTORS)
    assert state["filter_actors_People"] == ["Donald Trump"] and state["filter_actors_States"] == ["Ukraine"]
    assert state["filter_actors_Parties"] == []
    assert actor_filter.chosen(state, ACTORS) == ["Donald Trump", "Ukraine"]


def test_an_actor_whose_kind_changed_stays_selected_in_its_new_group():
    state = {}
    actor_filter.place(state, ["NATO"], ACTORS)
    changed = {**ACTORS, "NATO": "party"}
    assert actor_filter.chosen(state, changed) == ["NATO"]
    actor_filter.place(state, actor_filter.chosen(state, changed), changed)
    assert state["filter_actors_Parties"] == ["NATO"] and "filter_actors_Organisations" not in state
