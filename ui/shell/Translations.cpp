#include "shell/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cq::ui {

namespace {

void install(QCoreApplication &app, const QString &name, const QString &directory) {
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale::system(), name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
    } else {
        delete translator;
    }
}

} // namespace

void installTranslators(QCoreApplication &app) {
    // Qt's own strings (standard buttons, context menus) first, so ClipQueue's win where both exist.
    install(app, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(app, QStringLiteral("clipqueue"), QStringLiteral(":/i18n"));
}

} // namespace cq::ui
