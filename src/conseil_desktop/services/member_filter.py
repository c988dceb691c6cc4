"""Filtering, searching and sorting the members list in memory, fast on 100,000 rows.

Everything works on row positions in a :class:`~.member_list.MemberList`:

* the filters (college, status, seat, role, archived) and each search give a
  mask, one byte per row, built by C-level ``map`` calls, and masks are
  combined with a single integer ``&``;
* a search keystroke that only adds letters looks again only at the rows the
  previous text found;
* a column's sort values are computed once, and each (column, direction)
  order is a permutation of positions, cached until the next load; a stable
  sort keeps the name order among equal values, and empty cells go last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_, is_not, itemgetter
from typing import Any

from conseil_desktop.db.models import College, MemberStatus, Seat
from conseil_desktop.services import member_list as ml
from conseil_desktop.services.text import fold

ANY_ROLE = "*"  # MemberFilters.role: members holding any role
ACTIVE_ONLY = frozenset({MemberStatus.ACTIVE})
FORMER = frozenset(set(MemberStatus) - {MemberStatus.ACTIVE})
NAME = "last_name"  # the rows' own order
INCREMENTAL_SHARE = 2  # look again only at previous hits when under 1/2 of the rows
SEARCHES_KEPT = 32  # masks of recent searches (100 kB each on 100,000 rows)

Mask = bytes  # one byte per row, 1 when it passes
_PHONE_PUNCTUATION = str.maketrans("", "", "+.-/()")  # as phone numbers get written


@dataclass(frozen=True)
class MemberFilters:
    college: College | None = None
    statuses: frozenset[MemberStatus] | None = ACTIVE_ONLY  # None: every status
    seat: Seat | None = None
    role: str | None = None  # a role code, ANY_ROLE, or None for everyone
    show_archived: bool = False


def search_terms(text: str) -> tuple[str, ...]:
    """The words searched for, folded. A phone number is looked for as its digits, its
    groups together: "06 12", "06.12" and "+33 6 12" find "06 12 34 56 78" but not
    "06 34 12 …" (keys hold a phone's digits, in international and national form)."""
    terms: list[str] = []
    after_digits = False
    for word in fold(text).split():
        digits = word.translate(_PHONE_PUNCTUATION)
        if digits.isdigit():
            if after_digits:
                terms[-1] += digits
            else:
                terms.append(digits)
            after_digits = True
        else:
            terms.append(word)
            after_digits = False
    return tuple(terms)


def both(first: Mask | None, second: Mask | None) -> Mask | None:
    """The rows passing both masks (None passes everything)."""
    if first is None or second is None:
        return second if first is None else first
    return _and(first, second)


def _and(first: Mask, second: Mask) -> Mask:
    size = len(first)
    return (int.from_bytes(first, "big") & int.from_bytes(second, "big")).to_bytes(size, "big")


class MemberIndex:
    """Which rows are shown, in which order, for one loaded :class:`MemberList`."""

    def __init__(self, listing: ml.MemberList, filters: MemberFilters | None = None,
                 search: str = "", sort_key: str | None = None, descending: bool = False,
                 extras: dict[str, dict[int, Any]] | None = None) -> None:
        """The rows of ``listing`` as ``filters``, ``search`` and the order say (the
        shown rows are worked out once, not once per setting)."""
        self.listing = listing
        self.size = len(listing.rows)
        self._columns: dict[int, list[Any]] = {}
        self._extras: dict[str, list[Any]] = {}
        self._sort_values: dict[str, list[Any]] = {}
        self._orders: dict[tuple[str, bool], list[int]] = {}
        self._keys: list[str] | None = None
        self._terms: tuple[str, ...] = ()
        self._hits: Mask | None = None
        self._searches: dict[tuple[str, ...], Mask] = {}  # recent searches, oldest first
        self.shown: list[int] = []
        for key, by_id in (extras or {}).items():
            self.set_extra(key, by_id)
        self.filters = filters or MemberFilters()
        self._allowed = self._filter_mask(self.filters)
        self._terms = search_terms(search)
        if self._terms:
            self._hits = self._search_all(self._terms)
            self._remember(self._terms, self._hits)
        self.sort_key, self.descending = sort_key or NAME, descending
        self.order = self._order_for(self.sort_key, descending)
        self._refresh()

    # -- columns ---------------------------------------------------------------------

    def column(self, position: int) -> list[Any]:
        """One value of every row (cached)."""
        values = self._columns.get(position)
        if values is None:
            values = self._columns[position] = list(map(itemgetter(position), self.listing.rows))
        return values

    def set_extra(self, key: str, by_id: dict[int, Any]) -> None:
        """A column read on demand (:func:`~.member_list.extra_columns`), aligned on the rows."""
        self._extras[key] = list(map(by_id.get, self.column(ml.ID)))
        self._sort_values.pop(key, None)
        for cached in [k for k in self._orders if k[0] == key]:
            del self._orders[cached]

    def extra(self, key: str) -> list[Any] | None:
        return self._extras.get(key)

    # -- filters and search -------------------------------------------------------------

    def set_filters(self, filters: MemberFilters) -> None:
        self.filters = filters
        self._allowed = self._filter_mask(filters)
        self._refresh()

    def _filter_mask(self, filters: MemberFilters) -> Mask | None:
        masks: list[Mask] = []
        if filters.college is not None:
            masks.append(self._equal(ml.COLLEGE, ml.COLLEGES.index(filters.college)))
        if filters.seat is not None:
            masks.append(self._equal(ml.SEAT, ml.SEATS.index(filters.seat)))
        if filters.statuses is not None:
            wanted = {ml.STATUSES.index(status) for status in filters.statuses}
            masks.append(bytes(map(wanted.__contains__, self.column(ml.STATUS))))
        if filters.role is not None:
            holders = {pid for pid, codes in self.listing.roles.items()
                       if codes and (filters.role == ANY_ROLE or filters.role in codes)}
            masks.append(bytes(map(holders.__contains__, self.column(ml.ID))))
        if not filters.show_archived:
            masks.append(self._equal(ml.ARCHIVED, 0))
        allowed: Mask | None = None
        for mask in masks:
            allowed = both(allowed, mask)
        return allowed

    def _equal(self, position: int, value: int) -> Mask:
        return bytes(map(value.__eq__, self.column(position)))

    def search_changes(self, text: str) -> bool:
        """Whether ``text`` holds other words than the current search."""
        return search_terms(text) != self._terms

    def set_search(self, text: str) -> bool:
        """Show the rows whose key holds every word of ``text`` (accents and case
        ignored); False when the words did not change."""
        terms = search_terms(text)
        if terms == self._terms:
            return False
        previous, self._terms = self._terms, terms
        if not terms:
            self._hits = None
        elif terms in self._searches:  # a letter erased: found before
            self._hits = self._searches[terms]
        elif previous and self._hits is not None and _narrower(terms, previous):
            self._hits = self._search_within(terms, self._hits)
        else:
            self._hits = self._search_all(terms)
        if self._hits is not None:
            self._remember(terms, self._hits)
        self._refresh()
        return True

    def _remember(self, terms: tuple[str, ...], hits: Mask) -> None:
        self._searches[terms] = hits
        while len(self._searches) > SEARCHES_KEPT:
            del self._searches[next(iter(self._searches))]  # the oldest

    def search_keys(self) -> list[str]:
        """Every row's search key, built on the first search (or by the tab once the
        list is painted)."""
        if self._keys is None:
            self._keys = ml.search_keys(self.listing)
        return self._keys

    def _search_all(self, terms: Sequence[str]) -> Mask:
        """The longest word over every key, then the others over what it found."""
        keys = self.search_keys()
        longest = max(terms, key=len)
        hits = bytes(map(str.__contains__, keys, repeat(longest)))
        others = [term for term in terms if term is not longest]
        return self._search_within(others, hits) if others else hits

    def _search_within(self, terms: Sequence[str], previous: Mask) -> Mask:
        """The rows of ``previous`` whose key holds every word of ``terms``."""
        candidates = list(compress(range(self.size), previous))
        keys = self.search_keys()
        if len(candidates) * INCREMENTAL_SHARE > self.size:  # many: C-level passes
            hits = previous
            for term in terms:
                hits = _and(hits, bytes(map(str.__contains__, keys, repeat(term))))
            return hits
        found = bytearray(self.size)
        for position in candidates:
            key = keys[position]
            if all(term in key for term in terms):
                found[position] = 1
        return bytes(found)

    # -- order -----------------------------------------------------------------------

    def sort(self, key: str | None, descending: bool = False) -> None:
        """Order by a column (None: by name); equal values keep the name order."""
        self.sort_key, self.descending = key or NAME, descending
        self.order = self._order_for(self.sort_key, descending)
        self._refresh()

    def _order_for(self, key: str, descending: bool) -> list[int]:
        cached = self._orders.get((key, descending))
        if cached is not None:
            return cached
        if key == NAME:
            order = list(range(self.size - 1, -1, -1) if descending else range(self.size))
        else:
            values = self.sort_values(key)
            if values is None:
                return list(range(self.size))
            order = list(compress(range(self.size), map(is_not, values, repeat(None))))
            order.sort(key=values.__getitem__, reverse=descending)
            if len(order) < self.size:  # empty cells last, whatever the direction
                order += compress(range(self.size), map(is_, values, repeat(None)))
        self._orders[(key, descending)] = order
        return order

    def sort_values(self, key: str) -> list[Any] | None:
        """What each row sorts by in a column (None when empty or not read yet)."""
        values = self._sort_values.get(key)
        if values is None:
            make = _SORT_VALUES.get(key)
            if make is None:
                return None
            values = make(self)
            if values is None:
                return None
            self._sort_values[key] = values
        return values

    # -- what is shown -------------------------------------------------------------------

    def _refresh(self) -> None:
        mask = both(self._allowed, self._hits)
        if mask is None:
            self.shown = list(self.order)
        else:
            self.shown = list(compress(self.order, map(mask.__getitem__, self.order)))

    def total(self) -> int:
        """The members in the register: archived ones count only while shown."""
        if self.filters.show_archived:
            return self.size
        return self.size - sum(self.column(ml.ARCHIVED))

    def shown_ids(self) -> list[int]:
        ids = self.column(ml.ID)
        return [ids[position] for position in self.shown]


def _narrower(terms: Sequence[str], previous: Sequence[str]) -> bool:
    """True when whatever ``terms`` find, ``previous`` found too."""
    return all(any(old in new for new in terms) for old in previous)


def _folded_values(values: Sequence[str | None]) -> list[str | None]:
    """Folded text (None when empty), each distinct value folded once."""
    table = {value: (fold(value) or None) for value in set(values)}
    return list(map(table.__getitem__, values))


def _roles(index: MemberIndex) -> list[Any]:
    listing = index.listing
    table = {pid: fold(listing.role_text(pid)) or None for pid in listing.roles}
    return list(map(table.get, index.column(ml.ID)))


def _organisations(index: MemberIndex) -> list[Any]:
    table = {org_id: fold(name) or None for org_id, name in index.listing.organisations.items()}
    return list(map(table.get, index.column(ml.ORGANISATION)))


def _none_if_empty(values: Sequence[Any] | None) -> list[Any] | None:
    """The values, with empty text as None (sorted last)."""
    if values is None:
        return None
    if "" not in values:
        return list(values)
    return [value or None for value in values]


def _extra_folded(key: str) -> Callable[[MemberIndex], Any]:
    def make(index: MemberIndex) -> Any:
        values = index.extra(key)
        return None if values is None else _folded_values(values)
    return make


def _extra_raw(key: str) -> Callable[[MemberIndex], Any]:
    return lambda index: _none_if_empty(index.extra(key))


def _emails(index: MemberIndex) -> list[Any] | None:
    values = index.extra("email")
    return None if values is None else [value.lower() if value else None for value in values]


_SORT_VALUES: dict[str, Callable[[MemberIndex], list[Any] | None]] = {
    "first_name": lambda index: _folded_values(index.column(ml.FIRST_NAME)),
    "college": lambda index: index.column(ml.COLLEGE),
    "seat": lambda index: index.column(ml.SEAT),
    "status": lambda index: index.column(ml.STATUS),
    "roles": _roles,
    "organisation": _organisations,
    "phone": lambda index: _none_if_empty(index.column(ml.PHONE)),
    "email": _emails,
    "city": _extra_folded("city"),
    "joined_on": _extra_raw("joined_on"),
    "mandate_end_on": _extra_raw("mandate_end_on"),
    "status_since": _extra_raw("status_since"),
    "designation": lambda index: index.extra("designation"),
}
