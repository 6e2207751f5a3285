// Compiled into every test of the window (clipqueue_add_test adds it where clipqueue_ui is linked):
// the app always installs its translators (app/main.cpp), and the window's English takes its plural
// forms ("1 post", "2 posts") from them, so the tests install the English ones as the app starts.
#include "shell/Translations.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

void installEnglish() {
    cq::ui::installTranslators(*QCoreApplication::instance(),
                               QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglish)
