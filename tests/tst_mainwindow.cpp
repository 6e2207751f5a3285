// The desktop app end to end, offscreen: the shell's navigation and shortcuts; a video dropped into
// the composer, scheduled, listed in the queue, published by the window's runner against the TikTok
// stand-in and shown as published with its link; a reviewer's request-changes / approve round trip;
// and a screenshot of every page.
#include "CliHarness.h"
#include "TestFixtures.h"
#include "TikTokStandIn.h"
#include "calendar/CalendarPage.h"
#include "composer/ComposerPage.h"
#include "composer/MediaProbeQueue.h"
#include "media/MediaProber.h"
#include "publish/WorkspaceSettings.h"
#include "queue/PostDetailsPanel.h"
#include "queue/QueueFilterBar.h"
#include "queue/QueuePage.h"
#include "review/ReviewPage.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "shell/MainWindow.h"

#include <QAbstractItemModel>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using cq::cli::ExitCode;
using cq::test::CliRun;
using cq::test::fixturePath;
using cq::test::runCli;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void navigatesByListAndShortcuts();
    void composedVideoIsPublishedAndLinked();
    void reviewerRequestsChangesThenApproves();
    void screenshotsOfEveryPage();
    void everyControlHasAnAccessibleName();

private:
    void start(bool approvalRequired, bool publish);
    void compose(const QString &caption, const QString &privacy = QStringLiteral("Only me"));
    // The queue row (in the table's model) whose caption column shows `caption`, or -1.
    int queueRow(const QString &caption) const;
    QString queueStatus(int row) const;
    template<typename T>
    T *widget(QWidget *in, const char *name) const;
    void saveScreenshot(QWidget *widget, const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cq::test::TikTokStandIn> m_standIn;
    MediaProber m_prober;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ui::MainWindow> m_window;
};

template<typename T>
T *TestMainWindow::widget(QWidget *in, const char *name) const {
    T *found = in->findChild<T *>(QLatin1StringView(name));
    if (!found) {
        qFatal("no widget named %s", name);
    }
    return found;
}

void TestMainWindow::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_standIn = std::make_unique<cq::test::TikTokStandIn>();
    qputenv("CLIPQUEUE_PROFILE_NAME", "ana");
    const CliRun imported = cq::test::connectStandInAccount(*m_standIn, m_dir->path());
    QVERIFY2(imported.exitCode == ExitCode::Success, qPrintable(imported.err));
}

void TestMainWindow::cleanup() {
    m_window.reset();
    m_backend.reset();
    m_standIn.reset();
    m_dir.reset();
}

void TestMainWindow::start(bool approvalRequired, bool publish) {
    {
        auto session = Session::open();
        QVERIFY(session.has_value());
        WorkspaceSettings settings((*session)->database());
        QVERIFY(settings.set(QStringLiteral("approval_required"),
                             approvalRequired ? QStringLiteral("true") : QStringLiteral("false")));
        QVERIFY(settings.set(QStringLiteral("default_time_zone"), QStringLiteral("Europe/Berlin")));
    }
    m_backend = std::make_unique<Backend>();
    m_window = std::make_unique<ui::MainWindow>(*m_backend, m_prober);
    Backend::Options options;
    options.publish = publish;
    options.pollInterval = std::chrono::milliseconds(100);
    m_backend->start(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->isReady(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_backend->accounts().isEmpty(), 10000);
}

void TestMainWindow::compose(const QString &caption, const QString &privacyLabel) {
    m_window->showPage(ui::MainWindow::Page::Compose);
    m_window->addFiles({fixturePath(QStringLiteral("vertical.mp4"))});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->composer()->probeQueue()->pending(), 0, 15000);
    widget<QPlainTextEdit>(m_window->composer(), "captionEdit")->setPlainText(caption);
    auto *privacy = widget<QComboBox>(m_window->composer(), "privacyCombo");
    privacy->setCurrentIndex(privacy->findText(privacyLabel));
    QTRY_VERIFY_WITH_TIMEOUT(widget<QPushButton>(m_window->composer(), "submitButton")->isEnabled(), 5000);
}

int TestMainWindow::queueRow(const QString &caption) const {
    const QAbstractItemModel *model = widget<QTableView>(m_window->queue(), "queueTable")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->index(row, column).data().toString().contains(caption)) {
                return row;
            }
        }
    }
    return -1;
}

QString TestMainWindow::queueStatus(int row) const {
    const QAbstractItemModel *model = widget<QTableView>(m_window->queue(), "queueTable")->model();
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == u"Status") {
            return model->index(row, column).data().toString();
        }
    }
    return {};
}

void TestMainWindow::saveScreenshot(QWidget *widget, const QString &name) const {
    const QString folder =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../screenshots"));
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png")));
}

void TestMainWindow::navigatesByListAndShortcuts() {
    start(false, false);
    auto *navigation = widget<QListWidget>(m_window.get(), "navigation");
    QCOMPARE(navigation->count(), 5);
    QCOMPARE(navigation->item(4)->text(), QStringLiteral("Calendar"));
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Compose"));
    QVERIFY(!navigation->accessibleName().isEmpty());
    for (int row = 0; row < navigation->count(); ++row) {
        // The theme's icon, else ClipQueue's own (with a white variant for the highlighted row).
        const QIcon icon = navigation->item(row)->icon();
        QVERIFY(!icon.pixmap(navigation->iconSize()).isNull());
        QVERIFY(!icon.pixmap(navigation->iconSize(), QIcon::Selected).isNull());
    }
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Compose);
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Queue);
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Review);
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Accounts);
    QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Calendar);
    // The calendar and the queue share one filter, set on either page.
    ui::QueueFilterBar *queueFilter = m_window->queue()->filterBar();
    ui::QueueFilterBar *calendarFilter = m_window->calendar()->filterBar();
    calendarFilter->findChild<QAbstractButton *>(QStringLiteral("statusFilterScheduled"))->click();
    QCOMPARE(queueFilter->filter().statuses, QList<PostStatus>{PostStatus::Scheduled});
    queueFilter->findChild<QAbstractButton *>(QStringLiteral("statusFilterAll"))->click();
    QVERIFY(calendarFilter->filter().statuses.isEmpty());
    navigation->setCurrentRow(0);
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Compose);
    // Every action in the menus has a shortcut people expect, or at least a name.
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (!action->isSeparator() && !action->text().isEmpty() && !action->menu()) {
            QVERIFY2(!action->objectName().isEmpty(), qPrintable(action->text()));
        }
    }
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("saveDraftAction"))->shortcut()
            == QKeySequence::Save);
}

void TestMainWindow::composedVideoIsPublishedAndLinked() {
    start(false, true);
    // Public: TikTok gives private posts no public id, so only a public post has a link.
    compose(QStringLiteral("Published from the window #e2e"), QStringLiteral("Everyone"));
    QCOMPARE(widget<QPushButton>(m_window->composer(), "submitButton")->text().remove(u'&'),
             QStringLiteral("Post now"));
    QTest::mouseClick(widget<QPushButton>(m_window->composer(), "submitButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->composer()->hasUnsavedChanges(), 15000);

    m_window->showPage(ui::MainWindow::Page::Queue);
    QTRY_VERIFY_WITH_TIMEOUT(queueRow(QStringLiteral("Published from the window")) >= 0, 10000);
    const int row = queueRow(QStringLiteral("Published from the window"));
    QTRY_COMPARE_WITH_TIMEOUT(queueStatus(queueRow(QStringLiteral("Published from the window"))),
                              QStringLiteral("Published"), 30000);
    QCOMPARE(m_standIn->initCount(), 1);

    auto *table = widget<QTableView>(m_window->queue(), "queueTable");
    table->selectRow(row);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (QLabel *label : m_window->details()->findChildren<QLabel *>()) {
                if (label->isVisible() && label->text().contains(u"tiktok.com/@ana.makes/video/")) {
                    return true;
                }
            }
            return false;
        }(),
        10000);
    QTest::qWait(600); // the status counts follow after a short pause
    saveScreenshot(m_window.get(), QStringLiteral("window-published"));
}

void TestMainWindow::reviewerRequestsChangesThenApproves() {
    start(true, false);
    compose(QStringLiteral("Needs a second look #review"));
    auto *submit = widget<QPushButton>(m_window->composer(), "submitButton");
    QCOMPARE(submit->text().remove(u'&'), QStringLiteral("Submit for review"));
    QTest::mouseClick(submit, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->composer()->hasUnsavedChanges(), 15000);

    auto *navigation = widget<QListWidget>(m_window.get(), "navigation");
    QTRY_COMPARE_WITH_TIMEOUT(navigation->item(2)->text(), QStringLiteral("Review (1)"), 10000);
    m_window->showPage(ui::MainWindow::Page::Review);
    auto *comment = widget<QPlainTextEdit>(m_window->review(), "reviewComment");
    comment->setPlainText(QStringLiteral("Add the product name to the caption"));
    QTest::mouseClick(widget<QPushButton>(m_window->review(), "reviewRequestChangesButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(navigation->item(2)->text(), QStringLiteral("Review"), 10000);

    // The author opens it from the queue and sees the reviewer's words in the composer.
    m_window->showPage(ui::MainWindow::Page::Queue);
    QTRY_VERIFY_WITH_TIMEOUT(queueRow(QStringLiteral("Needs a second look")) >= 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(queueStatus(queueRow(QStringLiteral("Needs a second look"))),
                              QStringLiteral("Changes requested"), 10000);
    const QAbstractItemModel *model = widget<QTableView>(m_window->queue(), "queueTable")->model();
    Q_UNUSED(model);
    std::optional<QList<PostRow>> rows;
    m_backend->listPosts({}, std::nullopt, 10, this, [&](std::expected<QList<PostRow>, Error> found) {
        rows = found.value_or(QList<PostRow>());
    });
    QTRY_VERIFY(rows.has_value());
    QCOMPARE(rows->size(), 1);
    const QString id = rows->first().post.id;
    m_window->editPost(id);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), ui::MainWindow::Page::Compose, 10000);
    auto *reviewer = widget<QLabel>(m_window->composer(), "reviewerComment");
    QTRY_VERIFY_WITH_TIMEOUT(reviewer->isVisible() && reviewer->text().contains(u"Add the product name"),
                             10000);
    widget<QPlainTextEdit>(m_window->composer(), "captionEdit")
        ->setPlainText(QStringLiteral("Needs a second look: ClipQueue Pro #review"));
    QTRY_VERIFY_WITH_TIMEOUT(submit->isEnabled(), 5000);
    QTest::mouseClick(submit, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(navigation->item(2)->text(), QStringLiteral("Review (1)"), 15000);

    m_window->showPage(ui::MainWindow::Page::Review);
    QTRY_VERIFY_WITH_TIMEOUT(widget<QPushButton>(m_window->review(), "reviewApproveButton")->isEnabled(),
                             10000);
    QTest::mouseClick(widget<QPushButton>(m_window->review(), "reviewApproveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(navigation->item(2)->text(), QStringLiteral("Review"), 10000);
    m_window->showPage(ui::MainWindow::Page::Queue);
    QTRY_COMPARE_WITH_TIMEOUT(queueStatus(queueRow(QStringLiteral("ClipQueue Pro"))),
                              QStringLiteral("Approved"), 10000);
}

void TestMainWindow::screenshotsOfEveryPage() {
    start(true, false);
    // A few posts in several statuses, made the way another machine would (the window polls them in).
    {
        auto session = Session::open();
        QVERIFY(session.has_value());
        for (int i = 0; i < 12; ++i) {
            Post post;
            post.text = QStringLiteral("Behind the scenes, part %1 #bts").arg(i + 1);
            MediaDescriptor media;
            media.url = fixturePath(QStringLiteral("vertical.mp4"));
            post.media << media;
            post.tiktok.privacyLevel = QStringLiteral("SELF_ONLY");
            post.scheduledFor = QDateTime::currentDateTimeUtc().addDays(1 + i);
            auto created = (*session)->importer().create(post, QString(), i % 3 != 0);
            QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
            if (i % 3 != 0 && i % 4 == 1) {
                QVERIFY((*session)->posts().approve(created->post.id, QString()).has_value());
            }
        }
    }
    compose(QStringLiteral("A new clip for Friday #launch"));
    saveScreenshot(m_window.get(), QStringLiteral("window-compose"));
    m_window->showPage(ui::MainWindow::Page::Queue);
    QTRY_VERIFY_WITH_TIMEOUT(queueRow(QStringLiteral("part 12")) >= 0, 10000);
    widget<QTableView>(m_window->queue(), "queueTable")->selectRow(1);
    QTest::qWait(500); // thumbnails and details
    saveScreenshot(m_window.get(), QStringLiteral("window-queue"));
    m_window->showPage(ui::MainWindow::Page::Review);
    QTest::qWait(500);
    saveScreenshot(m_window.get(), QStringLiteral("window-review"));
    m_window->showPage(ui::MainWindow::Page::Accounts);
    QTest::qWait(300);
    saveScreenshot(m_window.get(), QStringLiteral("window-accounts"));
    // Leave without the composed post: the window asks; answered by discarding it here.
    QVERIFY(m_window->composer()->hasUnsavedChanges());
}

void TestMainWindow::everyControlHasAnAccessibleName() {
    start(false, false);
    compose(QStringLiteral("Accessible #a11y"));
    // What a screen reader (AT-SPI) would say for each control of every page, as Qt's accessibility
    // bridge computes it (own name, text, or buddy label).
    for (const auto page :
         {ui::MainWindow::Page::Compose, ui::MainWindow::Page::Queue, ui::MainWindow::Page::Review,
          ui::MainWindow::Page::Accounts, ui::MainWindow::Page::Calendar, ui::MainWindow::Page::Welcome}) {
        m_window->showPage(page);
        QTest::qWait(100);
        int checked = 0;
        for (QWidget *control : m_window->findChildren<QWidget *>()) {
            const bool interactive =
                control->focusPolicy() != Qt::NoFocus && control->isVisibleTo(m_window.get())
                && control->isVisible() && !control->inherits("QScrollBar") && !control->inherits("QMenu")
                && control->parentWidget() && !control->parentWidget()->inherits("QAbstractSpinBox")
                && !control->parentWidget()->inherits("QComboBox");
            if (!interactive) {
                continue;
            }
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(control);
            QVERIFY(accessible);
            const QString name = accessible->text(QAccessible::Name).trimmed();
            QVERIFY2(!name.isEmpty(),
                     qPrintable(QStringLiteral("%1 \"%2\" has no accessible name")
                                    .arg(QString::fromLatin1(control->metaObject()->className()),
                                         control->objectName())));
            ++checked;
        }
        QVERIFY2(checked > 0,
                 qPrintable(QString::number(checked) + u" controls on page " + QString::number(int(page))));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
