#pragma once

#include <QLocale>

class QCoreApplication;

namespace cq::ui {

// Installs Qt's own translations and ClipQueue's for the user's languages (the system locale reads
// LANGUAGE, then LC_ALL, LC_MESSAGES and LANG), where there are any; English otherwise, with its
// plural forms ("1 post", "2 posts").
void installTranslators(QCoreApplication &app, const QLocale &locale = QLocale::system());

} // namespace cq::ui
