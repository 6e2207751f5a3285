// The composer window, offscreen: files dropped on it are probed off the GUI thread and listed
// with their metadata, and the findings follow every change. Set CLIPQUEUE_SCREENSHOT=FILE.png to
// save what the window looks like.
#include "ComposerWindow.h"
#include "FindingsModel.h"
#include "MediaListModel.h"
#include "MediaProbeQueue.h"
#include "TestFixtures.h"
#include "media/MediaProber.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTest>

using namespace cq;
using namespace cq::ui;
using cq::test::fixturePath;

class TestComposerWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsEmptyWithAHint();
    void droppedFilesAreProbedAndListed();
    void unreadableFileShowsItsError();
    void videoAndPhotoAreMixedMedia();
    void privacyMustBeChosen();
    void captionIsCountedInUtf16Units();
    void photoPostsHaveNoDuetOrStitch();
    void removingMediaUpdatesFindings();
    void nonFileDropsAreRefused();
    void screenshot();

private:
    void drop(const QStringList &paths);
    QStringList codes() const;
    void waitForProbes();

    MediaProber m_prober;
    std::unique_ptr<ComposerWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_mediaTester;
    std::unique_ptr<QAbstractItemModelTester> m_findingsTester;
};

void TestComposerWindow::init() {
    m_window = std::make_unique<ComposerWindow>(m_prober);
    m_mediaTester = std::make_unique<QAbstractItemModelTester>(m_window->mediaModel());
    m_findingsTester = std::make_unique<QAbstractItemModelTester>(m_window->findingsModel());
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestComposerWindow::cleanup() {
    m_mediaTester.reset();
    m_findingsTester.reset();
    m_window.reset();
}

void TestComposerWindow::drop(const QStringList &paths) {
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths) {
        urls << QUrl::fromLocalFile(path);
    }
    mime->setUrls(urls);
    const QPoint where = m_window->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(where, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &dropped);
    QVERIFY(dropped.isAccepted());
    delete mime;
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

void TestComposerWindow::startsEmptyWithAHint() {
    const auto *hint = m_window->findChild<QLabel *>(QStringLiteral("emptyHint"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY(hint->text().contains(u"Drop a video"));
    QVERIFY(codes().contains(u"post.media_required"));
    QVERIFY(codes().contains(u"privacy.required"));
    for (const char *name : {"allowCommentCheck", "allowDuetCheck", "allowStitchCheck"}) {
        QVERIFY2(!m_window->findChild<QCheckBox *>(QLatin1StringView(name))->isChecked(),
                 name); // off by default
    }
    QCOMPARE(m_window->findChild<QComboBox *>(QStringLiteral("privacyCombo"))->currentData().toString(),
             QString());
}

void TestComposerWindow::droppedFilesAreProbedAndListed() {
    drop({fixturePath(QStringLiteral("rotated.mp4"))});
    const MediaListModel *model = m_window->mediaModel();
    QCOMPARE(model->rowCount(), 1);
    waitForProbes();
    const QModelIndex row = model->index(0);
    QCOMPARE(row.data(MediaListModel::TypeRole).toString(), QStringLiteral("video"));
    QCOMPARE(row.data(MediaListModel::MimeTypeRole).toString(), QStringLiteral("video/mp4"));
    QCOMPARE(row.data(MediaListModel::WidthRole).toInt(), 360); // display size after rotation
    QCOMPARE(row.data(MediaListModel::HeightRole).toInt(), 640);
    QVERIFY(row.data(Qt::DisplayRole)
                .toString()
                .startsWith(u"rotated.mp4\nvideo · video/mp4 · 360×640 · 4.0 s · 30 fps"));
    QTRY_VERIFY(row.data(Qt::DecorationRole).value<QImage>().height() == 96); // the thumbnail, turned upright
    QVERIFY(m_window->findChild<QListView *>(QStringLiteral("mediaList"))->isVisible());
    QVERIFY(!codes().contains(u"post.media_required"));
    QVERIFY(!codes().contains(u"video.not_vertical"));
}

void TestComposerWindow::unreadableFileShowsItsError() {
    drop({fixturePath(QStringLiteral("truncated.mp4")),
          fixturePath(QStringLiteral("Clip mit Ümlaut 🎬 final.mp4"))});
    waitForProbes();
    const QModelIndex broken = m_window->mediaModel()->index(0);
    QCOMPARE(broken.data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Unreadable);
    QVERIFY(broken.data(MediaListModel::ErrorRole).toString().startsWith(u"truncated.mp4: "));
    QVERIFY(codes().contains(u"media.unreadable"));
    const QModelIndex fine = m_window->mediaModel()->index(1);
    QCOMPARE(fine.data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Ready);
    // The finding names the file and points at its row.
    const FindingsModel *findings = m_window->findingsModel();
    for (int row = 0; row < findings->rowCount(); ++row) {
        if (findings->index(row).data(FindingsModel::CodeRole).toString() == u"media.unreadable") {
            QVERIFY(findings->index(row).data(Qt::DisplayRole).toString().contains(u"truncated.mp4"));
            QCOMPARE(findings->index(row).data(FindingsModel::MediaIndexRole).toInt(), 0);
        }
    }
}

void TestComposerWindow::videoAndPhotoAreMixedMedia() {
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("photo.jpg"))});
    waitForProbes();
    QVERIFY(codes().contains(u"post.mixed_media"));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("validationSummary"))->text().contains(u"to fix"));
}

void TestComposerWindow::privacyMustBeChosen() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"privacy.required"));
    auto *privacy = m_window->findChild<QComboBox *>(QStringLiteral("privacyCombo"));
    privacy->setCurrentIndex(privacy->findData(QStringLiteral("SELF_ONLY")));
    QVERIFY(!codes().contains(u"privacy.required"));
    QCOMPARE(m_window->findingsModel()->errorCount(), 0);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("validationSummary"))
                ->text()
                .contains(u"Ready to schedule"));
}

void TestComposerWindow::captionIsCountedInUtf16Units() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    auto *caption = m_window->findChild<QPlainTextEdit *>(QStringLiteral("captionEdit"));
    QString text;
    for (int i = 0; i < 1100; ++i) {
        text += QStringLiteral("🎬"); // 2 UTF-16 units each
    }
    caption->setPlainText(text);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("captionCounter"))->text(),
             QStringLiteral("2200 / 2200"));
    QVERIFY(!codes().contains(u"caption.too_long"));
    caption->setPlainText(text + u'!');
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("captionCounter"))->text(),
             QStringLiteral("2201 / 2200"));
    QVERIFY(codes().contains(u"caption.too_long"));
}

void TestComposerWindow::photoPostsHaveNoDuetOrStitch() {
    auto *duet = m_window->findChild<QCheckBox *>(QStringLiteral("allowDuetCheck"));
    duet->setChecked(true);
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp"))});
    waitForProbes();
    QVERIFY(!duet->isEnabled());
    QVERIFY(!duet->isChecked());
    QVERIFY(!codes().contains(u"interaction.not_for_photos"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("captionCounter"))->text(),
             QStringLiteral("0 / 4000"));
}

void TestComposerWindow::removingMediaUpdatesFindings() {
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("photo_large.jpg"))});
    waitForProbes();
    QVERIFY(codes().contains(u"post.mixed_media"));
    auto *list = m_window->findChild<QListView *>(QStringLiteral("mediaList"));
    list->setCurrentIndex(m_window->mediaModel()->index(1));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(m_window->mediaModel()->rowCount(), 1);
    QVERIFY(!codes().contains(u"post.mixed_media"));
    QVERIFY(!codes().contains(u"photo.dimensions_too_large"));
}

void TestComposerWindow::nonFileDropsAreRefused() {
    QMimeData mime;
    mime.setText(QStringLiteral("just text"));
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(!enter.isAccepted());
    QCOMPARE(m_window->mediaModel()->rowCount(), 0);
}

void TestComposerWindow::screenshot() {
    const QString path = qEnvironmentVariable("CLIPQUEUE_SCREENSHOT");
    if (path.isEmpty()) {
        QSKIP("set CLIPQUEUE_SCREENSHOT=FILE.png to save a screenshot");
    }
    drop({fixturePath(QStringLiteral("rotated.mp4")), fixturePath(QStringLiteral("photo_large.jpg")),
          fixturePath(QStringLiteral("truncated.mp4"))});
    waitForProbes();
    QTest::qWait(200);
    m_window->findChild<QPlainTextEdit *>(QStringLiteral("captionEdit"))
        ->setPlainText(QStringLiteral("Launch day 🚀 #launch"));
    QVERIFY(m_window->grab().save(path));
}

QTEST_MAIN(TestComposerWindow)
#include "tst_composerwindow.moc"
