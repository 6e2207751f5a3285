// TikTok's content sharing guidelines in the composer, one offscreen test per rule, on a real Backend
// over a temporary data directory: the creator header and "cannot post", the creator's privacy list
// with nothing chosen, interactions, commercial content disclosure (and branded content vs "Only
// me" both ways), the AI-generated label, the consent line, the message after posting, the video
// preview (playing a real clip) with its cover frame, photo posts (title, cover, music, reordering),
// the caption's highlighting, findings on their media rows and inbox mode. Screenshots are saved
// under the build folder: screenshots/composer-rules-*.png.
#include <memory>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QAudioOutput>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMediaPlayer>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimeZone>

#include "CliHarness.h"
#include "TestFixtures.h"
#include "TikTokStandIn.h"
#include "common/InlineMessage.h"
#include "composer/CaptionHighlighter.h"
#include "composer/ComposerPage.h"
#include "composer/DisclosureSection.h"
#include "composer/FindingsModel.h"
#include "composer/MediaListModel.h"
#include "composer/MediaProbeQueue.h"
#include "composer/VideoPreview.h"
#include "media/MediaProber.h"
#include "publish/WorkspaceSettings.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "storage/AccountRepository.h"

using namespace cq;
using namespace cq::ui;
using cq::test::fixturePath;
using cq::test::screenshotPath;

namespace {

CreatorInfo anaMakes() {
    CreatorInfo creator;
    creator.username = QStringLiteral("ana.makes");
    creator.nickname = QStringLiteral("Ana Makes");
    creator.privacyLevelOptions = {QStringLiteral("PUBLIC_TO_EVERYONE"),
                                   QStringLiteral("FOLLOWER_OF_CREATOR"), QStringLiteral("SELF_ONLY")};
    creator.maxVideoPostDurationSec = 600;
    return creator;
}

} // namespace

class TestComposerRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void creatorHeaderNamesWhoPosts();
    void creatorWhoCannotPostBlocksPosting();
    void creatorInfoIsFetchedWhenTheComposerShows();
    void privacyListEqualsTheCreatorsWithNoneChosen();
    void interactionsAreOffAndSayWhyTheyAreDisabled();
    void photoPostsShowOnlyComment();
    void disclosureBlocksPostingUntilAChoiceIsMade();
    void brandedContentDisablesOnlyMe();
    void onlyMeDisablesBrandedContent();
    void aiGeneratedSwitchIsForVideos();
    void consentLineLinksTikToksPolicies();
    void afterPostingItSaysProcessingTakesMinutesAndFollowsTheStatus();
    void videoPreviewPlaysScrubsAndPicksTheCover();
    void previewPlaysEveryCodecTikTokTakes_data();
    void previewPlaysEveryCodecTikTokTakes();
    void photoPostHasTitleCoverAndMusic();
    void captionHighlightsHashtagsAndMentions();
    void findingsShowOnTheirMediaRowAndClickingOneGoesThere();
    void tokenEndingBeforeTheTimeIsFlaggedBeforeScheduling();
    void severalVideosCanBecomeOnePostEach();
    void inboxModeHidesWhatTikTokIgnores();
    void unauditedAppSuggestsInboxMode();

private:
    void start(std::optional<CreatorInfo> creator = anaMakes(), QDateTime refreshExpiresAt = {});
    void drop(const QStringList &paths);
    void waitForProbes();
    QStringList codes() const;
    QModelIndex findingRow(const QString &code) const;
    void chooseOnlyMe();
    template<typename T>
    T *widget(const char *objectName) const;
    void shoot(const char *name);

    MediaProber m_prober;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ComposerPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_mediaTester;
};

void TestComposerRules::cleanup() {
    m_mediaTester.reset();
    m_page.reset();
    m_backend.reset();
    m_dataDir.reset();
}

// A data directory with Ana (the default account, with `creator` as TikTok's creator info), a
// Backend on it that does not publish, and a shown composer.
void TestComposerRules::start(std::optional<CreatorInfo> creator, QDateTime refreshExpiresAt) {
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
        ana.openId = QStringLiteral("open-acct-1");
        ana.displayName = QStringLiteral("Ana");
        ana.isDefault = true;
        ana.accessExpiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        ana.refreshExpiresAt =
            refreshExpiresAt.isValid() ? refreshExpiresAt : QDateTime::currentDateTimeUtc().addDays(365);
        QVERIFY(accounts.insert(ana, QDateTime::currentDateTimeUtc()));
        if (creator) {
            QVERIFY(accounts.storeCreatorInfo(ana.id, *creator, QDateTime::currentDateTimeUtc()));
        }
        WorkspaceSettings settings((*session)->database());
        QVERIFY(settings.set(QString::fromLatin1(settings::ApprovalRequired), QStringLiteral("false")));
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
    const int em = m_page->fontMetrics().averageCharWidth();
    m_page->resize(em * 190, m_page->fontMetrics().height() * 52);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

template<typename T>
T *TestComposerRules::widget(const char *objectName) const {
    T *found = m_page->findChild<T *>(QLatin1StringView(objectName));
    if (!found) {
        qFatal("no widget named %s", objectName);
    }
    return found;
}

void TestComposerRules::drop(const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths) {
        urls << QUrl::fromLocalFile(path);
    }
    mime.setUrls(urls);
    const QPoint where = m_page->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &enter);
    QDropEvent dropped(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    dropped.setAccepted(false);
    QApplication::sendEvent(m_page.get(), &dropped);
    QVERIFY(dropped.isAccepted());
}

void TestComposerRules::waitForProbes() {
    QTRY_COMPARE_WITH_TIMEOUT(m_page->probeQueue()->pending(), 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->mediaModel()->isProbing(), 15000);
}

QStringList TestComposerRules::codes() const {
    QStringList result;
    const FindingsModel *model = m_page->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        result << model->index(row).data(FindingsModel::CodeRole).toString();
    }
    return result;
}

QModelIndex TestComposerRules::findingRow(const QString &code) const {
    const FindingsModel *model = m_page->findingsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(FindingsModel::CodeRole).toString() == code) {
            return model->index(row);
        }
    }
    return {};
}

void TestComposerRules::chooseOnlyMe() {
    auto *privacy = widget<QComboBox>("privacyCombo");
    privacy->setCurrentIndex(privacy->findText(QStringLiteral("Only me")));
}

void TestComposerRules::shoot(const char *name) {
    QTest::qWait(300); // the last paint events, thumbnails and frames
    QVERIFY(m_page->grab().save(screenshotPath(u"composer-rules-" + QLatin1StringView(name))));
}

void TestComposerRules::creatorHeaderNamesWhoPosts() {
    start();
    QTRY_VERIFY(widget<QWidget>("creatorHeader")->isVisible());
    QTRY_VERIFY(widget<QLabel>("creatorStatus")->text().contains(u"TikTok says this account can post"));
    QCOMPARE(widget<QLabel>("creatorName")->text(), QStringLiteral("Posting as Ana Makes (@ana.makes)"));
    QVERIFY(!widget<QLabel>("creatorAvatar")->pixmap().isNull());

    // Before TikTok's creator info arrives the header says it is not known yet.
    start(std::nullopt);
    QTRY_VERIFY(widget<QLabel>("creatorStatus")->text().startsWith(u"Waiting for TikTok's creator info"));
}

void TestComposerRules::creatorWhoCannotPostBlocksPosting() {
    CreatorInfo capped = anaMakes();
    capped.cannotPostCode = QStringLiteral("spam_risk_too_many_posts");
    start(capped);
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    chooseOnlyMe();
    QVERIFY(codes().contains(u"creator.cannot_post"));
    QVERIFY(widget<QLabel>("creatorStatus")->text().contains(u"This account cannot post now"));
    QVERIFY(!widget<QPushButton>("submitButton")->isEnabled());
    QVERIFY(widget<QLabel>("actionReason")->text().contains(u"cannot post now"));
    shoot("cannot-post");
}

void TestComposerRules::creatorInfoIsFetchedWhenTheComposerShows() {
    cleanup();
    QTemporaryDir dir;
    test::TikTokStandIn standIn;
    const test::CliRun imported = test::connectStandInAccount(standIn, dir.path());
    const auto forgetStandIn = qScopeGuard([] {
        for (const char *variable :
             {"CLIPQUEUE_TIKTOK_API_BASE", "CLIPQUEUE_TIKTOK_CLIENT_KEY", "CLIPQUEUE_TIKTOK_CLIENT_SECRET"}) {
            qunsetenv(variable);
        }
    });
    QVERIFY2(imported.exitCode == cli::ExitCode::Success, qPrintable(imported.err));
    const QByteArray creatorPath = "/v2/post/publish/creator_info/query/";
    const auto creatorQueries = [&] {
        const auto &requests = standIn.server().requests();
        return std::count_if(requests.cbegin(), requests.cend(),
                             [&](const auto &request) { return request.path == creatorPath; });
    };
    Backend backend;
    Backend::Options options;
    options.publish = false;
    backend.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(backend.isReady() && !backend.accounts().isEmpty(), 10000);
    const auto before = creatorQueries();
    QTRY_VERIFY_WITH_TIMEOUT(creatorQueries() > before || backend.accounts().first().creator, 10000);
    QTest::qWait(200); // the start-up query's answer is in

    // Meanwhile the creator renamed themselves and turned comments off in TikTok: the composer asks
    // again as it shows, before anything can be posted, and follows.
    standIn.creatorInfo.insert(QStringLiteral("creator_nickname"), QStringLiteral("Ana Fresh"));
    standIn.creatorInfo.insert(QStringLiteral("comment_disabled"), true);
    const auto shownAt = creatorQueries();
    ComposerPage page(backend, m_prober);
    page.resize(page.fontMetrics().averageCharWidth() * 190, page.fontMetrics().height() * 52);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *name = page.findChild<QLabel *>(QStringLiteral("creatorName"));
    QTRY_VERIFY2_WITH_TIMEOUT(name->text().startsWith(u"Posting as Ana Fresh"), qPrintable(name->text()),
                              10000);
    QVERIFY(!page.findChild<QCheckBox *>(QStringLiteral("allowCommentCheck"))->isEnabled());
    QCOMPARE(creatorQueries(), shownAt + 1);
}

void TestComposerRules::privacyListEqualsTheCreatorsWithNoneChosen() {
    start();
    auto *privacy = widget<QComboBox>("privacyCombo");
    QCOMPARE(privacy->currentIndex(), 0); // the placeholder: no default
    QVERIFY(privacy->currentData().toString().isEmpty());
    QStringList offered;
    QStringList labels;
    for (int row = 1; row < privacy->count(); ++row) {
        offered << privacy->itemData(row).toString();
        labels << privacy->itemText(row);
    }
    QCOMPARE(offered, anaMakes().privacyLevelOptions);
    QCOMPARE(labels, (QStringList{QStringLiteral("Everyone"), QStringLiteral("Followers"),
                                  QStringLiteral("Only me")}));
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"privacy.required"));
    chooseOnlyMe();
    QVERIFY(!codes().contains(u"privacy.required"));
    QCOMPARE(m_page->post().tiktok.privacyLevel, QStringLiteral("SELF_ONLY"));
}

void TestComposerRules::interactionsAreOffAndSayWhyTheyAreDisabled() {
    CreatorInfo quiet = anaMakes();
    quiet.commentDisabled = true;
    quiet.stitchDisabled = true;
    start(quiet);
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    auto *comment = widget<QCheckBox>("allowCommentCheck");
    auto *duet = widget<QCheckBox>("allowDuetCheck");
    auto *stitch = widget<QCheckBox>("allowStitchCheck");
    for (QCheckBox *box : {comment, duet, stitch}) {
        QVERIFY(!box->isChecked()); // off by default
    }
    QVERIFY(!comment->isEnabled());
    QVERIFY(duet->isEnabled());
    QVERIFY(!stitch->isEnabled());
    QCOMPARE(comment->toolTip(), QStringLiteral("Turned off in this account's TikTok settings."));
    const QString note = widget<QLabel>("interactionsNote")->text();
    QVERIFY2(note.contains(u"Comments, Stitch") && note.contains(u"turned off in this account's TikTok"),
             qPrintable(note));
    QVERIFY(widget<QLabel>("interactionsNote")->isVisible());
    const Post post = m_page->post();
    QVERIFY(post.tiktok.disableComment && post.tiktok.disableDuet && post.tiktok.disableStitch);
}

void TestComposerRules::photoPostsShowOnlyComment() {
    start();
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp"))});
    waitForProbes();
    QVERIFY(widget<QCheckBox>("allowCommentCheck")->isVisible());
    QVERIFY(!widget<QCheckBox>("allowDuetCheck")->isVisible());
    QVERIFY(!widget<QCheckBox>("allowStitchCheck")->isVisible());
}

void TestComposerRules::disclosureBlocksPostingUntilAChoiceIsMade() {
    start();
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    widget<QComboBox>("privacyCombo")->setCurrentIndex(1); // Everyone
    auto *disclose = widget<QCheckBox>("discloseCommercialCheck");
    auto *yourBrand = widget<QCheckBox>("yourBrandCheck");
    auto *branded = widget<QCheckBox>("brandedContentCheck");
    auto *submit = widget<QPushButton>("submitButton");
    QVERIFY(!disclose->isChecked()); // off by default
    QVERIFY(!yourBrand->isVisible());
    QTRY_VERIFY(submit->isEnabled());

    disclose->setChecked(true);
    QVERIFY(yourBrand->isVisible() && branded->isVisible());
    QVERIFY(codes().contains(u"disclosure.type_required"));
    QVERIFY(!submit->isEnabled());
    QVERIFY(widget<QLabel>("disclosureLabel")->text().contains(u"cannot go out until you do"));

    yourBrand->setChecked(true);
    QVERIFY(submit->isEnabled());
    QCOMPARE(widget<QLabel>("disclosureLabel")->text(),
             QStringLiteral("Your post will be labeled “Promotional content”."));
    branded->setChecked(true);
    QCOMPARE(widget<QLabel>("disclosureLabel")->text(),
             QStringLiteral("Your post will be labeled “Paid partnership”."));
    const TikTokSettings settings = m_page->post().tiktok;
    QVERIFY(settings.discloseCommercialContent && settings.brandOrganicToggle && settings.brandContentToggle);
    shoot("branded");
}

void TestComposerRules::brandedContentDisablesOnlyMe() {
    start();
    auto *privacy = widget<QComboBox>("privacyCombo");
    widget<QCheckBox>("discloseCommercialCheck")->setChecked(true);
    widget<QCheckBox>("brandedContentCheck")->setChecked(true);
    const auto *items = qobject_cast<const QStandardItemModel *>(privacy->model());
    QVERIFY(items);
    const int selfOnly = privacy->findText(QStringLiteral("Only me"));
    QVERIFY(!items->item(selfOnly)->isEnabled());
    QCOMPARE(items->item(selfOnly)->toolTip(),
             QStringLiteral("Branded content visibility cannot be set to private"));
    QVERIFY(items->item(1)->isEnabled());
    // Branded content off again: "Only me" can be chosen.
    widget<QCheckBox>("brandedContentCheck")->setChecked(false);
    QVERIFY(items->item(selfOnly)->isEnabled());
    QVERIFY(items->item(selfOnly)->toolTip().isEmpty());
}

void TestComposerRules::onlyMeDisablesBrandedContent() {
    start();
    chooseOnlyMe();
    widget<QCheckBox>("discloseCommercialCheck")->setChecked(true);
    auto *branded = widget<QCheckBox>("brandedContentCheck");
    QVERIFY(!branded->isEnabled());
    QVERIFY(branded->toolTip().startsWith(u"Branded content visibility cannot be set to private"));
    QVERIFY(widget<QCheckBox>("yourBrandCheck")->isEnabled());
    widget<QComboBox>("privacyCombo")->setCurrentIndex(1);
    QVERIFY(branded->isEnabled());
}

void TestComposerRules::aiGeneratedSwitchIsForVideos() {
    start();
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    auto *aigc = widget<QCheckBox>("aiGeneratedCheck");
    QVERIFY(aigc->isVisible());
    QVERIFY(!aigc->isChecked());
    QVERIFY(!m_page->post().tiktok.isAigc);
    aigc->setChecked(true);
    QVERIFY(m_page->post().tiktok.isAigc);
    m_page->clear();
    drop({fixturePath(QStringLiteral("photo.jpg"))});
    waitForProbes();
    QVERIFY(!aigc->isVisible());
}

void TestComposerRules::consentLineLinksTikToksPolicies() {
    start();
    auto *consent = widget<QLabel>("consentLine");
    QVERIFY(consent->isVisible());
    QVERIFY(consent->openExternalLinks());
    QVERIFY(consent->text().startsWith(u"By posting, you agree to TikTok's <a href="));
    QVERIFY(consent->text().contains(u"music-usage-confirmation"));
    QVERIFY(consent->text().contains(u">Music Usage Confirmation</a>"));
    QVERIFY(!consent->text().contains(u"Branded Content Policy"));
    widget<QCheckBox>("discloseCommercialCheck")->setChecked(true);
    QVERIFY(!consent->text().contains(u"Branded Content Policy")); // not until branded content is on
    widget<QCheckBox>("brandedContentCheck")->setChecked(true);
    QVERIFY(consent->text().contains(u">Branded Content Policy</a>"));
    // The consent stands beside the buttons.
    auto *submit = widget<QPushButton>("submitButton");
    QCOMPARE(consent->parentWidget(), submit->parentWidget());
}

void TestComposerRules::afterPostingItSaysProcessingTakesMinutesAndFollowsTheStatus() {
    start();
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    chooseOnlyMe();
    QCOMPARE(widget<QPushButton>("submitButton")->text(), QStringLiteral("Post now"));
    QSignalSpy saved(m_page.get(), &ComposerPage::postsSaved);
    widget<QPushButton>("submitButton")->click();
    QVERIFY(saved.wait(20000));
    auto *result = widget<QLabel>("resultMessage");
    QVERIFY(result->text().contains(u"TikTok may take a few minutes to process your post"));
    QVERIFY2(result->text().contains(u"Status: "), qPrintable(result->text()));
    // The status follows the post: cancelled elsewhere, the line says so.
    const auto rows = saved.first().first().value<QList<PostRow>>();
    QCOMPARE(rows.size(), 1);
    bool done = false;
    m_backend->perform(rows.first().post.id, PostAction::Cancel, QString(), this,
                       [&](std::expected<std::optional<PostRow>, Error> row) { done = bool(row); });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QTRY_VERIFY2(result->text().contains(u"Status: Cancelled"), qPrintable(result->text()));
}

void TestComposerRules::videoPreviewPlaysScrubsAndPicksTheCover() {
    start();
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    auto *preview = widget<VideoPreview>("videoPreview");
    QVERIFY(preview->isVisible());
    QVERIFY(preview->source().endsWith(u"vertical.mp4"));
    QMediaPlayer *player = preview->player();
    // Played offscreen through Qt Multimedia (GStreamer on Debian): the position moves.
    preview->findChild<QAbstractButton *>(QStringLiteral("muteButton"))->click();
    QVERIFY(player->audioOutput()->isMuted());
    preview->findChild<QAbstractButton *>(QStringLiteral("playButton"))->click();
    QTRY_VERIFY2_WITH_TIMEOUT(player->position() > 300,
                              qPrintable(u"error: " + player->errorString() + u", status "
                                         + QString::number(int(player->mediaStatus()))),
                              20000);
    QTRY_VERIFY_WITH_TIMEOUT(!preview->currentFrame().isNull(), 10000);
    preview->findChild<QAbstractButton *>(QStringLiteral("playButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(player->playbackState(), QMediaPlayer::PausedState, 10000);
    // Scrub to 2 s and use that frame as the cover.
    auto *slider = preview->findChild<QSlider *>(QStringLiteral("positionSlider"));
    QTRY_VERIFY_WITH_TIMEOUT(slider->maximum() > 2000, 10000);
    slider->setValue(2000);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(player->position() - 2000) < 100, 10000);
    preview->findChild<QPushButton *>(QStringLiteral("useFrameAsCoverButton"))->click();
    const std::optional<qint64> cover = m_page->post().tiktok.videoCoverTimestampMs;
    QVERIFY(cover.has_value());
    QVERIFY(std::abs(*cover - 2000) < 100);
    QVERIFY(!preview->coverImage().isNull());
    QVERIFY(preview->findChild<QLabel *>(QStringLiteral("coverText"))
                ->text()
                .startsWith(u"Cover: the frame at 0:02"));
    // The frame is 9:16 whatever the window: the clip (9:16) fills it.
    const QRect picture = preview->pictureRect();
    QVERIFY(!picture.isEmpty());
    QVERIFY(std::abs(picture.width() * 16 - picture.height() * 9) <= 16);
    widget<QPlainTextEdit>("captionEdit")
        ->setPlainText(QStringLiteral("Launch day 🚀 #launch with @ana.makes"));
    chooseOnlyMe();
    shoot("video-preview");
    // Back to the first frame: TikTok's default, no timestamp sent.
    preview->findChild<QAbstractButton *>(QStringLiteral("firstFrameCoverButton"))->click();
    QVERIFY(!m_page->post().tiktok.videoCoverTimestampMs);
}

void TestComposerRules::previewPlaysEveryCodecTikTokTakes_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("H.264 in MP4") << QStringLiteral("vertical.mp4");
    QTest::newRow("HEVC in MP4") << QStringLiteral("hevc.mp4");
    QTest::newRow("VP9 in WebM") << QStringLiteral("webm_named.mp4");
}

void TestComposerRules::previewPlaysEveryCodecTikTokTakes() {
    QFETCH(QString, file);
    VideoPreview preview;
    preview.resize(preview.sizeHint());
    preview.show();
    preview.setSource(fixturePath(file));
    QMediaPlayer *player = preview.player();
    player->audioOutput()->setMuted(true);
    player->play();
    QTRY_VERIFY2_WITH_TIMEOUT(player->position() > 300 && !preview.currentFrame().isNull(),
                              qPrintable(u"error: " + player->errorString()), 20000);
    player->stop();
}

void TestComposerRules::photoPostHasTitleCoverAndMusic() {
    start();
    drop({fixturePath(QStringLiteral("photo.jpg")), fixturePath(QStringLiteral("photo.webp")),
          fixturePath(QStringLiteral("фото 📸.jpg"))});
    waitForProbes();
    auto *title = widget<QLineEdit>("photoTitleEdit");
    QVERIFY(title->isVisible());
    QCOMPARE(widget<QLabel>("titleCounter")->text(), QStringLiteral("0 / 90"));
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("0 / 4000"));
    title->setText(QString(91, u't'));
    QVERIFY(codes().contains(u"photo.title_too_long"));
    QCOMPARE(widget<QLabel>("titleCounter")->text(), QStringLiteral("91 / 90"));
    title->setText(QStringLiteral("Studio tour"));
    QVERIFY(!codes().contains(u"photo.title_too_long"));
    auto *music = widget<QCheckBox>("autoAddMusicCheck");
    QVERIFY(music->isVisible() && !music->isChecked());
    music->setChecked(true);

    // Photo 2 is the cover; it stays the cover when dragged to the end.
    auto *list = widget<QListView>("mediaList");
    MediaListModel *model = m_page->mediaModel();
    QVERIFY(model->flags(model->index(0)).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(model->supportedDropActions().testFlag(Qt::MoveAction));
    QCOMPARE(list->dragDropMode(), QAbstractItemView::InternalMove);
    list->setCurrentIndex(model->index(1));
    list->findChild<QAction *>(QStringLiteral("useAsCoverAction"))->trigger();
    QCOMPARE(m_page->post().tiktok.photoCoverIndex, 1);
    QVERIFY(model->index(1).data(MediaListModel::IsCoverRole).toBool());
    QVERIFY(model->moveRows({}, 1, 1, {}, 3));
    QCOMPARE(m_page->post().tiktok.photoCoverIndex, 2);
    const TikTokSettings settings = m_page->post().tiktok;
    QCOMPARE(settings.title, QStringLiteral("Studio tour"));
    QVERIFY(settings.autoAddMusic);
    widget<QPlainTextEdit>("captionEdit")
        ->setPlainText(QStringLiteral("Behind the scenes at the studio 📸 #studio #behindthescenes"));
    widget<QComboBox>("privacyCombo")->setCurrentIndex(1);
    widget<QCheckBox>("allowCommentCheck")->setChecked(true);
    shoot("photo-carousel");
}

void TestComposerRules::captionHighlightsHashtagsAndMentions() {
    QCOMPARE(
        CaptionHighlighter::tagsIn(QStringLiteral("New drop #launch with @ana.makes. mail a@b.c #2026 ##x")),
        (QStringList{QStringLiteral("#launch"), QStringLiteral("@ana.makes"), QStringLiteral("#2026")}));
    start();
    auto *caption = widget<QPlainTextEdit>("captionEdit");
    caption->setPlainText(QStringLiteral("Hello #launch @ana"));
    const QList<QTextLayout::FormatRange> formats = caption->document()->firstBlock().layout()->formats();
    QCOMPARE(formats.size(), 2);
    QCOMPARE(formats.at(0).start, 6);
    QCOMPARE(formats.at(0).length, 7);
    QCOMPARE(formats.at(0).format.foreground().color(), caption->palette().color(QPalette::Link));
    QCOMPARE(formats.at(1).start, 14);
    QCOMPARE(formats.at(0).format.fontWeight(), int(QFont::DemiBold));
    // The counter is in TikTok's units: UTF-16 code units, an emoji counts 2.
    caption->setPlainText(QStringLiteral("🚀"));
    QCOMPARE(widget<QLabel>("captionCounter")->text(), QStringLiteral("2 / 2200"));
}

void TestComposerRules::findingsShowOnTheirMediaRowAndClickingOneGoesThere() {
    start();
    drop({fixturePath(QStringLiteral("landscape.mp4"))});
    waitForProbes();
    const QModelIndex row = m_page->mediaModel()->index(0);
    QTRY_VERIFY(row.data(MediaListModel::NotesRole).toString().contains(u"landscape"));
    auto *findings = widget<QListView>("findingsView");
    // One click on "choose who can see it" focuses the privacy list.
    const QModelIndex privacy = findingRow(QStringLiteral("privacy.required"));
    QVERIFY(privacy.isValid());
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {}, findings->visualRect(privacy).center());
    QTRY_COMPARE(QApplication::focusWidget(), widget<QComboBox>("privacyCombo"));
    // One click on the landscape warning selects the video.
    const QModelIndex vertical = findingRow(QStringLiteral("video.not_vertical"));
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {}, findings->visualRect(vertical).center());
    QTRY_COMPARE(QApplication::focusWidget(), widget<QListView>("mediaList"));
    QCOMPARE(widget<QListView>("mediaList")->currentIndex().row(), 0);
}

void TestComposerRules::tokenEndingBeforeTheTimeIsFlaggedBeforeScheduling() {
    start(anaMakes(), QDateTime::currentDateTimeUtc().addDays(2));
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    chooseOnlyMe();
    QVERIFY(!codes().contains(u"schedule.too_far"));
    widget<QRadioButton>("atRadio")->setChecked(true);
    widget<QDateTimeEdit>("scheduleTimeEdit")
        ->setDateTime(QDateTime(QDate::currentDate().addDays(5), QTime(18, 30), QTimeZone::utc()));
    QTRY_VERIFY(codes().contains(u"schedule.too_far"));
}

void TestComposerRules::severalVideosCanBecomeOnePostEach() {
    start();
    drop({fixturePath(QStringLiteral("vertical.mp4")), fixturePath(QStringLiteral("landscape.mp4")),
          fixturePath(QStringLiteral("hevc.mp4"))});
    waitForProbes();
    chooseOnlyMe();
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Same words for each #batch"));
    QVERIFY(codes().contains(u"post.too_many_videos"));
    auto *offer = widget<InlineMessage>("onePostPerVideoOffer");
    QVERIFY(offer->isVisible());
    QCOMPARE(offer->text(),
             ComposerPage::tr("These %n video(s) cannot go in one TikTok post. Make one post per "
                              "video, each with the same caption and settings?",
                              nullptr, 3));
    Q_EMIT offer->actionTriggered();
    QVERIFY(m_page->isOnePostPerVideo());
    QVERIFY(!codes().contains(u"post.too_many_videos"));
    // Each video's findings stay on its own row: only the landscape one is not vertical.
    const QModelIndex landscape = findingRow(QStringLiteral("video.not_vertical"));
    QVERIFY(landscape.isValid());
    QCOMPARE(landscape.data(FindingsModel::MediaIndexRole).toInt(), 1);
    QCOMPARE(m_page->postsToStore().size(), 3);
    QVERIFY(widget<QPushButton>("submitButton")->isEnabled());
    shoot("one-post-per-video");

    QSignalSpy saved(m_page.get(), &ComposerPage::postsSaved);
    widget<QPushButton>("submitButton")->click();
    QVERIFY(saved.wait(30000));
    const auto rows = saved.first().first().value<QList<PostRow>>();
    QCOMPARE(rows.size(), 3);
    for (const PostRow &row : rows) {
        QCOMPARE(row.post.media.size(), 1);
        QCOMPARE(row.post.content.text, QStringLiteral("Same words for each #batch"));
        QCOMPARE(row.post.content.tiktok.privacyLevel, QStringLiteral("SELF_ONLY"));
    }
    QVERIFY(widget<QLabel>("resultMessage")
                ->text()
                .contains(ComposerPage::tr("%n post(s), one per video. ", nullptr, 3)));
    QVERIFY(!m_page->isOnePostPerVideo()); // a new post starts as one post again
}

void TestComposerRules::inboxModeHidesWhatTikTokIgnores() {
    start();
    drop({fixturePath(QStringLiteral("vertical.mp4"))});
    waitForProbes();
    QVERIFY(codes().contains(u"privacy.required"));
    widget<QRadioButton>("sendToInboxRadio")->setChecked(true);
    QCOMPARE(m_page->post().tiktok.postMode, QStringLiteral("MEDIA_UPLOAD"));
    QVERIFY(!codes().contains(u"privacy.required"));
    for (const char *hidden : {"privacyCombo", "allowCommentCheck", "discloseCommercialCheck",
                               "aiGeneratedCheck", "consentLine", "useFrameAsCoverButton"}) {
        QVERIFY2(!widget<QWidget>(hidden)->isVisible(), hidden);
    }
    auto *note = widget<QLabel>("postModeNote");
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(u"finishes the post there"));
    QVERIFY(note->text().contains(u"5 posts"));
    QVERIFY(widget<QPushButton>("submitButton")->isEnabled());
    QCOMPARE(widget<QPushButton>("submitButton")->text(), QStringLiteral("Send to TikTok now"));
    widget<QPlainTextEdit>("captionEdit")->setPlainText(QStringLiteral("Finish this one in the app #draft"));
    shoot("inbox");
    widget<QRadioButton>("publishDirectlyRadio")->setChecked(true);
    QVERIFY(widget<QComboBox>("privacyCombo")->isVisible());
    QVERIFY(codes().contains(u"privacy.required"));
}

void TestComposerRules::unauditedAppSuggestsInboxMode() {
    qunsetenv("CLIPQUEUE_TIKTOK_APP_AUDITED");
    start();
    auto *hint = widget<InlineMessage>("auditHint");
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(u"not audited"));
    QVERIFY(hint->text().contains(u"5 waiting posts per 24 hours"));
    Q_EMIT hint->actionTriggered();
    QVERIFY(widget<QRadioButton>("sendToInboxRadio")->isChecked());
    QVERIFY(!hint->isVisible());

    qputenv("CLIPQUEUE_TIKTOK_APP_AUDITED", "1");
    start();
    QVERIFY(!widget<InlineMessage>("auditHint")->isVisible());
    qunsetenv("CLIPQUEUE_TIKTOK_APP_AUDITED");
}

QTEST_MAIN(TestComposerRules)
#include "tst_composerrules.moc"
