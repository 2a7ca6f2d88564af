"""Themes: message colours that stay readable when the operator switches to the dark theme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from siaga_console.ui.theme import TONES, apply_theme, set_tone, tone


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_a_toned_label_follows_a_theme_switch(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    error, ok = QLabel("Nomor tidak valid"), QLabel("Tersimpan")
    plain = QLabel("Biasa")
    for w in (error, ok, plain):
        qtbot.addWidget(w)
    try:
        apply_theme(qapp, "light")
        set_tone(error, "error")
        set_tone(ok, "ok", bold=True)
        assert TONES["error"][0] in error.styleSheet()
        assert TONES["ok"][0] in ok.styleSheet() and "bold" in ok.styleSheet()

        apply_theme(qapp, "dark")  # the switch from the View menu, windows already open
        assert TONES["error"][1] in error.styleSheet() and tone("error") == TONES["error"][1]
        assert TONES["ok"][1] in ok.styleSheet() and "bold" in ok.styleSheet()
        assert plain.styleSheet() == ""

        set_tone(error, None)  # back to the palette's colour, and stays so
        apply_theme(qapp, "light")
        assert error.styleSheet() == "" and TONES["ok"][0] in ok.styleSheet()
    finally:
        apply_theme(qapp, "light")


def test_every_tone_is_readable_on_its_theme(qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        for theme, index in (("light", 0), ("dark", 1)):
            apply_theme(qapp, theme)
            window = qapp.palette().color(QPalette.ColorRole.Window)
            for name, colours in TONES.items():
                ratio = contrast(QColor(colours[index]), window)
                assert ratio >= 4.0, f"{name} on {theme}: {ratio:.2f}"
    finally:
        apply_theme(qapp, "light")
