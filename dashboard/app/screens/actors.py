"""Actors page: every actor with its kind, facts, aliases and Wikidata ID, and the corrections a
user makes to them (merge, rename, alias, kind, Wikidata ID, not an actor, and their undo).

Corrections are stored in the fact store and apply at once to every page, filter and export,
and to documents ingested later (see dashboard/store/actor_corrections.py)."""

import streamlit as st

from dashboard.app import corrections, editing, view
from dashboard.app.actor_filter import group_label
from dashboard.facts.schema import ACTOR_KINDS

current = view.current()
fix = current.store().actor_corrections
state = st.session_state
table = current.actor_table()
rejected = current.rejected_actors()
names = table["name"].tolist()
about = {row.name: f"{row.name} ({row.kind or 'kind unknown'}, {row.n_facts:,} facts)" for row in table.itertuples()}


def label(name: str) -> str:
    return about.get(name, name)


def download_corrections() -> None:
    st.download_button("Download corrections (CSV)", data=current.actor_corrections_csv(), file_name="actors.csv",
                       mime="text/csv", key="actors_download", on_click="ignore", icon=":material/download:")


corrections.show_error()
if table.empty and rejected.empty:
    st.info("No actors yet: add articles on the Add articles page.")
    st.stop()

st.caption(f"{len(table):,} actors in the store, most facts first. \"Found as\" are the words of the articles "
           "that named the actor; aliases are the other names it goes by (actors merged into it, your own "
           "aliases). Corrections below apply at once to every page, filter and export.")
kinds = st.pills("Kinds shown", [k for k in ACTOR_KINDS if k in set(table["kind"])], selection_mode="multi",
                 key="actors_kinds", format_func=group_label)
shown = table[table["kind"].isin(kinds)] if kinds else table
links = shown.assign(wikidata=[f"https://www.wikidata.org/wiki/{q}" if q else None for q in shown["wikidata"]])
st.dataframe(
    links[["name", "kind", "n_facts", "n_documents", "aliases", "wikidata", "forms", "role"]],
    hide_index=True, width="stretch", key="actors_table",
    column_config={
        "name": "actor",
        "n_facts": st.column_config.NumberColumn("facts", format="%d"),
        "n_documents": st.column_config.NumberColumn("documents", format="%d"),
        "forms": st.column_config.ListColumn("found as"),
        "aliases": st.column_config.ListColumn("aliases"),
        "wikidata": st.column_config.LinkColumn("Wikidata", display_text=r"https://www\.wikidata\.org/wiki/(Q\d+)"),
        "role": "role",
    },
)

if not editing.writable():
    st.caption("This dashboard is read-only: actor corrections are made where the store is served writable, "
               "or with `fact-timeline actors`.")
    download_corrections()
    st.stop()

st.subheader("Correct actors")
merge, rename, alias, kind, reject, undo, files = st.tabs(
    ["Merge", "Rename", "Add alias", "Kind and Wikidata ID", "Not an actor", "Undo", "CSV"])

with merge:
    st.multiselect("Actors to merge", names, key="actors_merge", format_func=label,
                   placeholder="the actors that become aliases")
    st.selectbox("into", names, key="actors_merge_into", index=None, format_func=label,
                 placeholder="the actor that stays (keeps its kind and Wikidata ID)")
    corrections.button("Merge", lambda: fix.merge(state["actors_merge"], into=state["actors_merge_into"] or ""),
                       key="actors_merge_go", reset={"actors_merge": [], "actors_merge_into": None},
                       disabled=not state.get("actors_merge") or not state.get("actors_merge_into"))

with rename:
    st.selectbox("Actor", names, key="actors_rename", index=None, format_func=label, placeholder="choose an actor")
    st.text_input("New name", key="actors_rename_to", help="The old name stays as an alias; the name of another "
                  "actor merges the two.")
    corrections.button("Rename", lambda: fix.rename(state["actors_rename"] or "", state["actors_rename_to"]),
                       key="actors_rename_go", reset={"actors_rename": None, "actors_rename_to": ""},
                       disabled=not state.get("actors_rename"))

with alias:
    st.selectbox("Actor", names, key="actors_alias", index=None, format_func=label, placeholder="choose an actor")
    st.text_input("Alias", key="actors_alias_name", help="Facts whose actor was found under this name name the "
                  "chosen actor instead (an actor of that name is merged into it).")
    corrections.button("Add alias", lambda: fix.add_alias(state["actors_alias"] or "", state["actors_alias_name"]),
                       key="actors_alias_go", reset={"actors_alias_name": ""}, disabled=not state.get("actors_alias"))

with kind:
    chosen = st.selectbox("Actor", names, key="actors_kind", index=None, format_func=label, placeholder="choose an actor")
    left, right = st.columns(2)
    with left:
        st.selectbox("Kind", ACTOR_KINDS, key="actors_kind_to", index=None, placeholder="choose a kind")
        corrections.button("Change kind", lambda: fix.set_kind(state["actors_kind"] or "", state["actors_kind_to"] or ""),
                           key="actors_kind_go", reset={"actors_kind_to": None},
                           disabled=not chosen or not state.get("actors_kind_to"))
    with right:
        st.text_input("Wikidata ID", key="actors_wikidata", placeholder="Q42", help="Empty forgets the ID you set.")
        corrections.button("Set Wikidata ID", lambda: fix.set_wikidata(state["actors_kind"] or "", state["actors_wikidata"]),
                           key="actors_wikidata_go", reset={"actors_wikidata": ""}, disabled=not chosen)

with reject:
    st.multiselect("Names that are not actors", names, key="actors_reject", format_func=label,
                   placeholder="e.g. a word mistaken for a name")
    corrections.button("Mark as not an actor", lambda: "; ".join(fix.reject(n) for n in state["actors_reject"]),
                       key="actors_reject_go", reset={"actors_reject": []}, disabled=not state.get("actors_reject"))

with undo:
    aliased = {a: row.name for row in table.itertuples() for a in row.aliases}
    aliased.update({a: row.name for row in rejected.itertuples() for a in row.aliases})
    st.selectbox("Alias", sorted(aliased), key="actors_unalias", index=None, placeholder="choose an alias",
                 format_func=lambda a: f"{a} → {aliased.get(a, '')}")
    corrections.button("Remove alias", lambda: fix.remove_alias(state["actors_unalias"] or ""),
                       key="actors_unalias_go", reset={"actors_unalias": None}, disabled=not state.get("actors_unalias"),
                       help="The alias names the actor extraction found again (undoes a merge or rename).")
    st.selectbox("Not an actor", rejected["name"].tolist(), key="actors_restore", index=None,
                 placeholder="choose a name", format_func=lambda n: f"{n} ({int(rejected.set_index('name').loc[n, 'n_facts']):,} facts)")
    corrections.button("Restore", lambda: fix.restore(state["actors_restore"] or ""), key="actors_restore_go",
                       reset={"actors_restore": None}, disabled=not state.get("actors_restore"))

with files:
    st.caption("Corrections as a CSV with the columns of an --actors list (name, kind, wikidata, country, role, "
               "aliases) plus not_actor: for another store (`fact-timeline actors import`) or as an actor list "
               "for `fact-timeline ingest --actors`.")
    download_corrections()
    upload = st.file_uploader("Import corrections", type=["csv"], key="actors_upload")
    st.checkbox("Replace the stored corrections", key="actors_replace")
    corrections.button(
        "Import", lambda: fix.import_csv(upload.name, replace=state["actors_replace"], text=upload.getvalue()),
        key="actors_import_go", disabled=upload is None)
