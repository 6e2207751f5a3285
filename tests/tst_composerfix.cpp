// "Fix it for me" in the composer, offscreen, on a real Backend over a temporary data directory:
// Fix on a finding and on a media row converts the item into a new object of the media store (the
// original untouched), the finding goes, Fix all converts every fixable item, Remove location strips
// photos, Cancel leaves nothing behind, a too-long video is trimmed in the preview first, a
// conversion outlives the window being hidden and stops with the Backend. Screenshots:
// screenshots/composer-fix*.png.
#include <memory>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include "TestFixtures.h"
#include "composer/ComposerPage.h"
#include "composer/FindingsModel.h"
#include "composer/MediaFixer.h"
#include "composer/MediaListModel.h"
#include "composer/MediaPane.h"
#include "composer/MediaProbeQueue.h"
#include "composer/MediaRowActions.h"
#include "composer/TrimStep.h"
#include "composer/VideoPreview.h"
#include "media/MediaProber.h"
#include "post/PostValidator.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "shell/MainWindow.h"
#include "shell/TrayIcon.h"
#include "storage/AccountRepository.h"

using namespace cq;
using namespace cq::ui;
using cq::test::filesUnder;
using cq::test::fixtureBytes;
using cq::test::fixturePath;
using cq::test::screenshotPath;

namespace {
constexpr int ConversionTimeoutMs = 180'000; // two shared cores, other builds running

QByteArray sha256(const QString &fixture) {
    return QCryptographicHash::hash(fixtureBytes(fixture), QCryptographicHash::Sha256);
}
} // namespace

class TestComposerFix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fixOnTheFindingConvertsThePhoto();
    void fixOnTheRowConvertsEachKind_data();
    void fixOnTheRowConvertsEachKind();
    void fixAllAndRemoveLocation();
    void keyboardAndAccessibleNames();
    void cancelLeavesTheItemAsItWas();
    void trimIsPickedInThePreview();
    void conversionOutlivesTheHiddenWindow();
    void closingTheWindowMidConversionKeepsItInTheTray();
    void destroyingTheBackendLeavesNothingHalfWritten();
    void screenshots();

private:
    void restart(std::optional<int> maxVideoSeconds = std::nullopt);
    void drop(const QStringList &paths);
    void waitForProbes();
    QStringList fixableCodes() const;
    QString itemPath(int row) const;
    MediaRowActions *rowActions(int row) const;
    QPushButton *findingFixButton(const QString &code) const;
    void waitUntilConverted(int row);
    // The item at `row` is a store object that probes as media TikTok takes for these checks.
    void verifyConverted(int row, const QString &fixture);
    QString storeRoot() const { return m_backend->workspace().mediaStoreRoot; }
    template<typename T>
    T *widget(const char *objectName) const;

    MediaProber m_prober;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ComposerPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_mediaTester;
    std::unique_ptr<QAbstractItemModelTester> m_findingsTester;
};

void TestComposerFix::init() {
    restart();
}

void TestComposerFix::cleanup() {
    m_mediaTester.reset();
    m_findingsTester.reset();
    m_page.reset();
    m_backend.reset();
    m_dataDir.reset();
}

// A fresh data directory with Ana's account (her creator info allowing `maxVideoSeconds`, when
// given), a Backend on it (not publishing) and a page.
void TestComposerFix::restart(std::optional<int> maxVideoSeconds) {
    cleanup();
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    qputenv("CLIPQUEUE_DATA_DIR", m_dataDir->path().toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    {
        auto session = Session::open();
        QVERIFY2(session, session ? "" : qPrintable(session.error().message));
        AccountRepository accounts((*session)->database());
        Account ana;
        ana.id = QStringLiteral("acct-1");
        ana.openId = QStringLiteral("open-ana");
        ana.displayName = QStringLiteral("Ana");
        ana.isDefault = true;
        ana.accessExpiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        ana.refreshExpiresAt = QDateTime::currentDateTimeUtc().addDays(365);
        QVERIFY(accounts.insert(ana, QDateTime::currentDateTimeUtc()));
        if (maxVideoSeconds) {
            CreatorInfo creator;
            creator.username = QStringLiteral("ana.makes");
            creator.nickname = QStringLiteral("Ana");
            creator.privacyLevelOptions = {QStringLiteral("PUBLIC_TO_EVERYONE"), QStringLiteral("SELF_ONLY")};
            creator.maxVideoPostDurationSec = *maxVideoSeconds;
            QVERIFY(accounts.storeCreatorInfo(ana.id, creator, QDateTime::currentDateTimeUtc()));
        }
    }
    m_backend = std::make_unique<Backend>();
    Backend::Options options;
    options.publish = false;
    m_backend->start(options);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->isReady(), 10000);

    m_page = std::make_unique<ComposerPage>(*m_backend, m_prober);
    m_mediaTester = std::make_unique<QAbstractItemModelTester>(m_page->mediaModel());
    m_findingsTester = std::make_unique<QAbstractItemModelTester>(m_page->findingsModel());
    m_page->resize(m_page->fontMetrics().averageCharWidth() * 180, m_page->fontMetrics().height() * 46);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

template<typename T>
T *TestComposerFix::widget(const char *objectName) const {
    T *found = m_page->findChild<T *>(QLatin1StringView(objectName));
    if (!found) {
        qFatal("no widget named %s", objectName);
    }
    return found;
}

void TestComposerFix::drop(const QStringList &paths) {
    QStringList files;
    for (const QString &name : paths) {
        files << fixturePath(name);
    }
    m_page->addFiles(files);
    waitForProbes();
}

void TestComposerFix::waitForProbes() {
    QTRY_COMPARE_WITH_TIMEOUT(m_page->probeQueue()->pending(), 0, 30000);
    QCoreApplication::processEvents(); // the revalidation that follows the last probe
}

QStringList TestComposerFix::fixableCodes() const {
    QStringList codes;
    const FindingsModel *model = m_page->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (!model->index(row).data(FindingsModel::FixRole).toString().isEmpty()) {
            codes << model->index(row).data(FindingsModel::CodeRole).toString();
        }
    }
    return codes;
}

QString TestComposerFix::itemPath(int row) const {
    return m_page->mediaModel()->index(row).data(MediaListModel::PathRole).toString();
}

MediaRowActions *TestComposerFix::rowActions(int row) const {
    auto *view = widget<QListView>("mediaList");
    return qobject_cast<MediaRowActions *>(view->indexWidget(m_page->mediaModel()->index(row)));
}

QPushButton *TestComposerFix::findingFixButton(const QString &code) const {
    auto *view = widget<QListView>("findingsView");
    const FindingsModel *model = m_page->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(FindingsModel::CodeRole).toString() == code) {
            return qobject_cast<QPushButton *>(view->indexWidget(model->index(row)));
        }
    }
    return nullptr;
}

void TestComposerFix::waitUntilConverted(int row) {
    QTRY_VERIFY_WITH_TIMEOUT(m_page->mediaModel()->index(row).data(MediaListModel::ConvertedRole).toBool(),
                             ConversionTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->fixer()->running(), 0, ConversionTimeoutMs);
    waitForProbes(); // the converted copy's thumbnail
}

void TestComposerFix::verifyConverted(int row, const QString &fixture) {
    const QString path = itemPath(row);
    QVERIFY2(path.startsWith(storeRoot() + u"/objects/"), qPrintable(path));
    auto probed = m_prober.probe(path);
    QVERIFY2(probed, probed ? "" : qPrintable(probed.error().message));
    const QModelIndex index = m_page->mediaModel()->index(row);
    QVERIFY(index.data(MediaListModel::FilenameRole).toString().contains(u".tiktok."));
    QCOMPARE(index.data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Ready);
    QCOMPARE(index.data(MediaListModel::FixRole).toString(), QString());
    QVERIFY(QFileInfo::exists(fixturePath(fixture))); // the original stays where it was
    QCOMPARE(filesUnder(storeRoot() + u"/incoming"), QStringList());
}

void TestComposerFix::fixOnTheFindingConvertsThePhoto() {
    const QByteArray before = sha256(QStringLiteral("photo_4000x3000.jpg"));
    drop({QStringLiteral("photo_4000x3000.jpg")});
    QCOMPARE(fixableCodes(), QStringList{QStringLiteral("photo.dimensions_too_large")});
    QPushButton *fix = findingFixButton(QStringLiteral("photo.dimensions_too_large"));
    QVERIFY(fix);
    QVERIFY(fix->isVisible());
    QCOMPARE(fix->toolTip(), QStringLiteral("Fix: scale to 1440x1080 JPEG"));
    QCOMPARE(fix->accessibleName(), QStringLiteral("Fix photo_4000x3000.jpg"));
    QVERIFY(rowActions(0) && rowActions(0)->fixButton()->isVisible());
    QVERIFY(!widget<QPushButton>("fixAllButton")->isVisible()); // one item: no Fix all
    fix->click();
    waitUntilConverted(0);
    verifyConverted(0, QStringLiteral("photo_4000x3000.jpg"));
    QCOMPARE(fixableCodes(), QStringList());
    QVERIFY(!findingFixButton(QStringLiteral("photo.dimensions_too_large")));
    QVERIFY(!rowActions(0)); // nothing left to fix on the row
    const QModelIndex item = m_page->mediaModel()->index(0);
    QCOMPARE(item.data(MediaListModel::FilenameRole).toString(),
             QStringLiteral("photo_4000x3000.tiktok.jpg"));
    QCOMPARE(item.data(MediaListModel::WidthRole).toInt(), 1440);
    QCOMPARE(item.data(MediaListModel::HeightRole).toInt(), 1080);
    QCOMPARE(sha256(QStringLiteral("photo_4000x3000.jpg")), before);
    // The post refers to the converted copy, under the name it was given.
    const Post post = m_page->post();
    QCOMPARE(post.media.first().url, fileUrlForPath(itemPath(0)));
    QCOMPARE(post.media.first().filename, QStringLiteral("photo_4000x3000.tiktok.jpg"));
}

void TestComposerFix::fixOnTheRowConvertsEachKind_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("120 fps") << QStringLiteral("fps120.mp4")
                             << QStringList{QStringLiteral("video.frame_rate_out_of_range")};
    QTest::newRow("too small") << QStringLiteral("tiny.mp4")
                               << QStringList{QStringLiteral("video.dimensions_too_small")};
    QTest::newRow("MPEG-4 part 2") << QStringLiteral("mpeg4.mp4")
                                   << QStringList{QStringLiteral("video.codec_unsupported")};
    QTest::newRow("Matroska") << QStringLiteral("matroska.mkv")
                              << QStringList{QStringLiteral("video.container_unsupported")};
    QTest::newRow("PNG") << QStringLiteral("photo.png")
                         << QStringList{QStringLiteral("photo.format_unsupported")};
    QTest::newRow("large photo") << QStringLiteral("photo_large.jpg")
                                 << QStringList{QStringLiteral("photo.dimensions_too_large")};
}

void TestComposerFix::fixOnTheRowConvertsEachKind() {
    QFETCH(QString, fixture);
    QFETCH(QStringList, codes);
    drop({fixture});
    QStringList fixable = fixableCodes();
    fixable.sort();
    QCOMPARE(fixable, codes);
    MediaRowActions *actions = rowActions(0);
    QVERIFY(actions);
    QVERIFY(actions->fixButton()->isVisible());
    QVERIFY(actions->fixButton()->toolTip().startsWith(u"Fix: "));
    QVERIFY(!actions->progressBar()->isVisible());
    actions->fixButton()->click();
    waitUntilConverted(0);
    verifyConverted(0, fixture);
    QCOMPARE(fixableCodes(), QStringList());
    const FindingsModel *findings = m_page->findingsModel();
    for (int row = 0; row < findings->rowCount(); ++row) {
        const QString code = findings->index(row).data(FindingsModel::CodeRole).toString();
        QVERIFY2(!codes.contains(code), qPrintable(code));
    }
}

void TestComposerFix::fixAllAndRemoveLocation() {
    drop({QStringLiteral("photo_4000x3000.jpg"), QStringLiteral("photo.png"), QStringLiteral("photo.jpg")});
    QCOMPARE(fixableCodes().size(), 2);
    auto *fixAll = widget<QPushButton>("fixAllButton");
    auto *strip = widget<QCheckBox>("stripLocationCheck");
    QVERIFY(fixAll->isVisible());
    QVERIFY(strip->isVisible());
    QCOMPARE(fixAll->toolTip(), ComposerPage::tr("Convert %n item(s) so that TikTok takes them", nullptr, 2));
    // Remove location: the photo without a finding is converted too (its metadata goes).
    strip->setChecked(true);
    QCOMPARE(fixAll->toolTip(), ComposerPage::tr("Convert %n item(s) so that TikTok takes them", nullptr, 3));
    fixAll->click();
    QCOMPARE(m_page->fixer()->running(), 3);
    for (int row = 0; row < 3; ++row) {
        waitUntilConverted(row);
    }
    QCOMPARE(fixableCodes(), QStringList());
    QCOMPARE(m_page->mediaModel()->index(2).data(MediaListModel::FilenameRole).toString(),
             QStringLiteral("photo.tiktok.jpg"));
    for (const auto &[row, fixture] :
         {std::pair{0, "photo_4000x3000.jpg"}, {1, "photo.png"}, {2, "photo.jpg"}}) {
        verifyConverted(row, QString::fromLatin1(fixture));
    }
    QVERIFY(!fixAll->isVisible());
}

void TestComposerFix::keyboardAndAccessibleNames() {
    drop({QStringLiteral("fps120.mp4")});
    MediaRowActions *actions = rowActions(0);
    QVERIFY(actions);
    QCOMPARE(actions->fixButton()->accessibleName(), QStringLiteral("Fix fps120.mp4"));
    QVERIFY(actions->fixButton()->accessibleDescription().contains(u"60 fps"));
    QCOMPARE(actions->cancelButton()->accessibleName(), QStringLiteral("Cancel converting fps120.mp4"));
    for (const char *name : {"trimStart", "trimEnd"}) {
        QVERIFY(!widget<QWidget>(name)->accessibleName().isEmpty());
    }
    // Ctrl+Shift+F on the selected row does what its Fix button does.
    auto *list = widget<QListView>("mediaList");
    list->setFocus();
    list->setCurrentIndex(m_page->mediaModel()->index(0));
    QTest::keyClick(list, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_page->fixer()->running(), 1);
    waitUntilConverted(0);
    verifyConverted(0, QStringLiteral("fps120.mp4"));
}

void TestComposerFix::cancelLeavesTheItemAsItWas() {
    drop({QStringLiteral("slow_mpeg4.mp4")});
    QCOMPARE(fixableCodes(), QStringList{QStringLiteral("video.codec_unsupported")});
    rowActions(0)->fixButton()->click();
    MediaRowActions *actions = rowActions(0);
    QVERIFY(actions->progressBar()->isVisible());
    QVERIFY(actions->cancelButton()->isVisible());
    QVERIFY(!actions->fixButton()->isVisible());
    QVERIFY(!widget<QPushButton>("saveDraftButton")->isEnabled()); // not while its media converts
    QTRY_VERIFY_WITH_TIMEOUT(actions->progressBar()->value() > 0, ConversionTimeoutMs);
    QVERIFY(actions->progressBar()->text().endsWith(u" %"));
    QVERIFY(actions->findChild<QLabel *>(QStringLiteral("mediaFixConverting"))->isVisible());
    actions->cancelButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->fixer()->running(), 0, ConversionTimeoutMs);
    QVERIFY(!m_page->mediaModel()->index(0).data(MediaListModel::ConformProgressRole).isValid());
    QCOMPARE(itemPath(0), fixturePath(QStringLiteral("slow_mpeg4.mp4")));
    QCOMPARE(fixableCodes(), QStringList{QStringLiteral("video.codec_unsupported")});
    QVERIFY(rowActions(0)->fixButton()->isVisible());
    QVERIFY(widget<QPushButton>("saveDraftButton")->isEnabled());
    QCOMPARE(filesUnder(storeRoot()), QStringList()); // nothing half-written, no object
}

void TestComposerFix::trimIsPickedInThePreview() {
    restart(5); // Ana may post 5 s; long.mp4 runs 8 s
    drop({QStringLiteral("long.mp4")});
    QVERIFY(fixableCodes().contains(u"video.duration_too_long"));
    auto *trim = widget<TrimStep>("trimStep");
    QVERIFY(!trim->isVisible());
    rowActions(0)->fixButton()->click();
    QVERIFY(trim->isVisible());
    QCOMPARE(m_page->fixer()->running(), 0); // nothing converts before the span is picked
    // The default: the first 5 seconds.
    QCOMPARE(widget<QDoubleSpinBox>("trimStart")->value(), 0.0);
    QCOMPARE(widget<QDoubleSpinBox>("trimEnd")->value(), 5.0);
    QVERIFY(widget<QLabel>("trimLength")->text().contains(u"maximum: 5.0 s"));
    // Scrub the preview to 2.5 s and 7.5 s and take those.
    VideoPreview *preview = widget<VideoPreview>("videoPreview");
    QVERIFY(preview->source().endsWith(u"long.mp4"));
    auto *slider = preview->findChild<QSlider *>(QStringLiteral("positionSlider"));
    QTRY_VERIFY_WITH_TIMEOUT(slider->maximum() > 7500, 20000);
    slider->setValue(2500);
    QTRY_COMPARE_WITH_TIMEOUT(preview->positionMs(), 2500, 10000);
    widget<QPushButton>("trimSetStart")->click();
    QCOMPARE(widget<QDoubleSpinBox>("trimStart")->value(), 2.5);
    slider->setValue(7500);
    QTRY_COMPARE_WITH_TIMEOUT(preview->positionMs(), 7500, 10000);
    widget<QPushButton>("trimSetEnd")->click();
    QCOMPARE(widget<QDoubleSpinBox>("trimEnd")->value(), 7.5);
    QVERIFY(widget<QLabel>("trimLength")->text().startsWith(u"Keeps 5.0 s, from 2.5 s to 7.5 s"));
    // Longer than the maximum cannot be converted.
    widget<QDoubleSpinBox>("trimStart")->setValue(1.0);
    QVERIFY(!widget<QPushButton>("trimApply")->isEnabled());
    QVERIFY(widget<QLabel>("trimLength")->text().contains(u"Too long"));
    widget<QDoubleSpinBox>("trimStart")->setValue(2.5);
    QVERIFY(widget<QPushButton>("trimApply")->isEnabled());
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-fix-trim"))));
    widget<QPushButton>("trimApply")->click();
    QVERIFY(!trim->isVisible());
    waitUntilConverted(0);
    verifyConverted(0, QStringLiteral("long.mp4"));
    QVERIFY(!fixableCodes().contains(u"video.duration_too_long"));
    const double seconds = m_page->mediaModel()->index(0).data(MediaListModel::DurationRole).toDouble();
    QVERIFY2(seconds > 4.5 && seconds <= 5.0, qPrintable(QString::number(seconds)));
}

void TestComposerFix::conversionOutlivesTheHiddenWindow() {
    drop({QStringLiteral("fps120.mp4")});
    rowActions(0)->fixButton()->click();
    QCOMPARE(m_page->fixer()->running(), 1);
    m_page->hide(); // the window went to the tray
    waitUntilConverted(0);
    QVERIFY(!m_page->isVisible());
    verifyConverted(0, QStringLiteral("fps120.mp4"));
    QCOMPARE(fixableCodes(), QStringList());
}

void TestComposerFix::closingTheWindowMidConversionKeepsItInTheTray() {
    m_mediaTester.reset();
    m_findingsTester.reset();
    m_page.reset();
    ui::MainWindow window(*m_backend, m_prober);
    window.tray()->setAvailable(true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!m_backend->isPublishing());
    auto *composer = window.findChild<ComposerPage *>();
    QVERIFY(composer);
    composer->addFiles({fixturePath(QStringLiteral("slow_mpeg4.mp4"))});
    QTRY_COMPARE_WITH_TIMEOUT(composer->probeQueue()->pending(), 0, 30000);
    QCoreApplication::processEvents();
    auto *list = composer->findChild<QListView *>(QStringLiteral("mediaList"));
    auto *actions = qobject_cast<MediaRowActions *>(list->indexWidget(composer->mediaModel()->index(0)));
    QVERIFY(actions);
    actions->fixButton()->click();
    QCOMPARE(m_backend->conformsRunning(), 1);
    // Not publishing, but converting: closing the window hides it into the tray, it does not quit.
    QSignalSpy quit(&window, &ui::MainWindow::quitConfirmed);
    window.close();
    QVERIFY(!window.isVisible());
    QCOMPARE(quit.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(composer->mediaModel()->index(0).data(MediaListModel::ConvertedRole).toBool(),
                             ConversionTimeoutMs);
    QVERIFY(
        composer->mediaModel()->index(0).data(MediaListModel::PathRole).toString().startsWith(storeRoot()));
    QCOMPARE(composer->mediaModel()->index(0).data(MediaListModel::FixRole).toString(), QString());
}

void TestComposerFix::destroyingTheBackendLeavesNothingHalfWritten() {
    drop({QStringLiteral("slow_mpeg4.mp4")});
    rowActions(0)->fixButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(rowActions(0)->progressBar()->value() > 0, ConversionTimeoutMs);
    const QString store = storeRoot();
    // The app quits: the page goes, then the Backend, whose queue cancels the conversion.
    m_mediaTester.reset();
    m_findingsTester.reset();
    m_page.reset();
    m_backend.reset();
    QCOMPARE(filesUnder(store), QStringList());
}

void TestComposerFix::screenshots() {
    drop({QStringLiteral("photo_4000x3000.jpg"), QStringLiteral("screenshot.png"),
          QStringLiteral("photo.jpg")});
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-fix"))));
    restart();
    drop({QStringLiteral("slow_mpeg4.mp4")});
    rowActions(0)->fixButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(rowActions(0)->progressBar()->value() >= 5, ConversionTimeoutMs);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-fix-progress"))));
    rowActions(0)->cancelButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->fixer()->running(), 0, ConversionTimeoutMs);
}

QTEST_MAIN(TestComposerFix)
#include "tst_composerfix.moc"
