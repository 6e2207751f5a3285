#pragma once

#include <QColor>
#include <QPalette>

class QLabel;

namespace cq::ui {

// Text colours for "something is wrong" and "all good" that follow the palette: QPalette has no
// error or success role, so the hue is fixed and the lightness is picked against the palette's base,
// readable on a light theme and on a dark one alike. Never the only signal: the words say it too.
QColor errorTone(const QPalette &palette);
QColor okTone(const QPalette &palette);

// Colours a label's text, or gives it back its inherited colour with an invalid `color`.
void setTextTone(QLabel *label, const QColor &color);

} // namespace cq::ui
