// The window's languages: under LANGUAGE=de the menus, the composer's findings (built in core) and the
// queue speak German; the .ts files are complete and keep every placeholder and accelerator; English
// says "1 post" / "2 posts" (its plural forms come from clipqueue_en.ts). Saves the German window.
#include "BackendHarness.h"
#include "TestFixtures.h"
#include "bulk/BulkImportDialog.h"
#include "composer/ComposerPage.h"
#include "composer/FindingsModel.h"
#include "composer/MediaProbeQueue.h"
#include "media/MediaProber.h"
#include "queue/QueueText.h"
#include "queue/RescheduleDialog.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace cq;
using namespace cq::test;

namespace {

// One message of a .ts file: its source and each translation form (one, or one per plural form).
struct TsMessage {
    QString context;
    QString source;
    QStringList forms;
    bool unfinished = false;
};

QList<TsMessage> readTs(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QList<TsMessage> messages;
    QString context;
    bool numerus = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
            messages.append({context, {}, {}, false});
        } else if (xml.name() == u"source") {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            messages.last().unfinished =
                xml.attributes().hasAttribute(QLatin1StringView("type")); // unfinished, vanished...
            if (!numerus) {
                messages.last().forms << xml.readElementText();
            }
        } else if (xml.name() == u"numerusform") {
            messages.last().forms << xml.readElementText();
        }
    }
    if (xml.hasError()) {
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    }
    return messages;
}

// "%1", "%n", "%Ln" ... in order of their number, each as often as it appears.
QStringList placeholders(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("%L?(?:[1-9]|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        found << it.next().captured();
    }
    found.sort();
    return found;
}

// Accelerators: '&' before a character, not "&&" (a literal ampersand) nor an HTML entity ("&amp;").
int accelerators(const QString &text) {
    static const QRegularExpression entity(QStringLiteral("&[a-z]+;|&&"));
    return int(QString(text).remove(entity).count(u'&'));
}

QString translationsFolder() {
    return QStringLiteral(CLIPQUEUE_SOURCE_DIR "/translations");
}

void removeTranslators() {
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void germanMenusAndFindings();
    void tsFilesAreCompleteAndKeepPlaceholders_data();
    void tsFilesAreCompleteAndKeepPlaceholders();
    void englishSaysOnePostAndTwoPosts();
    void germanPluralForms();
    void cleanup();

private:
    MediaProber m_prober;
};

void TestTranslations::cleanup() {
    removeTranslators();
}

// main() set LANGUAGE=de before the application read the system locale, as a German desktop does.
void TestTranslations::germanMenusAndFindings() {
    QCOMPARE(QLocale::system().uiLanguages().value(0), QStringLiteral("de"));
    ui::installTranslators(*qApp);
    BackendHarness::Options options;
    options.approvalRequired = true; // a post in review for the Review page
    BackendHarness harness(options);
    QVERIFY2(harness.start(), qPrintable(harness.why()));
    QVERIFY(harness.submitted(QStringLiteral("Herbstkollektion #mode"),
                              QDateTime::currentDateTimeUtc().addDays(2)));
    QVERIFY(harness.draft(QStringLiteral("Ein Entwurf mit einer langen Beschreibung")));
    ui::MainWindow window(harness.backend(), m_prober);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QStringList menus;
    for (QAction *action : window.menuBar()->actions()) {
        menus << action->text();
    }
    QCOMPARE(menus, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Beitrag"),
                                 QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));

    // A landscape video without privacy: core's validator words both findings in German.
    window.showPage(ui::MainWindow::Page::Compose);
    window.addFiles({fixturePath(QStringLiteral("landscape.mp4"))});
    QTRY_COMPARE_WITH_TIMEOUT(window.composer()->probeQueue()->pending(), 0, 15000);
    const ui::FindingsModel *findings = window.composer()->findingsModel();
    const auto allMessages = [findings] {
        QStringList messages;
        for (int row = 0; row < findings->rowCount(); ++row) {
            messages << findings->index(row).data(Qt::DisplayRole).toString();
        }
        return messages.join(u'\n');
    };
    // The video's findings come once it is read: the landscape one says so in German.
    QTRY_VERIFY2_WITH_TIMEOUT(allMessages().contains(u"(Querformat)"), qPrintable(allMessages()), 15000);
    QVERIFY2(allMessages().contains(u"landscape.mp4 hat "), qPrintable(allMessages()));
    QVERIFY2(allMessages().contains(u"Wählen Sie, wer diesen Beitrag sehen kann"), qPrintable(allMessages()));
    QTest::qWait(200); // the thumbnail's first paint
    QVERIFY(window.grab().save(screenshotPath(QStringLiteral("german-composer"))));

    // Every page, to look at: German runs a third longer than English and must not be cut off.
    const std::pair<ui::MainWindow::Page, QString> pages[] = {
        {ui::MainWindow::Page::Queue, QStringLiteral("german-queue")},
        {ui::MainWindow::Page::Review, QStringLiteral("german-review")},
        {ui::MainWindow::Page::Accounts, QStringLiteral("german-accounts")},
        {ui::MainWindow::Page::Calendar, QStringLiteral("german-calendar")},
        {ui::MainWindow::Page::Welcome, QStringLiteral("german-welcome")},
    };
    for (const auto &[page, name] : pages) {
        window.showPage(page);
        QTest::qWait(500); // the page's first data and thumbnails
        QVERIFY(window.grab().save(screenshotPath(name)));
    }
    ui::SettingsDialog settings(harness.backend());
    settings.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settings));
    QVERIFY(settings.grab().save(screenshotPath(QStringLiteral("german-settings"))));
    ui::BulkImportDialog bulk(harness.backend());
    bulk.addPaths(
        {fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("landscape.mp4"))});
    bulk.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bulk));
    QTest::qWait(1000); // the plan's check
    QVERIFY(bulk.grab().save(screenshotPath(QStringLiteral("german-bulkimport"))));
    ui::RescheduleDialog reschedule(3);
    reschedule.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reschedule));
    QVERIFY(reschedule.grab().save(screenshotPath(QStringLiteral("german-reschedule"))));
}

void TestTranslations::tsFilesAreCompleteAndKeepPlaceholders_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("German") << QStringLiteral("clipqueue_de.ts") << 2;
    QTest::newRow("English plurals") << QStringLiteral("clipqueue_en.ts") << 2;
}

void TestTranslations::tsFilesAreCompleteAndKeepPlaceholders() {
    QFETCH(QString, file);
    QFETCH(int, pluralForms);
    const QList<TsMessage> messages = readTs(QDir(translationsFolder()).filePath(file));
    QVERIFY(!messages.isEmpty());
    for (const TsMessage &message : messages) {
        const QByteArray where = (message.context + u": " + message.source).toUtf8();
        QVERIFY2(!message.unfinished, where.constData());
        const bool plural = message.source.contains(u"%n") || message.source.contains(u"%Ln");
        QVERIFY2(message.forms.size() == (plural ? pluralForms : 1), where.constData());
        for (const QString &form : message.forms) {
            const QByteArray both = where + " -> " + form.toUtf8();
            QVERIFY2(!form.isEmpty(), where.constData());
            QVERIFY2(placeholders(form) == placeholders(message.source), both.constData());
            QVERIFY2(accelerators(form) == accelerators(message.source), both.constData());
        }
    }
}

// A language ClipQueue does not speak falls back to English, with its plural forms.
void TestTranslations::englishSaysOnePostAndTwoPosts() {
    ui::installTranslators(*qApp, QLocale(QLocale::French, QLocale::France));
    QCOMPARE(ui::QueueText::findingsSummary(1, 2), QStringLiteral("1 error, 2 warnings"));
    QCOMPARE(ui::QueueText::mediaSummary(0, 1, 0), QStringLiteral("1 photo"));
    for (const auto &[count, text] : {std::pair{1, QStringLiteral("Moves 1 post 1 hour later.")},
                                      std::pair{2, QStringLiteral("Moves 2 posts 1 hour later.")}}) {
        ui::RescheduleDialog dialog(count);
        const auto *summary = dialog.findChild<QLabel *>(QStringLiteral("rescheduleSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().startsWith(text), qPrintable(summary->text()));
    }
}

void TestTranslations::germanPluralForms() {
    ui::installTranslators(*qApp, QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(ui::QueueText::findingsSummary(1, 2), QStringLiteral("1 Fehler, 2 Warnungen"));
    QCOMPARE(ui::QueueText::mediaSummary(0, 3, 0), QStringLiteral("3 Fotos"));
    ui::RescheduleDialog dialog(1);
    dialog.findChild<QSpinBox *>(QStringLiteral("offsetAmount"))->setValue(3);
    const auto *summary = dialog.findChild<QLabel *>(QStringLiteral("rescheduleSummary"));
    QVERIFY2(summary->text().startsWith(u"Verschiebt 1 Beitrag um 3 Stunden nach hinten."),
             qPrintable(summary->text()));
}

int main(int argc, char *argv[]) {
    // A German desktop session's language and formats; read once, when the application starts.
    qputenv("LANGUAGE", "de");
    qputenv("LC_ALL", "de_DE.UTF-8");
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
