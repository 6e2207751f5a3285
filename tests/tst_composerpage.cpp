// The composer page, offscreen, on a real Backend over a temporary data directory: files dropped on
// it are probed off the GUI thread and listed with their metadata, the TikTok settings start with
// nothing chosen, the findings follow every change (for the first chosen account), and the post is
// stored (draft, review, schedule, edit) through the Backend. Screenshots are saved under the build
// folder: screenshots/composer*.png.
#include <memory>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>

#include "TestFixtures.h"
#include "composer/ComposerPage.h"
#include "composer/FindingsModel.h"
#include "composer/MediaListModel.h"
#include "composer/MediaProbeQueue.h"
#include "media/MediaProber.h"
#include "publish/WorkspaceSettings.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "storage/AccountRepository.h"

using namespace cq;
using namespace cq::ui;
using cq::test::fixturePath;

namespace {

// The summary with `errors` errors, in whatever language (and plural forms) the page speaks.
QString problemsToFix(int errors) {
    return ComposerPage::tr("%n problem(s) to fix", nullptr, errors);
}

struct SeedAccount {
    Account account;
    std::optional<CreatorInfo> creator;
};

// What the data directory holds before the Backend starts.
struct Seed {
    QList<SeedAccount> accounts;
    bool approvalRequired = false;
};

SeedAccount account(const char *id, const char *name, bool isDefault,
                    std::optional<CreatorInfo> creator = {}) {
    Account account;
    account.id = QString::fromLatin1(id);
    account.openId = u"open-" + account.id;
    account.displayName = QString::fromUtf8(name);
    account.isDefault = isDefault;
    account.accessExpiresAt = QDateTime::currentDateTimeUtc().addDays(1);
    account.refreshExpiresAt = QDateTime::currentDateTimeUtc().addDays(365);
    return {account, creator};
}

SeedAccount ana() {
    return account("acct-1", "Ana", true);
}

CreatorInfo anaMakes() {
    CreatorInfo creator;
    creator.username = QStringLiteral("ana.makes");
    creator.nickname = QStringLiteral("Ana");
    creator.privacyLevelOptions = {QStringLiteral("PUBLIC_TO_EVERYONE"),
                                   QStringLiteral("MUTUAL_FOLLOW_FRIENDS"), QStringLiteral("SELF_ONLY")};
    creator.maxVideoPostDurationSec = 600;
    return creator;
}

// Answers the next modal message box with the button `which` once it shows.
void answerNextMessageBox(QMessageBox::StandardButton which, QString *text = nullptr) {
    QTimer::singleShot(0, [which, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(which, text); // not shown yet
            return;
        }
        if (text) {
            *text = box->objectName() + u'|' + box->text();
        }
        box->button(which)->click();
    });
}

} // namespace

using cq::test::screenshotPath;

class TestComposerPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    // What the composer did as a window, kept.
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
    void probingLeavesTheGlobalThreadPoolFree();
    // As a page that stores posts.
    void exposesNamedActionsWithShortcuts();
    void accountPickerListsConnectedAccounts();
    void withoutAnAccountItSaysHowToConnectOne();
    void actionsAreDisabledWithAReason();
    void buttonsAreNamedForWhatTheyDo();
    void saveDraftStoresAPost();
    void severalAccountsMakeOnePostEach();
    void scheduleInAZoneStoresTheRightUtcTime();
    void ctrlReturnSchedules();
    void approvalRequiredSubmitsForReview();
    void copyingShowsProgressAndLocksTheComposer();
    void failedSaveKeepsThePost();
    void editingAStoredPostRoundTrips();
    void editingAnApprovedPostWarnsFirst();
    void changesRequestedShowsTheReviewersComment();
    void unsavedChangesAreDetected();
    void confirmDiscardAsksSaveDiscardCancel();
    void screenshot();
    void screenshotEditing();

private:
    void restart(const Seed &seed);
    void drop(const QStringList &paths);
    QStringList codes() const;
    QModelIndex findingRow(const QString &code) const;
    void waitForProbes();
    void waitUntilSaved();
    void composeValidVideo();
    QList<PostRow> storedPosts();
    PostRow createStored(CreateIntent intent);
    template<typename T>
    T *widget(const char *objectName) const;

    MediaProber m_prober;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ComposerPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_mediaTester;
    std::unique_ptr<QAbstractItemModelTester> m_findingsTester;
};

void TestComposerPage::init() {
    restart({.accounts = {ana()}});
}

void TestComposerPage::cleanup() {
    m_mediaTester.reset();
    m_findingsTester.reset();
    m_page.reset();
    m_backend.reset();
    m_dataDir.reset();
}

// A fresh data directory with `seed` in it, a Backend on it (not publishing), and a page.
void TestComposerPage::restart(const Seed &seed) {
    cleanup();
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    qputenv("CLIPQUEUE_DATA_DIR", m_dataDir->path().toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    {
        auto session = Session::open();
        QVERIFY2(session, session ? "" : qPrintable(session.error().message));
        AccountRepository accounts((*session)->database());
        for (const SeedAccount &seeded : seed.accounts) {
            QVERIFY(accounts.insert(seeded.account, QDateTime::currentDateTimeUtc()));
            if (seeded.creator) {
                QVERIFY(accounts.storeCreatorInfo(seeded.account.id, *seeded.creator,
                                                  QDateTime::currentDateTimeUtc()));
            }
        }
        WorkspaceSettings settings((*session)->database());
        QVERIFY(settings.set(QString::fromLatin1(settings::ApprovalRequired),
                             seed.approvalRequired ? QStringLiteral("true") : QStringLiteral("false")));
        QVERIFY(
            settings.set(QString::fromLatin1(settings::DefaultTimeZone), QStringLiteral("Europe/Berlin")));
    }
    m_backend = std::make_unique<Backend>();
    Backend::Options options;
    options.publish = false;
    m_backend->start(options);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->isReady(), 10000);

    m_page = std::make_unique<ComposerPage>(*m_backend, m_prober);
    m_mediaTester = std::make_unique<QAbstractItemModelTester>(m_page->mediaModel());
    m_findingsTester = std::make_unique<QAbstractItemModelTester>(m_page->findingsModel());
    const int em = m_page->fontMetrics().averageCharWidth();
    m_page->resize(em * 180, m_page->fontMetrics().height() * 46);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

template<typename T>
T *TestComposerPage::widget(const char *objectName) const {
    T *found = m_page->findChild<T *>(QLatin1StringView(objectName));
    if (!found) {
        qFatal("no widget named %s", objectName);
    }
    return found;
}

void TestComposerPage::drop(const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths) {
        urls << QUrl::fromLocalFile(path);
    }
    mime.setUrls(urls);
    const QPoint where = m_page->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(m_page.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    dropped.setAccepted(false);
    QApplication::sendEvent(m_page.get(), &dropped);
    QVERIFY(dropped.isAccepted());
}

void TestComposerPage::waitForProbes() {
    QTRY_COMPARE_WITH_TIMEOUT(m_page->probeQueue()->pending(), 0, 15000);
}

void TestComposerPage::waitUntilSaved() {
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 15000);
}

// A vertical video with privacy chosen: a post without errors.
void TestComposerPage::composeValidVideo() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Launch day 🚀 #launch"));
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Only me")));
    QCOMPARE(m_page->findingsModel()->errorCount(), 0);
}

QList<PostRow> TestComposerPage::storedPosts() {
    std::optional<std::expected<QList<PostRow>, Error>> result;
    m_backend->listPosts({}, std::nullopt, 100, this,
                         [&](std::expected<QList<PostRow>, Error> rows) { result = rows; });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    }();
    if (!result) {
        return {};
    }
    if (!*result) {
        qWarning("%s", qPrintable(result->error().message));
        return {};
    }
    return **result;
}

// A post stored through the Backend the way the composer stores one, for Ana.
PostRow TestComposerPage::createStored(CreateIntent intent) {
    Post post;
    post.text = QStringLiteral("Stored caption #one");
    MediaDescriptor media;
    media.url = fileUrlForPath(fixturePath(QStringLiteral("vertical.mp4")));
    post.media << media;
    post.tiktok.privacyLevel = QStringLiteral("SELF_ONLY");
    post.tiktok.disableComment = false;
    post.accounts << QStringLiteral("acct-1");
    post.scheduledFor = QDateTime(QDate::currentDate().addDays(3), QTime(18, 30), QTimeZone("Europe/Berlin"));
    std::optional<std::expected<QList<PostRow>, Error>> result;
    m_backend->createPost(post, QString(), intent, this,
                          [&](std::expected<QList<PostRow>, Error> rows) { result = rows; });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    }();
    if (!result || !*result || (*result)->isEmpty()) {
        qFatal("could not store a post: %s", result && !*result ? qPrintable(result->error().message) : "");
    }
    return (*result)->first();
}

QStringList TestComposerPage::codes() const {
    QStringList result;
    const FindingsModel *model = m_page->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        result << model->index(row).data(FindingsModel::CodeRole).toString();
    }
    return result;
}

QModelIndex TestComposerPage::findingRow(const QString &code) const {
    const FindingsModel *model = m_page->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(FindingsModel::CodeRole).toString() == code) {
            return model->index(row);
        }
    }
    return {};
}

void TestComposerPage::startsEmptyWithNothingChosen() {
    QCOMPARE(m_page->objectName(), QStringLiteral("composerPage"));
    QVERIFY(!m_page->hasUnsavedChanges());
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
    QCOMPARE(widget<QLabel>("validationSummary")->text(), problemsToFix(2));
}

void TestComposerPage::privacyOffersEveryLevelByName() {
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

void TestComposerPage::droppedFilesAreProbedAndListed_data() {
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

void TestComposerPage::droppedFilesAreProbedAndListed() {
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QString, mimeType);
    QFETCH(int, width);
    QFETCH(int, height);

    drop({fixturePath(file)});
    const MediaListModel *model = m_page->mediaModel();
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

void TestComposerPage::videoSummaryNamesItsMetadata() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    const QModelIndex row = m_page->mediaModel()->index(0);
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

void TestComposerPage::unreadableFileShowsItsError_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("empty file") << "empty.mp4";
    QTest::newRow("cut short, index lost") << "truncated.mp4";
}

void TestComposerPage::unreadableFileShowsItsError() {
    QFETCH(QString, file);
    drop({fixturePath(file), fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();

    const QModelIndex broken = m_page->mediaModel()->index(0);
    QCOMPARE(broken.data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Unreadable);
    QCOMPARE(broken.data(MediaListModel::ErrorCodeRole).toString(), QStringLiteral("media.unreadable"));
    QVERIFY(broken.data(MediaListModel::ErrorRole).toString().startsWith(file + u": "));
    QVERIFY(!broken.data(MediaListModel::SummaryRole).toString().isEmpty());
    QVERIFY(!broken.data(MediaListModel::WidthRole).isValid()); // nothing is known about it
    QVERIFY(broken.data(MediaListModel::ThumbnailRole).value<QImage>().isNull());
    QCOMPARE(m_page->mediaModel()->index(1).data(MediaListModel::StateRole).value<MediaListModel::State>(),
             MediaListModel::State::Ready);

    // The finding names the file and points at its row.
    const QModelIndex finding = findingRow(QStringLiteral("media.unreadable"));
    QVERIFY(finding.isValid());
    QVERIFY(finding.data(FindingsModel::IsErrorRole).toBool());
    QVERIFY(finding.data(Qt::DisplayRole).toString().contains(file));
    QCOMPARE(finding.data(FindingsModel::MediaIndexRole).toInt(), 0);
    QVERIFY(finding.data(Qt::ToolTipRole).toString().contains(u"media.unreadable"));
}

void TestComposerPage::videoAndPhotoAreMixedMedia() {
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("photo.jpg"))});
    waitForProbes();
    QVERIFY(codes().contains(u"post.mixed_media"));
    const int errors = m_page->findingsModel()->errorCount();
    QVERIFY(errors >= 2); // mixed media and privacy
    QCOMPARE(widget<QLabel>("validationSummary")->text(), problemsToFix(errors));
}

void TestComposerPage::privacyMustBeChosen() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"privacy.required"));
    QCOMPARE(widget<QLabel>("validationSummary")->text(), problemsToFix(1));
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Only me")));
    QCOMPARE(m_page->post().tiktok.privacyLevel, QStringLiteral("SELF_ONLY"));
    QVERIFY(!codes().contains(u"privacy.required"));
    QCOMPARE(m_page->findingsModel()->errorCount(), 0);
    QCOMPARE(widget<QLabel>("validationSummary")->text(),
             ComposerPage::tr("%1 · %n note(s) below", nullptr, 1).arg(u"✔ Ready to post"));
}

void TestComposerPage::captionIsCountedInUtf16Units_data() {
    QTest::addColumn<int>("emoji"); // each 2 UTF-16 units
    QTest::addColumn<QString>("tail");
    QTest::addColumn<QString>("counter");
    QTest::addColumn<bool>("tooLong");

    QTest::newRow("2200 units: at the limit") << 1100 << QString() << "2200 / 2200" << false;
    QTest::newRow("2201 units: one over") << 1100 << "!"
                                          << "2201 / 2200" << true;
    QTest::newRow("1101 characters but 2202 units") << 1101 << QString() << "2202 / 2200" << true;
}

void TestComposerPage::captionIsCountedInUtf16Units() {
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

void TestComposerPage::photoPostsHaveNoDuetOrStitch() {
    auto *duet = widget<QCheckBox>("allowDuetCheck");
    auto *stitch = widget<QCheckBox>("allowStitchCheck");
    duet->setChecked(true);
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp"))});
    waitForProbes();
    // Photo posts show only Comment.
    QVERIFY(!duet->isVisible());
    QVERIFY(!duet->isChecked());
    QVERIFY(!stitch->isVisible());
    QVERIFY(widget<QCheckBox>("allowCommentCheck")->isEnabled());
    QVERIFY(!codes().contains(u"interaction.not_for_photos"));
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 4000"));

    // A video instead: Duet and Stitch can be turned on again, the limit is the video caption's.
    m_page->mediaModel()->removeRowsAt({0, 1});
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(duet->isVisible() && duet->isEnabled());
    QVERIFY(!widget<QLabel>("interactionsNote")->isVisible());
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 2200"));
}

void TestComposerPage::photoPostWithAnUnreadableFileFollowsTheValidator() {
    // Two photos and a file that cannot be read: still a photo post, for the counter, the
    // interaction switches and the findings alike (one rule, core's).
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp")),
          fixturePath(QStringLiteral("truncated.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"media.unreadable"));
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 4000"));
    QVERIFY(!widget<QCheckBox>("allowDuetCheck")->isVisible());
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QString(2201, u'a'));
    QVERIFY(!codes().contains(u"caption.too_long")); // 2201 is fine for photos (4000)
}

void TestComposerPage::creatorInfoLimitsTheChoices() {
    // Ana (the default) has no creator info yet; Bob's says what TikTok allows him.
    CreatorInfo bob;
    bob.username = QStringLiteral("bob.films");
    bob.privacyLevelOptions = {QStringLiteral("PUBLIC_TO_EVERYONE"), QStringLiteral("SELF_ONLY")};
    bob.duetDisabled = true;
    bob.maxVideoPostDurationSec = 1; // shorter than the fixture
    restart({.accounts = {ana(), account("acct-2", "Bob", false, bob)}});

    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"creator.unknown"));
    auto *duet = widget<QCheckBox>("allowDuetCheck");
    duet->setChecked(true);

    // The findings and the choices follow the first chosen account.
    auto *accounts = widget<QListWidget>("accountList");
    accounts->item(1)->setCheckState(Qt::Checked);
    accounts->item(0)->setCheckState(Qt::Unchecked);
    QVERIFY(!codes().contains(u"creator.unknown"));
    QVERIFY(codes().contains(u"video.duration_too_long"));
    // Duet was on; the creator turned it off in TikTok, so it is off and cannot be turned on.
    QVERIFY(!duet->isChecked());
    QVERIFY(!duet->isEnabled());
    QVERIFY(widget<QCheckBox>("allowStitchCheck")->isEnabled());
    QVERIFY(widget<QLabel>("interactionsNote")->isVisible());
    // Exactly the creator's privacy levels are offered.
    auto *privacy = widget<QComboBox>("privacyCombo");
    QStringList offered;
    for (int row = 1; row < privacy->count(); ++row) {
        offered << privacy->itemData(row).toString();
    }
    QCOMPARE(offered, bob.privacyLevelOptions);
    QCOMPARE(m_page->post().accounts, QStringList{QStringLiteral("acct-2")});
}

void TestComposerPage::deleteKeyRemovesMediaAndUpdatesFindings() {
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("photo_large.jpg"))});
    waitForProbes();
    QVERIFY(codes().contains(u"post.mixed_media"));
    QVERIFY(codes().contains(u"photo.dimensions_too_large"));
    auto *list = widget<QListView>("mediaList");
    list->setCurrentIndex(m_page->mediaModel()->index(1));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(m_page->mediaModel()->rowCount(), 1);
    QCOMPARE(m_page->mediaModel()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("vertical.mp4"));
    QVERIFY(!codes().contains(u"post.mixed_media"));
    QVERIFY(!codes().contains(u"photo.dimensions_too_large"));
}

void TestComposerPage::removeActionRemovesTheSelection() {
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp")),
          fixturePath(QStringLiteral("photo.png"))});
    waitForProbes();
    QVERIFY(codes().contains(u"photo.format_unsupported"));
    auto *list = widget<QListView>("mediaList");
    list->selectionModel()->select(m_page->mediaModel()->index(0), QItemSelectionModel::Select);
    list->selectionModel()->select(m_page->mediaModel()->index(2), QItemSelectionModel::Select);
    auto *remove = widget<QAction>("removeMediaAction");
    QVERIFY(list->actions().contains(remove)); // offered in the list's context menu
    remove->trigger();
    QCOMPARE(m_page->mediaModel()->rowCount(), 1);
    QCOMPARE(m_page->mediaModel()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("photo.webp"));
    QVERIFY(!codes().contains(u"photo.format_unsupported"));
    QCOMPARE(m_page->post().media.size(), 1);
}

void TestComposerPage::movingMediaMovesItsFindings() {
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo_large.jpg"))});
    waitForProbes();
    QCOMPARE(
        findingRow(QStringLiteral("photo.dimensions_too_large")).data(FindingsModel::MediaIndexRole).toInt(),
        1);
    auto *list = widget<QListView>("mediaList");
    list->setCurrentIndex(m_page->mediaModel()->index(1));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_page->mediaModel()->index(0).data(Qt::DisplayRole).toString(),
             QStringLiteral("photo_large.jpg"));
    QCOMPARE(list->currentIndex().row(), 0); // the moved item stays current
    QVERIFY(m_page->post().media.at(0).url.endsWith(u"photo_large.jpg"));
    QCOMPARE(
        findingRow(QStringLiteral("photo.dimensions_too_large")).data(FindingsModel::MediaIndexRole).toInt(),
        0);
    widget<QAction>("moveMediaLaterAction")->trigger();
    QCOMPARE(m_page->mediaModel()->index(1).data(Qt::DisplayRole).toString(),
             QStringLiteral("photo_large.jpg"));
}

void TestComposerPage::doubleClickingAMediaFindingSelectsItsRow() {
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

void TestComposerPage::nonFileDropsAreRefused() {
    QMimeData text;
    text.setText(QStringLiteral("just text"));
    QDragEnterEvent enterText(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    enterText.setAccepted(false);
    QApplication::sendEvent(m_page.get(), &enterText);
    QVERIFY(!enterText.isAccepted());

    QMimeData web;
    web.setUrls({QUrl(QStringLiteral("https://example.com/clip.mp4"))});
    QDragEnterEvent enterWeb(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    enterWeb.setAccepted(false);
    QApplication::sendEvent(m_page.get(), &enterWeb);
    QVERIFY(!enterWeb.isAccepted());
    QDropEvent dropWeb(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &dropWeb);
    QVERIFY(!dropWeb.isAccepted());
    QCOMPARE(m_page->mediaModel()->rowCount(), 0);
}

void TestComposerPage::closingWithWorkPendingIsQuick() {
    QStringList many;
    for (int i = 0; i < 20; ++i) {
        many << fixturePath(QStringLiteral("vertical.mp4")) << fixturePath(QStringLiteral("photo_large.jpg"));
    }
    drop(many);
    QCOMPARE(m_page->mediaModel()->rowCount(), 40);
    QVERIFY(m_page->probeQueue()->pending() > 0);
    QElapsedTimer timer;
    timer.start();
    m_mediaTester.reset();
    m_findingsTester.reset();
    m_page.reset(); // destroys the page with probes and thumbnails still queued
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QTest::qWait(50); // no late signal reaches the destroyed page
}

// Qt paints scaled images in segments on the global pool and waits for them on the GUI thread: probes
// queued there froze the window until they were all done (bench_window: 1.2 s for 200 files).
void TestComposerPage::probingLeavesTheGlobalThreadPoolFree() {
    QStringList many;
    for (int i = 0; i < 20; ++i) {
        many << fixturePath(QStringLiteral("vertical.mp4")) << fixturePath(QStringLiteral("photo_large.jpg"));
    }
    drop(many);
    QVERIFY(m_page->probeQueue()->pending() > 0);
    // Probes and thumbnails run on the queue's own pool. Qt itself queues short tasks on the global pool
    // while painting (image scaling) and the GUI thread waits for them: were the probes there, each
    // paint would wait for every queued probe.
    QVERIFY(&m_page->probeQueue()->threadPool() != QThreadPool::globalInstance());
    QVERIFY(m_page->probeQueue()->threadPool().activeThreadCount() > 0
            || m_page->probeQueue()->pending() < many.size());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->probeQueue()->pending(), 0, 30000);
}

void TestComposerPage::exposesNamedActionsWithShortcuts() {
    QStringList names;
    for (const QAction *action : m_page->fileActions() + m_page->postActions()) {
        names << action->objectName();
    }
    QCOMPARE(names, (QStringList{QStringLiteral("newPostAction"), QStringLiteral("addMediaAction"),
                                 QStringLiteral("saveDraftAction"), QStringLiteral("submitPostAction")}));
    QCOMPARE(widget<QAction>("newPostAction")->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(widget<QAction>("addMediaAction")->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(widget<QAction>("saveDraftAction")->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(widget<QAction>("submitPostAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QVERIFY(widget<QAction>("saveDraftAction")
                ->toolTip()
                .contains(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    // Every control people use has a name a screen reader can say: its own, its text or its label's.
    QSet<const QWidget *> labelled;
    for (const QLabel *label : m_page->findChildren<QLabel *>()) {
        labelled.insert(label->buddy());
    }
    for (const QWidget *child : m_page->findChildren<QWidget *>()) {
        const QWidget *parent = child->parentWidget();
        if (child->focusPolicy() == Qt::NoFocus || !child->isVisibleTo(m_page.get())
            || qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent)) {
            continue; // not a control, or a part of one
        }
        const auto *button = qobject_cast<const QAbstractButton *>(child);
        const bool named = !child->accessibleName().isEmpty() || (button && !button->text().isEmpty())
                           || labelled.contains(child);
        QVERIFY2(named, qPrintable(child->objectName() + u" ("
                                   + QString::fromLatin1(child->metaObject()->className()) + u')'));
    }
    // Hidden, the page's post actions do nothing (Ctrl+S belongs to the page that is shown).
    composeValidVideo();
    QVERIFY(widget<QAction>("saveDraftAction")->isEnabled());
    m_page->hide();
    QVERIFY(!widget<QAction>("saveDraftAction")->isEnabled());
    QVERIFY(widget<QAction>("newPostAction")->isEnabled());
    m_page->show();
    QVERIFY(widget<QAction>("saveDraftAction")->isEnabled());
}

void TestComposerPage::accountPickerListsConnectedAccounts() {
    restart({.accounts = {account("acct-1", "Ana", true, anaMakes()), account("acct-2", "Bob", false)}});
    auto *list = widget<QListWidget>("accountList");
    QVERIFY(list->isVisible());
    QVERIFY(!widget<QLabel>("noAccountHint")->isVisible());
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().startsWith(u"Ana\n@ana.makes"));
    QVERIFY(list->item(0)->text().contains(u"default"));
    QVERIFY(list->item(1)->text().startsWith(u"Bob"));
    QVERIFY(!list->item(0)->icon().isNull()); // the drawn avatar
    // The default account is checked; the others can be.
    QCOMPARE(list->item(0)->checkState(), Qt::Checked);
    QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
    QVERIFY(list->item(1)->flags().testFlag(Qt::ItemIsUserCheckable));
    QCOMPARE(m_page->post().accounts, QStringList{QStringLiteral("acct-1")});
    QVERIFY(!m_page->hasUnsavedChanges()); // checked by itself, not by the user
    list->item(1)->setCheckState(Qt::Checked);
    QCOMPARE(m_page->post().accounts, (QStringList{QStringLiteral("acct-1"), QStringLiteral("acct-2")}));
    QVERIFY(m_page->hasUnsavedChanges());
}

void TestComposerPage::withoutAnAccountItSaysHowToConnectOne() {
    restart({});
    auto *hint = widget<QLabel>("noAccountHint");
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(u"Accounts page"));
    QSignalSpy accountsRequested(m_page.get(), &ComposerPage::accountsRequested);
    Q_EMIT hint->linkActivated(QStringLiteral("#accounts"));
    QCOMPARE(accountsRequested.count(), 1);
    QVERIFY(!widget<QListWidget>("accountList")->isVisible());
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Only me")));
    // It can be kept as a draft, not sent anywhere.
    QVERIFY(codes().contains(u"post.no_accounts"));
    QVERIFY(widget<QPushButton>("saveDraftButton")->isEnabled());
    QVERIFY(!widget<QPushButton>("submitButton")->isEnabled());
    QCOMPARE(widget<QLabel>("actionReason")->text(),
             findingRow(QStringLiteral("post.no_accounts")).data(Qt::DisplayRole).toString());
    // The finding leads to the Accounts page too.
    auto *findings = widget<QListView>("findingsView");
    Q_EMIT findings->activated(findingRow(QStringLiteral("post.no_accounts")));
    QCOMPARE(accountsRequested.count(), 2);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-no-account"))));
}

void TestComposerPage::actionsAreDisabledWithAReason() {
    auto *save = widget<QPushButton>("saveDraftButton");
    auto *submit = widget<QPushButton>("submitButton");
    auto *reason = widget<QLabel>("actionReason");
    // Nothing to save yet.
    QVERIFY(!save->isEnabled());
    QVERIFY(!submit->isEnabled());
    QVERIFY2(reason->text().startsWith(u"Add a video or photos first"), qPrintable(reason->text()));
    QVERIFY(save->toolTip().contains(reason->text()));

    // A video: it can be kept as a draft, but not sent while a finding is an error.
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(save->isEnabled());
    QVERIFY(!submit->isEnabled());
    QCOMPARE(reason->text(), findingRow(QStringLiteral("privacy.required")).data(Qt::DisplayRole).toString());
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Only me")));
    QVERIFY(submit->isEnabled());
    QCOMPARE(reason->text(), QString());

    // A time that has passed is an error finding too.
    widget<QRadioButton>("atRadio")->setChecked(true);
    widget<QDateTimeEdit>("scheduleTimeEdit")
        ->setDateTime(QDateTime(QDate(2020, 1, 1), QTime(9, 0), QTimeZone::utc()));
    QVERIFY(codes().contains(u"schedule.in_past"));
    QVERIFY(!submit->isEnabled());
    QCOMPARE(reason->text(), findingRow(QStringLiteral("schedule.in_past")).data(Qt::DisplayRole).toString());
    widget<QRadioButton>("asapRadio")->setChecked(true);
    QVERIFY(submit->isEnabled());

    // A file that cannot be read: not even a draft.
    drop({fixturePath(QStringLiteral("truncated.mp4"))});
    QVERIFY(!save->isEnabled());
    QCOMPARE(reason->text(), QStringLiteral("Reading media…"));
    waitForProbes();
    QVERIFY(!save->isEnabled());
    QVERIFY(!submit->isEnabled());
    QVERIFY2(reason->text().contains(u"truncated.mp4"), qPrintable(reason->text()));
    QVERIFY(!widget<QAction>("saveDraftAction")->isEnabled()); // Ctrl+S does nothing either
}

void TestComposerPage::buttonsAreNamedForWhatTheyDo() {
    auto *submit = widget<QPushButton>("submitButton");
    QCOMPARE(widget<QPushButton>("saveDraftButton")->text(), QStringLiteral("&Save draft"));
    QCOMPARE(submit->text(), QStringLiteral("Post now"));
    widget<QRadioButton>("atRadio")->setChecked(true);
    QCOMPARE(submit->text(), QStringLiteral("Schedule"));
    QCOMPARE(widget<QAction>("submitPostAction")->text(), QStringLiteral("Schedule"));
}

void TestComposerPage::saveDraftStoresAPost() {
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Draft 🎬 #wip"));
    QVERIFY(m_page->hasUnsavedChanges());
    QSignalSpy saved(m_page.get(), &ComposerPage::postsSaved);
    QTest::keyClick(widget<QPlainTextEdit>("captionEdit"), Qt::Key_S, Qt::ControlModifier);
    waitUntilSaved();
    QCOMPARE(saved.count(), 1);
    auto *result = widget<QLabel>("resultMessage");
    QVERIFY(result->isVisible());
    QVERIFY2(result->text().contains(u"Saved as a draft"), qPrintable(result->text()));
    QVERIFY(!widget<QLabel>("errorMessage")->isVisible());
    // The composer is empty again for the next post.
    QCOMPARE(m_page->mediaModel()->rowCount(), 0);
    QCOMPARE(widget<QPlainTextEdit>("captionEdit")->toPlainText(), QString());
    QVERIFY(!m_page->hasUnsavedChanges());

    const QList<PostRow> posts = storedPosts();
    QCOMPARE(posts.size(), 1);
    const StoredPost &post = posts.first().post;
    QCOMPARE(post.status, PostStatus::Draft);
    QCOMPARE(post.content.text, QStringLiteral("Draft 🎬 #wip"));
    QCOMPARE(post.content.accounts, QStringList{QStringLiteral("acct-1")});
    QCOMPARE(post.media.size(), 1);
    QVERIFY(QFileInfo::exists(
        QDir(m_backend->workspace().mediaStoreRoot)
            .filePath(u"objects/" + post.media.first().sha256.left(2) + u'/' + post.media.first().sha256)));
    QVERIFY(post.content.tiktok.disableComment); // interactions stay off unless turned on
    QVERIFY(!post.schedule.atUtc);
}

void TestComposerPage::severalAccountsMakeOnePostEach() {
    restart({.accounts = {account("acct-1", "Ana", true, anaMakes()), account("acct-2", "Bob", false)}});
    widget<QListWidget>("accountList")->item(1)->setCheckState(Qt::Checked);
    composeValidVideo();
    widget<QAction>("saveDraftAction")->trigger();
    waitUntilSaved();
    QVERIFY2(widget<QLabel>("resultMessage")->text().contains(u"(Ana, Bob)"),
             qPrintable(widget<QLabel>("resultMessage")->text()));
    QStringList accounts;
    for (const PostRow &row : storedPosts()) {
        accounts << row.post.accountId();
        QCOMPARE(row.post.media.first().sha256, storedPosts().first().post.media.first().sha256); // one copy
    }
    accounts.sort();
    QCOMPARE(accounts, (QStringList{QStringLiteral("acct-1"), QStringLiteral("acct-2")}));
}

void TestComposerPage::scheduleInAZoneStoresTheRightUtcTime() {
    composeValidVideo();
    auto *zone = widget<QComboBox>("timeZoneCombo");
    QCOMPARE(zone->currentText(), QStringLiteral("Europe/Berlin")); // the workspace's default
    widget<QRadioButton>("atRadio")->setChecked(true);
    const QDate day = QDate::currentDate().addDays(10);
    widget<QDateTimeEdit>("scheduleTimeEdit")->setDateTime(QDateTime(day, QTime(18, 30), QTimeZone::utc()));
    zone->setCurrentIndex(zone->findText(QStringLiteral("America/New_York")));
    const QDateTime expected(day, QTime(18, 30), QTimeZone("America/New_York"));
    QCOMPARE(*m_page->post().scheduledFor, expected);
    QVERIFY(widget<QLabel>("scheduleHint")->isVisible());
    QCOMPARE(widget<QPushButton>("submitButton")->text(), QStringLiteral("Schedule"));
    widget<QAction>("submitPostAction")->trigger();
    waitUntilSaved();

    const QList<PostRow> posts = storedPosts();
    QCOMPARE(posts.size(), 1);
    const StoredPost &post = posts.first().post;
    QCOMPARE(post.status, PostStatus::Scheduled);
    QCOMPARE(*post.schedule.atUtc, expected.toUTC());
    QCOMPARE(post.schedule.atUtc->timeSpec(), Qt::UTC);
    QCOMPARE(post.schedule.timeZone, QStringLiteral("America/New_York"));
    const QString result = widget<QLabel>("resultMessage")->text();
    QVERIFY2(result.contains(u"Scheduled for ") && result.contains(u"18:30")
                 && result.contains(u"America/New_York"),
             qPrintable(result));
}

void TestComposerPage::ctrlReturnSchedules() {
    composeValidVideo();
    QCOMPARE(widget<QPushButton>("submitButton")->text(), QStringLiteral("Post now"));
    QTest::keyClick(widget<QPlainTextEdit>("captionEdit"), Qt::Key_Return, Qt::ControlModifier);
    waitUntilSaved();
    const QList<PostRow> posts = storedPosts();
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().post.status, PostStatus::Scheduled);
    QVERIFY(!posts.first().post.schedule.atUtc); // as soon as possible
    QVERIFY(widget<QLabel>("resultMessage")->text().contains(u"as soon as possible"));
}

void TestComposerPage::approvalRequiredSubmitsForReview() {
    restart({.accounts = {ana()}, .approvalRequired = true});
    auto *submit = widget<QPushButton>("submitButton");
    QCOMPARE(submit->text(), QStringLiteral("Submit for review"));
    widget<QRadioButton>("atRadio")->setChecked(true);
    QCOMPARE(submit->text(), QStringLiteral("Submit for review")); // with a time too
    widget<QRadioButton>("asapRadio")->setChecked(true);
    composeValidVideo();
    QVERIFY(widget<QLabel>("validationSummary")->text().startsWith(u"✔ Ready to submit for review"));
    QVERIFY(submit->isEnabled());
    submit->click();
    waitUntilSaved();
    QCOMPARE(storedPosts().first().post.status, PostStatus::InReview);
    QVERIFY(widget<QLabel>("resultMessage")->text().contains(u"Sent for review"));
}

void TestComposerPage::copyingShowsProgressAndLocksTheComposer() {
    composeValidVideo();
    QSignalSpy progress(m_backend.get(), &Backend::storeProgress);
    widget<QAction>("saveDraftAction")->trigger();
    QVERIFY(m_page->isBusy());
    auto *bar = widget<QProgressBar>("storeProgress");
    auto *label = widget<QLabel>("storeProgressLabel");
    QVERIFY(bar->isVisible());
    const QString copying = ComposerPage::tr("Copying %n file(s) into ClipQueue's media store…", nullptr, 1);
    QVERIFY(label->text().startsWith(copying));
    // Nothing can change while it copies.
    QVERIFY(!widget<QSplitter>("composerSplitter")->isEnabled());
    QVERIFY(!widget<QPushButton>("saveDraftButton")->isEnabled());
    QVERIFY(!widget<QPushButton>("submitButton")->isEnabled());
    QVERIFY(!widget<QAction>("addMediaAction")->isEnabled());
    Q_EMIT m_backend->storeProgress(120'000'000, 300'000'000); // as the worker reports it
    QCOMPARE(label->text(),
             ComposerPage::tr("Copying %n file(s) into ClipQueue's media store… %1 of %2", nullptr, 1)
                 .arg(u"120 MB", u"300 MB"));
    QCOMPARE(bar->value(), 400);
    waitUntilSaved();
    // The worker's own reports (recorded as they were sent, before or after the one above) end with
    // every byte copied.
    const qint64 size = QFileInfo(fixturePath(QStringLiteral("vertical.mp4"))).size();
    const auto complete =
        std::find_if(progress.cbegin(), progress.cend(), [size](const QList<QVariant> &report) {
            return report.at(0).toLongLong() == size && report.at(1).toLongLong() == size;
        });
    QVERIFY(complete != progress.cend());
    QVERIFY(!bar->isVisible());
    QVERIFY(widget<QSplitter>("composerSplitter")->isEnabled());
}

void TestComposerPage::failedSaveKeepsThePost() {
    QTemporaryDir folder;
    const QString clip = folder.filePath(QStringLiteral("clip.mp4"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("vertical.mp4")), clip));
    drop({clip});
    waitForProbes();
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Not lost"));
    QVERIFY(QFile::remove(clip)); // gone before it is copied into the store
    widget<QAction>("saveDraftAction")->trigger();
    waitUntilSaved();
    auto *error = widget<QLabel>("errorMessage");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"Nothing was lost"), qPrintable(error->text()));
    QVERIFY(!widget<QLabel>("resultMessage")->isVisible());
    QCOMPARE(m_page->mediaModel()->rowCount(), 1);
    QCOMPARE(widget<QPlainTextEdit>("captionEdit")->toPlainText(), QStringLiteral("Not lost"));
    QVERIFY(m_page->hasUnsavedChanges());
    QVERIFY(storedPosts().isEmpty());
}

void TestComposerPage::editingAStoredPostRoundTrips() {
    restart({.accounts = {account("acct-1", "Ana", true, anaMakes()), account("acct-2", "Bob", false)}});
    const PostRow stored = createStored(CreateIntent::SaveDraft);
    m_page->editPost(stored);
    QCOMPARE(m_page->editedPostId(), std::optional(stored.post.id));
    QVERIFY(widget<QLabel>("editingNote")->isVisible());
    QCOMPARE(widget<QPlainTextEdit>("captionEdit")->toPlainText(), QStringLiteral("Stored caption #one"));
    QCOMPARE(widget<QComboBox>("privacyCombo")->currentData().toString(), QStringLiteral("SELF_ONLY"));
    QVERIFY(widget<QCheckBox>("allowCommentCheck")->isChecked());
    QVERIFY(!widget<QCheckBox>("allowDuetCheck")->isChecked());
    QCOMPARE(widget<QComboBox>("timeZoneCombo")->currentText(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(widget<QDateTimeEdit>("scheduleTimeEdit")->time(), QTime(18, 30)); // in its zone
    QVERIFY(widget<QRadioButton>("atRadio")->isChecked());
    QVERIFY(!widget<QRadioButton>("asapRadio")->isEnabled());
    // Its media, from the store, read-only.
    QCOMPARE(m_page->mediaModel()->rowCount(), 1);
    const QModelIndex media = m_page->mediaModel()->index(0);
    QVERIFY(media.data(MediaListModel::StoredRole).toBool());
    QCOMPARE(media.data(Qt::DisplayRole).toString(), QStringLiteral("vertical.mp4"));
    QTRY_VERIFY(!media.data(MediaListModel::ThumbnailRole).value<QImage>().isNull());
    QVERIFY(!widget<QAction>("addMediaAction")->isEnabled());
    QVERIFY(!widget<QAction>("removeMediaAction")->isEnabled());
    // One account: choosing another moves the post there; the last one cannot be unchecked.
    auto *accounts = widget<QListWidget>("accountList");
    QCOMPARE(accounts->item(0)->checkState(), Qt::Checked);
    QCOMPARE(accounts->item(1)->checkState(), Qt::Unchecked);
    accounts->item(1)->setCheckState(Qt::Checked);
    QCOMPARE(accounts->item(0)->checkState(), Qt::Unchecked);
    accounts->item(1)->setCheckState(Qt::Unchecked);
    QCOMPARE(accounts->item(1)->checkState(), Qt::Checked);
    QCOMPARE(m_page->post().accounts, QStringList{QStringLiteral("acct-2")});
    accounts->item(0)->setCheckState(Qt::Checked);
    QCOMPARE(widget<QPushButton>("saveDraftButton")->text(), QStringLiteral("&Save changes"));
    QCOMPARE(widget<QPushButton>("submitButton")->text(), QStringLiteral("Save and schedule"));
    QVERIFY(!m_page->hasUnsavedChanges());

    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Edited caption #two"));
    auto *zone = widget<QComboBox>("timeZoneCombo");
    zone->setCurrentIndex(zone->findText(QStringLiteral("Asia/Tokyo")));
    QVERIFY(m_page->hasUnsavedChanges());
    widget<QAction>("saveDraftAction")->trigger();
    waitUntilSaved();
    QVERIFY2(widget<QLabel>("resultMessage")->text().startsWith(u"✔ Saved your changes."),
             qPrintable(widget<QLabel>("resultMessage")->text()));
    QVERIFY(!m_page->editedPostId());

    const QList<PostRow> posts = storedPosts();
    QCOMPARE(posts.size(), 1);
    const StoredPost &post = posts.first().post;
    QCOMPARE(post.id, stored.post.id);
    QCOMPARE(post.content.text, QStringLiteral("Edited caption #two"));
    QCOMPARE(post.media.first().sha256, stored.post.media.first().sha256);
    QCOMPARE(post.schedule.timeZone, QStringLiteral("Asia/Tokyo"));
    QCOMPARE(post.accountId(), QStringLiteral("acct-1"));
    QCOMPARE(*post.schedule.atUtc,
             QDateTime(stored.post.schedule.atUtc->toTimeZone(QTimeZone("Europe/Berlin")).date(),
                       QTime(18, 30), QTimeZone("Asia/Tokyo"))
                 .toUTC());

    // Editing again and sending it: saved, then scheduled.
    m_page->editPost(posts.first());
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Edited caption #three"));
    widget<QAction>("submitPostAction")->trigger();
    waitUntilSaved();
    QCOMPARE(storedPosts().first().post.status, PostStatus::Scheduled);
    QCOMPARE(storedPosts().first().post.content.text, QStringLiteral("Edited caption #three"));
}

void TestComposerPage::editingAnApprovedPostWarnsFirst() {
    restart({.accounts = {account("acct-1", "Ana", true, anaMakes())}, .approvalRequired = true});
    const PostRow submitted = createStored(CreateIntent::Submit);
    QCOMPARE(submitted.post.status, PostStatus::InReview);
    std::optional<PostRow> approved;
    m_backend->perform(submitted.post.id, PostAction::Approve, QStringLiteral("Looks good"), this,
                       [&](std::expected<std::optional<PostRow>, Error> row) {
                           QVERIFY2(row && *row, row ? "" : qPrintable(row.error().message));
                           approved = **row;
                       });
    QTRY_VERIFY(approved.has_value());
    QCOMPARE(approved->post.status, PostStatus::Approved);

    m_page->editPost(*approved);
    QCOMPARE(widget<QPushButton>("submitButton")->text(), QStringLiteral("Save and submit for review"));
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Changed after approval"));

    // Cancel: nothing is saved, the post stays approved.
    widget<QAction>("saveDraftAction")->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("approvalWarningBox")))
                && box->isVisible());
    QVERIFY(box->text().contains(u"withdraws"));
    box->button(QMessageBox::Cancel)->click();
    waitUntilSaved();
    QTest::qWait(50);
    QCOMPARE(storedPosts().first().post.status, PostStatus::Approved);
    QCOMPARE(m_page->editedPostId(), std::optional(approved->post.id));
    QVERIFY(m_page->hasUnsavedChanges());

    // Save and withdraw: it is a draft with the new caption.
    widget<QAction>("saveDraftAction")->trigger();
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("approvalWarningBox")))
                && box->isVisible());
    box->findChild<QPushButton *>(QStringLiteral("withdrawApprovalButton"))->click();
    QTRY_VERIFY(!m_page->editedPostId());
    waitUntilSaved();
    const StoredPost post = storedPosts().first().post;
    QCOMPARE(post.status, PostStatus::Draft);
    QCOMPARE(post.content.text, QStringLiteral("Changed after approval"));
}

void TestComposerPage::changesRequestedShowsTheReviewersComment() {
    restart({.accounts = {account("acct-1", "Ana", true, anaMakes())}, .approvalRequired = true});
    const PostRow submitted = createStored(CreateIntent::Submit);
    std::optional<PostRow> sentBack;
    m_backend->perform(submitted.post.id, PostAction::RequestChanges,
                       QStringLiteral("Shorter caption, please."), this,
                       [&](std::expected<std::optional<PostRow>, Error> row) { sentBack = **row; });
    QTRY_VERIFY(sentBack.has_value());
    m_page->editPost(*sentBack);
    auto *comment = widget<QLabel>("reviewerComment");
    QTRY_VERIFY(comment->isVisible());
    QVERIFY2(comment->text().contains(u"Shorter caption, please."), qPrintable(comment->text()));
    QVERIFY(comment->text().startsWith(u"<b>Changes requested by "));
    // Fixed and sent again.
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Short"));
    widget<QAction>("submitPostAction")->trigger();
    waitUntilSaved();
    QCOMPARE(storedPosts().first().post.status, PostStatus::InReview);
    QVERIFY(!comment->isVisible());
}

void TestComposerPage::unsavedChangesAreDetected() {
    QVERIFY(!m_page->hasUnsavedChanges());
    auto *caption = widget<QPlainTextEdit>("captionEdit");
    caption->setPlainText(QStringLiteral("x"));
    QVERIFY(m_page->hasUnsavedChanges());
    caption->clear();
    QVERIFY(!m_page->hasUnsavedChanges()); // back as it was
    widget<QCheckBox>("allowCommentCheck")->setChecked(true);
    QVERIFY(m_page->hasUnsavedChanges());
    widget<QCheckBox>("allowCommentCheck")->setChecked(false);
    widget<QRadioButton>("atRadio")->setChecked(true);
    QVERIFY(m_page->hasUnsavedChanges());
    widget<QRadioButton>("asapRadio")->setChecked(true);
    QVERIFY(!m_page->hasUnsavedChanges());
    drop({fixturePath(QStringLiteral("photo.jpg"))});
    QVERIFY(m_page->hasUnsavedChanges());
    m_page->clear();
    QVERIFY(!m_page->hasUnsavedChanges());
    QVERIFY(m_page->confirmDiscard()); // nothing to ask
}

void TestComposerPage::confirmDiscardAsksSaveDiscardCancel() {
    composeValidVideo();
    QString asked;
    answerNextMessageBox(QMessageBox::Cancel, &asked);
    QVERIFY(!m_page->confirmDiscard());
    QVERIFY(asked.startsWith(u"unsavedChangesBox|"));
    QCOMPARE(m_page->mediaModel()->rowCount(), 1); // still there

    answerNextMessageBox(QMessageBox::Save);
    QVERIFY(m_page->confirmDiscard()); // waits for the draft to be stored
    QVERIFY(!m_page->hasUnsavedChanges());
    QCOMPARE(storedPosts().size(), 1);
    QCOMPARE(storedPosts().first().post.status, PostStatus::Draft);

    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("throw away"));
    answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(m_page->confirmDiscard());
    QCOMPARE(widget<QPlainTextEdit>("captionEdit")->toPlainText(), QString());
    QCOMPARE(storedPosts().size(), 1);

    // New post asks the same question first.
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("keep me"));
    answerNextMessageBox(QMessageBox::Cancel);
    widget<QAction>("newPostAction")->trigger();
    QCOMPARE(widget<QPlainTextEdit>("captionEdit")->toPlainText(), QStringLiteral("keep me"));
}

void TestComposerPage::screenshot() {
    restart(
        {.accounts = {account("acct-1", "Ana", true, anaMakes()), account("acct-2", "Bob Films", false)}});
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-empty"))));
    drop({fixturePath(QStringLiteral("rotated.mp4")), fixturePath(QStringLiteral("photo_large.jpg")),
          fixturePath(QStringLiteral("truncated.mp4")),
          fixturePath(QStringLiteral("Clip mit Ümlaut 🎬 final.mp4"))});
    waitForProbes();
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Launch day 🚀 #launch"));
    widget<QListView>("mediaList")->setCurrentIndex(m_page->mediaModel()->index(3));
    QTest::qWait(200);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-findings"))));

    // A video ready to be scheduled for two accounts, at a time in another zone.
    m_page->clear();
    composeValidVideo();
    widget<QListWidget>("accountList")->item(1)->setCheckState(Qt::Checked);
    widget<QCheckBox>("allowCommentCheck")->setChecked(true);
    widget<QRadioButton>("atRadio")->setChecked(true);
    widget<QDateTimeEdit>("scheduleTimeEdit")
        ->setDateTime(QDateTime(QDate::currentDate().addDays(2), QTime(18, 30), QTimeZone::utc()));
    QTest::qWait(200);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-video"))));
    widget<QAction>("submitPostAction")->trigger();
    waitUntilSaved();
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-scheduled"))));

    // A photo carousel: only comments can be allowed.
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp")),
          fixturePath(QStringLiteral("фото 📸.jpg"))});
    waitForProbes();
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Friends")));
    widget<QCheckBox>("allowCommentCheck")->setChecked(true);
    QTest::qWait(200);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-photos"))));

    // The same in a dark palette: every colour follows it.
    const QPalette light = QApplication::palette();
    QPalette dark(QColor(0x3a, 0x3a, 0x3a), QColor(0x2b, 0x2b, 0x2b));
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        dark.setColor(group, QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(group, QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(group, QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(group, QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(group, QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(group, QPalette::Link, QColor(0x6c, 0xb4, 0xff)); // as dark themes set it
    }
    dark.setColor(QPalette::Disabled, QPalette::Base, QColor(0x2b, 0x2b, 0x2b));
    QApplication::setPalette(dark);
    widget<QPlainTextEdit>("captionEdit")
        ->setPlainText(QStringLiteral("🎬").repeated(2001)); // over 4000 units
    QTest::qWait(200);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-dark"))));
    QApplication::setPalette(light);
}

void TestComposerPage::screenshotEditing() {
    restart({.accounts = {account("acct-1", "Ana", true, anaMakes())}, .approvalRequired = true});
    const PostRow submitted = createStored(CreateIntent::Submit);
    std::optional<PostRow> sentBack;
    m_backend->perform(submitted.post.id, PostAction::RequestChanges,
                       QStringLiteral("The caption needs the launch date, and please allow comments."), this,
                       [&](std::expected<std::optional<PostRow>, Error> row) { sentBack = **row; });
    QTRY_VERIFY(sentBack.has_value());
    m_page->editPost(*sentBack);
    QTRY_VERIFY(widget<QLabel>("reviewerComment")->isVisible());
    QTRY_VERIFY(!m_page->mediaModel()->index(0).data(MediaListModel::ThumbnailRole).value<QImage>().isNull());
    QTest::qWait(100);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("composer-editing"))));
}

QTEST_MAIN(TestComposerPage)
#include "tst_composerpage.moc"
