// The composer window, offscreen: files dropped on it are probed off the GUI thread and listed
// with their metadata, the TikTok settings start with nothing chosen, and the findings follow
// every change. Set CLIPQUEUE_SCREENSHOT=FILE.png to save what the window looks like: FILE.png
// with mixed media, FILE-empty.png before any, FILE-photos.png with a photo post ready to go.
#include <memory>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTest>

#include "ComposerWindow.h"
#include "FindingsModel.h"
#include "MediaListModel.h"
#include "MediaProbeQueue.h"
#include "TestFixtures.h"
#include "media/MediaProber.h"

using namespace cq;
using namespace cq::ui;
using cq::test::fixturePath;

class TestComposerWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsEmptyWithNothingChosen();
    void privacyOffersEveryLevelByName();
    void droppedFilesAreProbedAndListed_data();
    void droppedFilesAreProbedAndListed();
    void videoSummaryNamesItsMetadata();
    void unreadableFileShowsItsError_data();
    void unreadableFileShowsItsError();
    void videoAndPhotoAreMixedMedia();
    void privacyMustBeChosen();
    void captionIsCountedInUtf16Units_data();
    void captionIsCountedInUtf16Units();
    void photoPostsHaveNoDuetOrStitch();
    void creatorInfoLimitsTheChoices();
    void photoPostWithAnUnreadableFileFollowsTheValidator();
    void deleteKeyRemovesMediaAndUpdatesFindings();
    void removeActionRemovesTheSelection();
    void movingMediaMovesItsFindings();
    void doubleClickingAMediaFindingSelectsItsRow();
    void nonFileDropsAreRefused();
    void closingWithWorkPendingIsQuick();
    void screenshot();

private:
    void drop(const QStringList &paths);
    QStringList codes() const;
    QModelIndex findingRow(const QString &code) const;
    void waitForProbes();
    template<typename T>
    T *widget(const char *objectName) const;

    MediaProber m_prober;
    std::unique_ptr<ComposerWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_mediaTester;
    std::unique_ptr<QAbstractItemModelTester> m_findingsTester;
};

void TestComposerWindow::init() {
    m_window = std::make_unique<ComposerWindow>(m_prober);
    m_mediaTester = std::make_unique<QAbstractItemModelTester>(m_window->mediaModel());
    m_findingsTester = std::make_unique<QAbstractItemModelTester>(m_window->findingsModel());
    m_window->resize(1100, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestComposerWindow::cleanup() {
    m_mediaTester.reset();
    m_findingsTester.reset();
    m_window.reset();
}

template<typename T>
T *TestComposerWindow::widget(const char *objectName) const {
    T *found = m_window->findChild<T *>(QLatin1StringView(objectName));
    if (!found) {
        qFatal("no widget named %s", objectName);
    }
    return found;
}

void TestComposerWindow::drop(const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths) {
        urls << QUrl::fromLocalFile(path);
    }
    mime.setUrls(urls);
    const QPoint where = m_window->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    dropped.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &dropped);
    QVERIFY(dropped.isAccepted());
}

void TestComposerWindow::waitForProbes() {
    QTRY_COMPARE_WITH_TIMEOUT(m_window->probeQueue()->pending(), 0, 15000);
}

QStringList TestComposerWindow::codes() const {
    QStringList result;
    const FindingsModel *model = m_window->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        result << model->index(row).data(FindingsModel::CodeRole).toString();
    }
    return result;
}

QModelIndex TestComposerWindow::findingRow(const QString &code) const {
    const FindingsModel *model = m_window->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(FindingsModel::CodeRole).toString() == code) {
            return model->index(row);
        }
    }
    return {};
}

void TestComposerWindow::startsEmptyWithNothingChosen() {
    QCOMPARE(m_window->objectName(), QStringLiteral("composerWindow"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("ClipQueue"));
    const auto *hint = widget<QLabel>("emptyHint");
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(u"Drop a video or up to 35 photos here"));
    QVERIFY(!widget<QListView>("mediaList")->isVisible());
    QVERIFY(codes().contains(u"post.media_required"));
    QVERIFY(codes().contains(u"privacy.required"));
    for (const char *name : {"allowCommentCheck", "allowDuetCheck", "allowStitchCheck"}) {
        QVERIFY2(!widget<QCheckBox>(name)->isChecked(), name); // off by default
        QVERIFY2(widget<QCheckBox>(name)->isEnabled(), name);
    }
    const auto *privacy = widget<QComboBox>("privacyCombo");
    QCOMPARE(privacy->currentText(), QStringLiteral("Choose who can see this post"));
    QCOMPARE(privacy->currentData().toString(), QString());
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 2200"));
    QCOMPARE(widget<QLabel>("validationSummary")->text(), QStringLiteral("2 problems to fix"));
}

void TestComposerWindow::privacyOffersEveryLevelByName() {
    const auto *privacy = widget<QComboBox>("privacyCombo");
    QStringList levels;
    QStringList labels;
    for (int i = 1; i < privacy->count(); ++i) {
        levels << privacy->itemData(i).toString();
        labels << privacy->itemText(i);
    }
    QCOMPARE(levels, privacy::allLevels());
    QCOMPARE(labels, (QStringList{QStringLiteral("Everyone"), QStringLiteral("Friends"),
                                  QStringLiteral("Followers"), QStringLiteral("Only me")}));
}

void TestComposerWindow::droppedFilesAreProbedAndListed_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");

    QTest::newRow("vertical video") << "vertical.mp4"
                                    << "video"
                                    << "video/mp4" << 360 << 640;
    QTest::newRow("landscape video") << "landscape.mp4"
                                     << "video"
                                     << "video/mp4" << 640 << 360;
    QTest::newRow("phone clip stored landscape, shown upright") << "rotated.mp4"
                                                                << "video"
                                                                << "video/mp4" << 360 << 640;
    QTest::newRow("name with umlaut and emoji") << "Clip mit Ümlaut 🎬 final.mp4"
                                                << "video"
                                                << "video/mp4" << 360 << 640;
    QTest::newRow("JPEG photo") << "photo.jpg"
                                << "photo"
                                << "image/jpeg" << 1080 << 1350;
    QTest::newRow("large JPEG photo") << "photo_large.jpg"
                                      << "photo"
                                      << "image/jpeg" << 1440 << 1920;
    QTest::newRow("WebP photo") << "photo.webp"
                                << "photo"
                                << "image/webp" << 1080 << 1080;
}

void TestComposerWindow::droppedFilesAreProbedAndListed() {
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QString, mimeType);
    QFETCH(int, width);
    QFETCH(int, height);

    drop({fixturePath(file)});
    const MediaListModel *model = m_window->mediaModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QVERIFY(widget<QListView>("mediaList")->isVisible());
    QVERIFY(!widget<QLabel>("emptyHint")->isVisible());
    const QModelIndex row = model->index(0);
    QCOMPARE(row.data(Qt::DisplayRole).toString(), file);
    QCOMPARE(row.data(MediaListModel::PathRole).toString(), QFileInfo(fixturePath(file)).absoluteFilePath());
    waitForProbes();
    QCOMPARE(row.data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Ready);
    QCOMPARE(row.data(MediaListModel::TypeRole).toString(), type);
    QCOMPARE(row.data(MediaListModel::MimeTypeRole).toString(), mimeType);
    QCOMPARE(row.data(MediaListModel::WidthRole).toInt(), width); // display size, after rotation
    QCOMPARE(row.data(MediaListModel::HeightRole).toInt(), height);
    QCOMPARE(row.data(MediaListModel::SizeBytesRole).toLongLong(), QFileInfo(fixturePath(file)).size());
    QCOMPARE(row.data(MediaListModel::ErrorRole).toString(), QString());
    QVERIFY(row.data(MediaListModel::SummaryRole)
                .toString()
                .startsWith(type + u" · " + mimeType + u" · " + QString::number(width) + u'×'
                            + QString::number(height)));
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(file));

    // The thumbnail is upright: its longer side is the thumbnail size, its shape the display shape.
    const QImage thumbnail = row.data(MediaListModel::ThumbnailRole).value<QImage>();
    QVERIFY(!thumbnail.isNull());
    QCOMPARE(std::max(thumbnail.width(), thumbnail.height()), MediaProbeQueue::ThumbnailSidePx);
    QCOMPARE(thumbnail.width() > thumbnail.height(), width > height);
    QCOMPARE(row.data(Qt::DecorationRole).value<QImage>(), thumbnail);
    QVERIFY(!codes().contains(u"post.media_required"));
}

void TestComposerWindow::videoSummaryNamesItsMetadata() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    const QModelIndex row = m_window->mediaModel()->index(0);
    QVERIFY2(row.data(MediaListModel::SummaryRole)
                 .toString()
                 .startsWith(u"video · video/mp4 · 360×640 · 4.0 s · 30 fps · H.264 · audio · "),
             qPrintable(row.data(MediaListModel::SummaryRole).toString()));
    QCOMPARE(row.data(MediaListModel::CodecRole).toString(), QStringLiteral("h264"));
    QCOMPARE(row.data(MediaListModel::DurationRole).toDouble(), 4.0);
    QCOMPARE(row.data(MediaListModel::FrameRateRole).toDouble(), 30.0);
    QCOMPARE(row.data(MediaListModel::HasAudioRole).toBool(), true);
    QCOMPARE(row.data(MediaListModel::RotationRole).toInt(), 0);
}

void TestComposerWindow::unreadableFileShowsItsError_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("empty file") << "empty.mp4";
    QTest::newRow("cut short, index lost") << "truncated.mp4";
}

void TestComposerWindow::unreadableFileShowsItsError() {
    QFETCH(QString, file);
    drop({fixturePath(file), fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();

    const QModelIndex broken = m_window->mediaModel()->index(0);
    QCOMPARE(broken.data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Unreadable);
    QCOMPARE(broken.data(MediaListModel::ErrorCodeRole).toString(), QStringLiteral("media.unreadable"));
    QVERIFY(broken.data(MediaListModel::ErrorRole).toString().startsWith(file + u": "));
    QVERIFY(!broken.data(MediaListModel::SummaryRole).toString().isEmpty());
    QVERIFY(!broken.data(MediaListModel::WidthRole).isValid()); // nothing is known about it
    QVERIFY(broken.data(MediaListModel::ThumbnailRole).value<QImage>().isNull());
    QCOMPARE(m_window->mediaModel()->index(1).data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Ready);

    // The finding names the file and points at its row.
    const QModelIndex finding = findingRow(QStringLiteral("media.unreadable"));
    QVERIFY(finding.isValid());
    QVERIFY(finding.data(FindingsModel::IsErrorRole).toBool());
    QVERIFY(finding.data(Qt::DisplayRole).toString().contains(file));
    QCOMPARE(finding.data(FindingsModel::MediaIndexRole).toInt(), 0);
    QVERIFY(finding.data(Qt::ToolTipRole).toString().contains(u"media.unreadable"));
}

void TestComposerWindow::videoAndPhotoAreMixedMedia() {
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("photo.jpg"))});
    waitForProbes();
    QVERIFY(codes().contains(u"post.mixed_media"));
    const int errors = m_window->findingsModel()->errorCount();
    QVERIFY(errors >= 2); // mixed media and privacy
    QCOMPARE(widget<QLabel>("validationSummary")->text(), QStringLiteral("%1 problems to fix").arg(errors));
}

void TestComposerWindow::privacyMustBeChosen() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"privacy.required"));
    QCOMPARE(widget<QLabel>("validationSummary")->text(), QStringLiteral("1 problem to fix"));
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Only me")));
    QCOMPARE(m_window->post().tiktok.privacyLevel, QStringLiteral("SELF_ONLY"));
    QVERIFY(!codes().contains(u"privacy.required"));
    QCOMPARE(m_window->findingsModel()->errorCount(), 0);
    QVERIFY(widget<QLabel>("validationSummary")->text().contains(u"Ready to schedule"));
}

void TestComposerWindow::captionIsCountedInUtf16Units_data() {
    QTest::addColumn<int>("emoji"); // each 2 UTF-16 units
    QTest::addColumn<QString>("tail");
    QTest::addColumn<QString>("counter");
    QTest::addColumn<bool>("tooLong");

    QTest::newRow("2200 units: at the limit") << 1100 << QString() << "2200 / 2200" << false;
    QTest::newRow("2201 units: one over") << 1100 << "!"
                                          << "2201 / 2200" << true;
    QTest::newRow("1101 characters but 2202 units") << 1101 << QString() << "2202 / 2200" << true;
}

void TestComposerWindow::captionIsCountedInUtf16Units() {
    QFETCH(int, emoji);
    QFETCH(QString, tail);
    QFETCH(QString, counter);
    QFETCH(bool, tooLong);

    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    auto *caption = widget<QPlainTextEdit>("captionEdit");
    auto *counterLabel = widget<QLabel>("captionCounter");
    const QColor normalColor = counterLabel->palette().color(QPalette::WindowText);
    caption->setPlainText(QStringLiteral("🎬").repeated(emoji) + tail);
    QCOMPARE(counterLabel->text(), counter);
    QCOMPARE(codes().contains(u"caption.too_long"), tooLong);
    QCOMPARE(counterLabel->palette().color(QPalette::WindowText) != normalColor, tooLong); // red when over
    const QModelIndex finding = findingRow(QStringLiteral("caption.too_long"));
    if (tooLong) {
        QCOMPARE(finding.data(FindingsModel::FieldRole).toString(), QStringLiteral("/content/text"));
    }
}

void TestComposerWindow::photoPostsHaveNoDuetOrStitch() {
    auto *duet = widget<QCheckBox>("allowDuetCheck");
    auto *stitch = widget<QCheckBox>("allowStitchCheck");
    duet->setChecked(true);
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp"))});
    waitForProbes();
    QVERIFY(!duet->isEnabled());
    QVERIFY(!duet->isChecked());
    QVERIFY(!stitch->isEnabled());
    QVERIFY(widget<QCheckBox>("allowCommentCheck")->isEnabled());
    QVERIFY(widget<QLabel>("interactionsNote")->isVisible());
    QVERIFY(!codes().contains(u"interaction.not_for_photos"));
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 4000"));

    // A video instead: Duet and Stitch can be turned on again, the limit is the video caption's.
    m_window->mediaModel()->removeRowsAt({0, 1});
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(duet->isEnabled());
    QVERIFY(!widget<QLabel>("interactionsNote")->isVisible());
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 2200"));
}

void TestComposerWindow::photoPostWithAnUnreadableFileFollowsTheValidator() {
    // Two photos and a file that cannot be read: still a photo post, for the counter, the
    // interaction switches and the findings alike (one rule, core's).
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp")),
          fixturePath(QStringLiteral("truncated.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"media.unreadable"));
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 4000"));
    QVERIFY(!widget<QCheckBox>("allowDuetCheck")->isEnabled());
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QString(2201, u'a'));
    QVERIFY(!codes().contains(u"caption.too_long")); // 2201 is fine for photos (4000)
}

void TestComposerWindow::creatorInfoLimitsTheChoices() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"creator.unknown"));
    QCOMPARE(widget<QLabel>("accountLabel")->text(), QStringLiteral("No TikTok account connected"));

    auto *duet = widget<QCheckBox>("allowDuetCheck");
    duet->setChecked(true);
    CreatorInfo creator;
    creator.username = QStringLiteral("ana.makes");
    creator.privacyLevelOptions = {QStringLiteral("PUBLIC_TO_EVERYONE"), QStringLiteral("SELF_ONLY")};
    creator.duetDisabled = true;
    creator.maxVideoPostDurationSec = 1; // shorter than the fixture
    m_window->setCreator(QStringLiteral("Ana (@ana.makes)"), creator);

    QCOMPARE(widget<QLabel>("accountLabel")->text(), QStringLiteral("Ana (@ana.makes)"));
    QVERIFY(!codes().contains(u"creator.unknown"));
    QVERIFY(codes().contains(u"video.duration_too_long"));
    // Duet was on; the creator turned it off in TikTok, so it is off and cannot be turned on.
    QVERIFY(!duet->isChecked());
    QVERIFY(!duet->isEnabled());
    QVERIFY(widget<QCheckBox>("allowStitchCheck")->isEnabled());
    QVERIFY(widget<QLabel>("interactionsNote")->isVisible());
    // Only the creator's privacy levels can be chosen.
    auto *privacy = widget<QComboBox>("privacyCombo");
    const auto *items = qobject_cast<const QStandardItemModel *>(privacy->model());
    QVERIFY(items);
    for (int row = 1; row < privacy->count(); ++row) {
        QCOMPARE(items->item(row)->isEnabled(),
                 creator.privacyLevelOptions.contains(privacy->itemData(row).toString()));
    }
}

void TestComposerWindow::deleteKeyRemovesMediaAndUpdatesFindings() {
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("photo_large.jpg"))});
    waitForProbes();
    QVERIFY(codes().contains(u"post.mixed_media"));
    QVERIFY(codes().contains(u"photo.dimensions_too_large"));
    auto *list = widget<QListView>("mediaList");
    list->setCurrentIndex(m_window->mediaModel()->index(1));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(m_window->mediaModel()->rowCount(), 1);
    QCOMPARE(m_window->mediaModel()->index(0).data(Qt::DisplayRole).toString(),
             QStringLiteral("vertical.mp4"));
    QVERIFY(!codes().contains(u"post.mixed_media"));
    QVERIFY(!codes().contains(u"photo.dimensions_too_large"));
}

void TestComposerWindow::removeActionRemovesTheSelection() {
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp")),
          fixturePath(QStringLiteral("photo.png"))});
    waitForProbes();
    QVERIFY(codes().contains(u"photo.format_unsupported"));
    auto *list = widget<QListView>("mediaList");
    list->selectionModel()->select(m_window->mediaModel()->index(0), QItemSelectionModel::Select);
    list->selectionModel()->select(m_window->mediaModel()->index(2), QItemSelectionModel::Select);
    auto *remove = widget<QAction>("removeMediaAction");
    QVERIFY(list->actions().contains(remove)); // offered in the list's context menu
    remove->trigger();
    QCOMPARE(m_window->mediaModel()->rowCount(), 1);
    QCOMPARE(m_window->mediaModel()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("photo.webp"));
    QVERIFY(!codes().contains(u"photo.format_unsupported"));
    QCOMPARE(m_window->post().media.size(), 1);
}

void TestComposerWindow::movingMediaMovesItsFindings() {
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo_large.jpg"))});
    waitForProbes();
    QCOMPARE(
        findingRow(QStringLiteral("photo.dimensions_too_large")).data(FindingsModel::MediaIndexRole).toInt(),
        1);
    auto *list = widget<QListView>("mediaList");
    list->setCurrentIndex(m_window->mediaModel()->index(1));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_window->mediaModel()->index(0).data(Qt::DisplayRole).toString(),
             QStringLiteral("photo_large.jpg"));
    QCOMPARE(list->currentIndex().row(), 0); // the moved item stays current
    QVERIFY(m_window->post().media.at(0).url.endsWith(u"photo_large.jpg"));
    QCOMPARE(
        findingRow(QStringLiteral("photo.dimensions_too_large")).data(FindingsModel::MediaIndexRole).toInt(),
        0);
    widget<QAction>("moveMediaLaterAction")->trigger();
    QCOMPARE(m_window->mediaModel()->index(1).data(Qt::DisplayRole).toString(),
             QStringLiteral("photo_large.jpg"));
}

void TestComposerWindow::doubleClickingAMediaFindingSelectsItsRow() {
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("truncated.mp4"))});
    waitForProbes();
    auto *findings = widget<QListView>("findingsView");
    const QModelIndex finding = findingRow(QStringLiteral("media.unreadable"));
    QVERIFY(finding.isValid());
    findings->scrollTo(finding);
    const QPoint where = findings->visualRect(finding).center();
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(findings->viewport(), Qt::LeftButton, {}, where);
    auto *list = widget<QListView>("mediaList");
    QTRY_COMPARE(list->currentIndex().row(), 1);
    QVERIFY(list->selectionModel()->isRowSelected(1, {}));
    QVERIFY(!list->selectionModel()->isRowSelected(0, {}));
}

void TestComposerWindow::nonFileDropsAreRefused() {
    QMimeData text;
    text.setText(QStringLiteral("just text"));
    QDragEnterEvent enterText(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    enterText.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &enterText);
    QVERIFY(!enterText.isAccepted());

    QMimeData web;
    web.setUrls({QUrl(QStringLiteral("https://example.com/clip.mp4"))});
    QDragEnterEvent enterWeb(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    enterWeb.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &enterWeb);
    QVERIFY(!enterWeb.isAccepted());
    QDropEvent dropWeb(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &dropWeb);
    QVERIFY(!dropWeb.isAccepted());
    QCOMPARE(m_window->mediaModel()->rowCount(), 0);
}

void TestComposerWindow::closingWithWorkPendingIsQuick() {
    QStringList many;
    for (int i = 0; i < 20; ++i) {
        many << fixturePath(QStringLiteral("vertical.mp4")) << fixturePath(QStringLiteral("photo_large.jpg"));
    }
    drop(many);
    QCOMPARE(m_window->mediaModel()->rowCount(), 40);
    QVERIFY(m_window->probeQueue()->pending() > 0);
    QElapsedTimer timer;
    timer.start();
    cleanup(); // destroys the window with probes and thumbnails still queued
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QTest::qWait(50); // no late signal reaches the destroyed window
}

void TestComposerWindow::screenshot() {
    const QString path = qEnvironmentVariable("CLIPQUEUE_SCREENSHOT");
    if (path.isEmpty()) {
        QSKIP("set CLIPQUEUE_SCREENSHOT=FILE.png to save a screenshot");
    }
    QVERIFY(
        m_window->grab().save(QString(path).replace(QStringLiteral(".png"), QStringLiteral("-empty.png"))));
    drop({fixturePath(QStringLiteral("rotated.mp4")), fixturePath(QStringLiteral("photo_large.jpg")),
          fixturePath(QStringLiteral("truncated.mp4")),
          fixturePath(QStringLiteral("Clip mit Ümlaut 🎬 final.mp4"))});
    waitForProbes();
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Launch day 🚀 #launch"));
    widget<QListView>("mediaList")->setCurrentIndex(m_window->mediaModel()->index(3));
    QTest::qWait(200);
    QVERIFY(m_window->grab().save(path));

    // A photo carousel that is ready for a connected creator: only comments can be allowed.
    CreatorInfo creator;
    creator.username = QStringLiteral("ana.makes");
    creator.privacyLevelOptions = {QStringLiteral("PUBLIC_TO_EVERYONE"),
                                   QStringLiteral("MUTUAL_FOLLOW_FRIENDS"), QStringLiteral("SELF_ONLY")};
    creator.maxVideoPostDurationSec = 600;
    m_window->setCreator(QStringLiteral("Ana (@ana.makes)"), creator);
    m_window->mediaModel()->removeRowsAt({0, 1, 2, 3});
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp")),
          fixturePath(QStringLiteral("фото 📸.jpg"))});
    waitForProbes();
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Friends")));
    widget<QCheckBox>("allowCommentCheck")->setChecked(true);
    QTest::qWait(200);
    QVERIFY(
        m_window->grab().save(QString(path).replace(QStringLiteral(".png"), QStringLiteral("-photos.png"))));
}

QTEST_MAIN(TestComposerWindow)
#include "tst_composerwindow.moc"
