#include "composer/PaletteTones.h"

#include <QLabel>

namespace cq::ui {

namespace {
// A hue at a lightness that contrasts with the palette's base (dark text on light, light on dark).
QColor toneOn(const QPalette &palette, int hue) {
    const bool darkTheme = palette.color(QPalette::Base).lightnessF() < 0.5;
    return QColor::fromHslF(hue / 360.0, 0.65, darkTheme ? 0.70 : 0.38);
}
} // namespace

QColor errorTone(const QPalette &palette) {
    return toneOn(palette, 0);
}

QColor okTone(const QPalette &palette) {
    return toneOn(palette, 125);
}

void setTextTone(QLabel *label, const QColor &color) {
    if (!color.isValid()) {
        label->setPalette(QPalette());
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace cq::ui
