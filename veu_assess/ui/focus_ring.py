"""A 2 px focus ring around whatever has the keyboard focus, in a colour that stands out.

The platform styles draw a 1 px dotted or faint focus frame (and none at all on some widgets), so a
keyboard user could lose the focus on a page. WCAG 2.2 success criterion 2.4.13 (focus appearance)
asks for an indicator at least 2 CSS px thick around the control with a contrast of at least 3:1
between its focused and unfocused pixels. The ring is drawn just outside the focused widget (1 px
gap, 2 px line) on a layer above the window, clipped to the scroll areas the widget sits in; its
colour is the palette's highlight made darker (light themes) or lighter (dark themes) until it
reaches 4.5:1 against the window and base colours. It is a QFocusFrame, which Qt leaves out of
the accessibility tree, so a screen reader never meets it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFocusFrame, QWidget
from shiboken6 import isValid

WIDTH = 2  # px: WCAG 2.4.13's minimum thickness
GAP = 1  # px between the widget and the ring, so the ring never covers the widget's own border
TARGET = 4.5  # contrast aimed for (2.4.13 asks 3:1; the extra margin survives anti-aliasing and scaling)


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.x definition) of an sRGB colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1.0 to 21.0."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ring_colour(palette: QPalette) -> QColor:
    """The highlight colour, darkened or lightened until it contrasts with window and base."""
    group = QPalette.ColorGroup.Active
    backgrounds = [palette.color(group, QPalette.ColorRole.Window), palette.color(group, QPalette.ColorRole.Base)]
    colour = QColor(palette.color(group, QPalette.ColorRole.Highlight))
    dark_background = luminance(backgrounds[0]) < 0.18
    for _ in range(40):
        if min(contrast(colour, bg) for bg in backgrounds) >= TARGET:
            return colour
        colour = colour.lighter(112) if dark_background else colour.darker(112)
    return QColor(Qt.GlobalColor.white if dark_background else Qt.GlobalColor.black)


class FocusRing(QFocusFrame):
    """The ring of one window; ``FocusRings`` moves it to the focused widget."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("veuFocusRing")
        self.target: QWidget | None = None

    def place(self) -> None:
        """Put the ring around the target, clipped to the scroll areas' viewports it sits in."""
        target, window = self.target, self.parentWidget()
        if target is None or window is None or not isValid(target) or not target.isVisible():
            self.hide()
            return
        margin = GAP + WIDTH
        top_left = target.mapTo(window, target.rect().topLeft())
        frame = QRect(top_left, target.size()).adjusted(-margin, -margin, margin, margin)
        clip = window.rect()
        widget = target.parentWidget()
        while widget is not None and widget is not window:
            area = widget.parentWidget()
            if isinstance(area, QAbstractScrollArea) and area.viewport() is widget:
                clip = clip.intersected(QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size()))
            widget = area
        visible = frame.intersected(clip)
        if visible.isEmpty():
            self.hide()
            return
        self.setGeometry(frame)
        self.setMask(QRegion(visible.translated(-frame.topLeft())))
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(ring_colour(self.palette()), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        # The pen is centred on the line: inset by half its width, the ring fills the outer 2 px.
        painter.drawRect(self.rect().adjusted(WIDTH // 2, WIDTH // 2, -(WIDTH - WIDTH // 2), -(WIDTH - WIDTH // 2)))
        painter.end()


class FocusRings(QObject):
    """Follows the application's focus: the focused widget's window shows the ring around it, and
    the ring follows it when the widget or any of its parents moves, resizes or scrolls."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._watched: list[QWidget] = []
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._focus_changed)

    def ring(self) -> FocusRing | None:
        """The ring shown now (None when nothing has it): what the tests look at."""
        ring = self._ring
        return ring if ring is not None and isValid(ring) and ring.isVisible() else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for old in self._watched:
            if isValid(old):
                old.removeEventFilter(self)
        self._watched = []
        if self._ring is not None and isValid(self._ring):
            self._ring.hide()
            self._ring.target = None
        self._ring = None
        if new is None or new.isWindow():
            return
        window = new.window()
        if window.windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup:
            return  # a menu or a combo box's list: they show their own current item
        ring = window.findChild(FocusRing, "veuFocusRing", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(window)
        ring.target = new
        self._ring = ring
        widget: QWidget | None = new
        while widget is not None and widget is not window:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        ring.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._ring is not None and isValid(self._ring) and event.type() in (
            QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ParentChange
        ):
            self._ring.place()
        return super().eventFilter(watched, event)


_rings: FocusRings | None = None


def install(app: QApplication | None = None) -> FocusRings:
    """Start drawing the focus ring (once per application)."""
    global _rings
    if _rings is None:
        instance = app or QApplication.instance()
        assert isinstance(instance, QApplication)
        _rings = FocusRings(instance)
    return _rings
