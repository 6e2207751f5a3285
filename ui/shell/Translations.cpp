#include "shell/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cq::ui {

namespace {

const QString clipQueueTranslations = QStringLiteral(":/i18n");

bool install(QCoreApplication &app, const QLocale &locale, const QString &name, const QString &directory) {
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

} // namespace

void installTranslators(QCoreApplication &app, const QLocale &locale) {
    // Qt's own strings (standard buttons, context menus) first, so ClipQueue's win where both exist.
    install(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (install(app, locale, QStringLiteral("clipqueue"), clipQueueTranslations)) {
        return;
    }
    // A language ClipQueue does not speak (or the C locale): English, whose sources still need
    // clipqueue_en for their plural forms ("1 post", "2 posts" from "%n post(s)").
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral("clipqueue_en"), clipQueueTranslations)) {
        QCoreApplication::installTranslator(english);
    } else {
        delete english;
    }
}

} // namespace cq::ui
