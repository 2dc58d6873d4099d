"""The Profile page: applicant, countries, the yes/no questions that scope the questionnaire,
optional modules (clearly labelled as rescinded stretch goals) and the sites.

Each edit builds a new, validated ``Profile`` and hands it to the session (undoable); an edit the
model refuses (e.g. a malformed site id) is explained in a message line and not recorded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from veu_assess.model.assessment import MAX_SHORT, SITE_ID, Profile, Site
from veu_assess.ui.a11y import Heading, strip_mnemonic
from veu_assess.ui.answer_choice import guard_wheel
from veu_assess.ui.country_combo import CountryCombo
from veu_assess.ui.framing_panel import FramingPanel
from veu_assess.ui.session import Session
from veu_assess.ui.widgets import date_edit, error_style, invalid_field_style
from veu_assess.ui.widgets import wrapped_label as _label

# The widest a profile label gets before it wraps (a third of the page at 1024×700).
LABEL_WIDTH = 300


class ProfilePage(QScrollArea):
    def __init__(self, session: Session, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang, self._loading = session, lang, False
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Applicant profile"))
        catalog = session.catalog
        countries = sorted(catalog.header.countries, key=lambda c: c.name.get(lang))

        self.title = QLineEdit()
        self.title.setMaxLength(MAX_SHORT)
        self.title.setAccessibleName(self.tr("Assessment title"))
        self.title.setPlaceholderText(self.tr("e.g. Tokyo campus, first VEU application"))
        self.title.textEdited.connect(lambda _t: self._details_edited("title"))
        self.date = date_edit()
        self.date.setAccessibleName(self.tr("Assessment date"))
        self.date.dateChanged.connect(lambda _d: self._details_edited("date"))
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_SHORT)  # the file format's limit: typing stops there
        self.name.setAccessibleName(self.tr("Applicant name"))
        self.name.textEdited.connect(lambda t: self._commit("name", applicant_name=t))
        self.destination = self._country_combo(countries, self.tr("Destination country"))
        self.destination.activated.connect(
            lambda _i: self._commit(None, destination_country=self.destination.currentData())
        )
        self.parent_hq = self._country_combo(countries, self.tr("Country of the ultimate parent's headquarters"))
        self.parent_hq.activated.connect(lambda _i: self._commit(None, parent_hq_country=self.parent_hq.currentData()))
        self.flags: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._row(form, self.tr("Assessment title:"), self.title)
        self._row(form, self.tr("Assessment date:"), self.date)
        self._row(form, self.tr("App&licant name:"), self.name)
        self._row(form, self.tr("Destination co&untry:"), self.destination)
        self._row(form, self.tr("Ultimate parent head&quartered in:"), self.parent_hq)
        questions = (
            ("sells_compute_to_third_parties", self.tr("Sells &compute to third parties (IaaS)?")),
            ("hosts_model_training", self.tr("Hosts AI &model training?")),
            ("has_government_ownership", self.tr("Any government o&wnership or control?")),
        )
        for field, text in questions:
            combo = QComboBox()
            for label, value in (
                (self.tr("Not answered"), None),
                (self.tr("Yes"), True),
                (self.tr("No"), False),
            ):
                combo.addItem(label, value)
            combo.setAccessibleName(strip_mnemonic(text))  # ja "(&C)" read out as "C" otherwise
            combo.activated.connect(lambda _i, f=field, c=combo: self._commit(None, **{f: c.currentData()}))
            self.flags[field] = combo
            self._row(form, text, combo)

        modules_box = QGroupBox(self.tr("Optional modules"))
        modules_layout = QVBoxLayout(modules_box)
        self.modules: dict[str, QCheckBox] = {}
        for module in catalog.header.modules:
            check = QCheckBox(module.title.get(lang))
            check.setAccessibleName(module.title.get(lang))
            check.toggled.connect(self._modules_edited)
            self.modules[module.id] = check
            modules_layout.addWidget(check)
            note = _label(
                module.description.get(lang)
                + "\n"
                + self.tr("Kept apart: never counts in the VEU readiness score.")
            )
            modules_layout.addWidget(note)

        self.error = _label("")
        self.error.setStyleSheet(error_style())
        self.error.hide()

        content = QWidget()
        layout = QVBoxLayout(content)
        # The honest framing comes first (what the score means, which text is assumed, dates).
        self.framing = FramingPanel(catalog, session.document.assessment, lang)
        layout.addWidget(self.framing)
        layout.addWidget(Heading(self.tr("Applicant profile"), 1.4))  # a heading to a screen reader too
        layout.addWidget(_label(self.tr("The profile decides which sections and requirements apply.")))
        layout.addLayout(form)
        layout.addWidget(self.error)  # under the fields it is about, not below the sites
        layout.addWidget(modules_box)
        layout.addWidget(self._sites_box(countries))
        layout.addStretch(1)
        self.setWidget(content)
        guard_wheel(content)  # scrolling the page over a country or yes/no choice never changes it
        session.profileChanged.connect(self.load)
        self.load()

    def page_title(self) -> str:
        return self.tr("Profile")

    def _country_combo(self, countries: list[Any], name: str) -> CountryCombo:
        """Typed into in any language (name, English name or code), never holding a non-country;
        a refused text is explained under the fields it belongs to."""
        combo = CountryCombo(countries, self.lang, self.tr("(not chosen)"), name)
        combo.refused.connect(lambda message, c=combo: self._refused(c, message))
        return combo

    def _refused(self, combo: CountryCombo, message: str) -> None:
        error = self.site_error if combo is getattr(self, "site_country", None) else self.error
        error.setText(message)
        error.show()
        self.ensureWidgetVisible(error)

    def _row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = _label(text)
        label.setTextFormat(Qt.TextFormat.AutoText)
        label.setBuddy(widget)
        # A wrapping label's size hint is narrower than its text: Qt broke "最終親会社の本社所在国"
        # after 所在 with room to spare. One line up to LABEL_WIDTH; only a longer label wraps.
        one_line = label.fontMetrics().horizontalAdvance(text.replace("&", "")) + 2  # "(&L)" shows "(L)"
        label.setMinimumWidth(min(one_line, LABEL_WIDTH))
        form.addRow(label, widget)

    def _sites_box(self, countries: list[Any]) -> QGroupBox:
        box = QGroupBox(self.tr("Sites (data centers the authorization would name)"))
        self.sites = QListWidget()
        self.sites.setAccessibleName(self.tr("Sites"))
        self.sites.currentRowChanged.connect(self._site_selected)
        self.add_site_button = QPushButton(self.tr("&Add site"))
        self.add_site_button.setAccessibleName(self.tr("Add a site"))
        self.add_site_button.clicked.connect(self.add_site)
        self.remove_site_button = QPushButton(self.tr("Rem&ove site"))
        self.remove_site_button.setAccessibleName(self.tr("Remove the selected site"))
        self.remove_site_button.clicked.connect(self.remove_site)
        self.site_id = QLineEdit()
        self.site_id.setAccessibleName(self.tr("Site id"))
        self.site_id.setToolTip(self.tr("Lower-case letters, digits and hyphens, e.g. tokyo-1"))
        self.site_name = QLineEdit()
        self.site_name.setMaxLength(MAX_SHORT)  # the file format's limit: typing stops there
        self.site_name.setAccessibleName(self.tr("Site name"))
        self.site_address = QLineEdit()
        self.site_address.setMaxLength(MAX_SHORT)  # the file format's limit: typing stops there
        self.site_address.setAccessibleName(self.tr("Site address"))
        self.site_country = self._country_combo(countries, self.tr("Site country"))
        # The id is committed when the field is left (renaming a site moves its answers); name and
        # address as they are typed (nothing is lost on Save or Close), trimmed when left.
        for w in (self.site_id, self.site_name, self.site_address):
            w.editingFinished.connect(self._site_edited)
        self.site_name.textEdited.connect(lambda _t: self._site_edited("site-name", strip=False))
        self.site_address.textEdited.connect(lambda _t: self._site_edited("site-address", strip=False))
        self.site_country.activated.connect(lambda _i: self._site_edited())
        self.site_error = _label("")
        self.site_error.setStyleSheet(error_style())
        self.site_error.hide()
        detail = QFormLayout()
        detail.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._row(detail, self.tr("Site i&d:"), self.site_id)
        self._row(detail, self.tr("S&ite name:"), self.site_name)
        self._row(detail, self.tr("Addre&ss:"), self.site_address)
        self._row(detail, self.tr("Countr&y:"), self.site_country)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_site_button)
        buttons.addWidget(self.remove_site_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.sites)
        layout.addLayout(buttons)
        layout.addLayout(detail)
        layout.addWidget(self.site_error)  # beside the fields it is about, not below the page
        return box

    # --- model -> widgets ----------------------------------------------------------------
    def load(self) -> None:
        """Show the model. Nothing is rebuilt: the site list is updated in place and a field is
        written only when its text differs, so the widget holding the focus keeps it (and its
        cursor) while the user types and tabs through the page."""
        a = self.session.document.assessment
        p = a.profile
        self._loading = True
        try:
            if self.title.text() != a.title:
                self.title.setText(a.title)
            if self._date() != a.assessment_date:
                d = a.assessment_date
                self.date.setDate(QDate(d.year, d.month, d.day))
            if self.name.text() != p.applicant_name:
                self.name.setText(p.applicant_name)
            self.destination.setCurrentIndex(max(0, self.destination.findData(p.destination_country)))
            self.parent_hq.setCurrentIndex(max(0, self.parent_hq.findData(p.parent_hq_country)))
            for field, combo in self.flags.items():
                combo.setCurrentIndex({None: 0, True: 1, False: 2}[getattr(p, field)])
            for mid, check in self.modules.items():
                check.setChecked(mid in p.modules)
            row = self.sites.currentRow()
            texts = [f"{s.name} ({s.id})" for s in p.sites]
            self.sites.blockSignals(True)  # a passing "no row" must not disable the focused field
            while self.sites.count() > len(texts):
                self.sites.takeItem(self.sites.count() - 1)
            for i, text in enumerate(texts):
                if i < self.sites.count():
                    item = self.sites.item(i)
                    if item.text() != text:
                        item.setText(text)
                else:
                    self.sites.addItem(text)
            self.sites.setCurrentRow(min(max(row, 0), len(p.sites) - 1) if p.sites else -1)
            self.sites.blockSignals(False)
        finally:
            self._loading = False
        self._site_selected(self.sites.currentRow())

    def _site_selected(self, row: int) -> None:
        sites = self.session.document.assessment.profile.sites
        site = sites[row] if 0 <= row < len(sites) else None
        self._loading = True
        for w in (
            self.site_id,
            self.site_name,
            self.site_address,
            self.site_country,
            self.remove_site_button,
        ):
            if w.isEnabled() != (site is not None):
                w.setEnabled(site is not None)
        for edit, text in (
            (self.site_id, site.id if site else ""),
            (self.site_name, site.name if site else ""),
            (self.site_address, site.address if site else ""),
        ):
            # The field being typed in keeps its text (it may hold a space the model trims later).
            if edit.text() != text and not (edit.hasFocus() and edit.text().strip() == text):
                edit.setText(text)
        self.site_country.setCurrentIndex(max(0, self.site_country.findData(site.country)) if site else 0)
        self._loading = False

    def _explain(self, exc: ValidationError) -> str:
        """What the operator can do about a refused profile edit, in the interface language (the
        validator's own words are English and technical)."""
        err = exc.errors()[0]
        field = str(err["loc"][-1]) if err["loc"] else ""
        if field == "id":
            return self.tr("a site id is 1 to 40 lower-case letters, digits or hyphens, starting with a "
                           "letter or digit (e.g. tokyo-1)")
        if field == "name":
            return self.tr("every site needs a name")
        if "unique" in str(err["msg"]):
            return self.tr("two sites cannot have the same id")
        return str(err["msg"])

    # --- widgets -> model ----------------------------------------------------------------
    def _commit(self, merge_tag: str | None, error: QLabel | None = None, **changes: Any) -> bool:
        if self._loading:
            return True
        error = error or self.error
        current = self.session.document.assessment.profile
        try:
            profile = Profile.model_validate({**current.model_dump(), **changes})
        except ValidationError as exc:
            error.setText(self.tr("Not saved: {problem}").format(problem=self._explain(exc)))
            error.show()
            return False
        for label in (self.error, self.site_error):
            label.hide()
        self.session.set_profile(profile, merge_tag)
        return True

    def _details_edited(self, merge_tag: str) -> None:
        if not self._loading:
            self.session.set_details(self.title.text(), self._date(), merge_tag)

    def _date(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    def _modules_edited(self) -> None:
        self._commit(None, modules=[mid for mid, check in self.modules.items() if check.isChecked()])

    def _sites_dump(self) -> list[dict[str, Any]]:
        return [s.model_dump() for s in self.session.document.assessment.profile.sites]

    def add_site(self) -> None:
        used = {s["id"] for s in self._sites_dump()}
        n = len(used) + 1
        while f"site-{n}" in used:
            n += 1
        site = Site(id=f"site-{n}", name=self.tr("Site {n}").format(n=n))
        if self._commit(None, sites=[*self._sites_dump(), site.model_dump()]):
            self.sites.setCurrentRow(self.sites.count() - 1)
            # Selected, so typing replaces the suggested id: a keyboard run typed "tokyo-1" after
            # the cursor and got "site-1tokyo-1" (Tab into the name selects it; this did not).
            self.site_id.setFocus(Qt.FocusReason.TabFocusReason)
            self.site_id.selectAll()

    def remove_site(self) -> None:
        row, sites = self.sites.currentRow(), self._sites_dump()
        if 0 <= row < len(sites):
            del sites[row]
            self._commit(None, sites=sites)

    def _site_edited(self, merge_tag: str | None = None, strip: bool = True) -> None:
        row, sites = self.sites.currentRow(), self._sites_dump()
        if self._loading or not 0 <= row < len(sites):
            return

        def text(edit: QLineEdit) -> str:
            return edit.text().strip() if strip else edit.text()

        site = {
            "id": self.site_id.text().strip(),
            "name": text(self.site_name),
            "address": text(self.site_address),
            "country": self.site_country.currentData(),
        }
        if site == sites[row]:
            return
        sites[row] = site
        ok = self._commit(merge_tag, error=self.site_error, sites=sites)
        others = [s["id"] for i, s in enumerate(sites) if i != row]
        bad = not ok and (not SITE_ID.match(site["id"]) or site["id"] in others)  # the id is what is wrong
        self.site_id.setStyleSheet(invalid_field_style() if bad else "")
        nameless = not ok and not bad and not site["name"].strip()  # "every site needs a name"
        self.site_name.setStyleSheet(invalid_field_style() if nameless else "")
        if not ok:  # the message sits under the site fields: bring it into view with the field
            self.ensureWidgetVisible(self.site_error)
