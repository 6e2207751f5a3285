// The queue page, offscreen, on a real Backend over a temporary data directory: posts seeded by a
// second Session (as the CLI or another machine would) show with their time, account, caption,
// media, status word and findings; the filter bar narrows them with counts; pages load as the view
// scrolls; changes made elsewhere arrive row by row; actions on a multi-selection follow the
// lifecycle. Screenshots are saved under the build folder (screenshots/queuepage*.png).
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "common/InlineMessage.h"
#include "common/StatusText.h"
#include "common/StoredThumbnails.h"
#include "common/TimeText.h"
#include "media/MediaProber.h"
#include "queue/PostTableModel.h"
#include "queue/QueueFilterBar.h"
#include "queue/QueuePage.h"
#include "queue/QueueText.h"
#include "queue/RescheduleDialog.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "storage/AccountRepository.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace cq;
using namespace cq::ui;
using cq::test::validVideoPost;

namespace {

constexpr int LoadTimeoutMs = 10000;

} // namespace

using cq::test::screenshotPath;

class TestQueuePage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void queueTextSaysItPlainly();
    void rescheduleOffsetKeepsWallClockForDays();
    void emptyQueueOffersToCompose();
    void columnsShowEachPost();
    void thumbnailsArriveOffTheGuiThread();
    void statusFilterShowsCounts();
    void searchNarrowsCaptionsAfterAPause();
    void accountAndDateRangeNarrowTheQueue();
    void loadsPagesLazily();
    void followsChangesFromAnotherSession();
    void changesBeyondTheLoadedPagesWaitForTheirPage();
    void uploadProgressRepaintsOneRow();
    void actionsNeedEverySelectedPostToAllowThem();
    void cancelsAMultiSelection();
    void deleteAsksFirstNamingHowMany();
    void reschedulesByAnOffset();
    void moveUpAndDownSwapTimesWithinAnAccount();
    void backendErrorsShowInline();
    void currentPostAndEditRequests();
    void screenshot();

private:
    void startBackend(std::chrono::milliseconds pollInterval = std::chrono::milliseconds(100));
    // `withTester`: the model tester asks for every page as rows arrive, which a paging test must not.
    void showPage(bool withTester = true);
    void waitForLoad();
    QString create(const QString &caption, std::optional<QDateTime> at, bool submit);
    QString insertRaw(PostStatus status, const QDateTime *at, const QString &caption, const QString &zone,
                      qint64 updatedAgoMs = 3'600'000);
    void insertMany(int count, const QDateTime &from, qint64 stepMs, const QList<PostStatus> &statuses);
    void seedEveryStatus();
    void select(const QStringList &ids);
    QString text(const QString &id, int column) const;
    QAction *action(const char *name) const;
    bool isSorted() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<Session> m_other; // another process on the same database
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<QueuePage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    StoredPost m_template; // a stored post with real media, for raw inserts
};

void TestQueuePage::init() {
    m_data = std::make_unique<QTemporaryDir>();
    qputenv("CLIPQUEUE_DATA_DIR", m_data->path().toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    auto session = Session::open();
    QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
    m_other = std::move(*session);
    // The template of raw inserts: the fixture video in the store, probed, and nothing in the
    // database yet.
    const QString video = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    auto stored = m_other->store().importFile(video);
    auto probed = MediaProber().probe(video);
    QVERIFY(stored && probed);
    m_template = StoredPost();
    static_cast<PostContent &>(m_template.content) = validVideoPost();
    m_template.media = {StoredMedia{stored->sha256, *probed}};
    m_template.createdBy = QStringLiteral("test");
}

void TestQueuePage::cleanup() {
    m_tester.reset();
    m_page.reset();
    m_backend.reset();
    m_other.reset();
    m_data.reset();
}

void TestQueuePage::startBackend(std::chrono::milliseconds pollInterval) {
    m_backend = std::make_unique<Backend>();
    m_backend->start({.publish = false, .pollInterval = pollInterval, .publisherFactory = {}});
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->isReady(), LoadTimeoutMs);
}

void TestQueuePage::showPage(bool withTester) {
    m_page = std::make_unique<QueuePage>(*m_backend);
    if (withTester) {
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    m_page->resize(1280, 760);
    m_page->show();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    waitForLoad();
}

void TestQueuePage::waitForLoad() {
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->model()->isLoading(), LoadTimeoutMs);
}

// A post through the importer (probed, copied into the store, validated) as a draft or submitted.
QString TestQueuePage::create(const QString &caption, std::optional<QDateTime> at, bool submit) {
    Post post = validVideoPost();
    post.text = caption;
    post.scheduledFor = at;
    auto created = m_other->importer().create(post, QString(), submit);
    if (!created) {
        qFatal("%s", qPrintable(created.error().message));
    }
    return created->post.id;
}

// A post written straight into the database in any status (as bench_store seeds), sharing the
// template's stored media.
QString TestQueuePage::insertRaw(PostStatus status, const QDateTime *at, const QString &caption,
                                 const QString &zone, qint64 updatedAgoMs) {
    StoredPost post = m_template;
    post.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    post.status = status;
    post.content.text = caption;
    post.schedule.atUtc = at ? std::optional<QDateTime>(*at) : std::nullopt;
    post.schedule.timeZone = zone;
    post.updatedAt = QDateTime::currentDateTimeUtc().addMSecs(-updatedAgoMs);
    post.createdAt = post.updatedAt;
    auto inserted = m_other->posts().repository().insert(post);
    if (!inserted) {
        qFatal("%s", qPrintable(inserted.error().message));
    }
    return post.id;
}

void TestQueuePage::insertMany(int count, const QDateTime &from, qint64 stepMs,
                               const QList<PostStatus> &statuses) {
    auto done = m_other->database().transaction([&]() -> std::expected<void, Error> {
        for (int i = 0; i < count; ++i) {
            const QDateTime at = from.addMSecs(stepMs * i);
            insertRaw(statuses.at(i % statuses.size()), &at,
                      QStringLiteral("Behind the scenes #%1\nsecond line").arg(i),
                      QStringLiteral("Europe/Berlin"));
        }
        return {};
    });
    QVERIFY(done);
}

void TestQueuePage::select(const QStringList &ids) {
    QItemSelection selection;
    for (const QString &id : ids) {
        const int row = m_page->model()->rowOf(id);
        QVERIFY2(row >= 0, qPrintable(id));
        selection.select(m_page->model()->index(row, 0),
                         m_page->model()->index(row, PostTableModel::ColumnCount - 1));
    }
    m_page->table()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    QCoreApplication::processEvents(); // the page updates its actions on the next turn
}

QString TestQueuePage::text(const QString &id, int column) const {
    const int row = m_page->model()->rowOf(id);
    return row < 0 ? QStringLiteral("<not loaded>") : m_page->model()->index(row, column).data().toString();
}

QAction *TestQueuePage::action(const char *name) const {
    auto *found = m_page->findChild<QAction *>(QLatin1StringView(name));
    if (!found) {
        qFatal("no action %s", name);
    }
    return found;
}

bool TestQueuePage::isSorted() const {
    const PostTableModel *model = m_page->model();
    for (int row = 1; row < model->rowCount(); ++row) {
        if (!(model->rowAt(row - 1).key() < model->rowAt(row).key())) {
            return false;
        }
    }
    return true;
}

void TestQueuePage::queueTextSaysItPlainly() {
    QCOMPARE(QueueText::mediaSummary(1, 0, 24.533), QStringLiteral("1 video · 0:24"));
    QCOMPARE(QueueText::mediaSummary(0, 5, 0), QStringLiteral("5 photos"));
    QCOMPARE(QueueText::mediaSummary(0, 1, 0), QStringLiteral("1 photo"));
    QCOMPARE(QueueText::mediaSummary(0, 0, 0), QStringLiteral("No media"));
    QCOMPARE(QueueText::duration(3723.9), QStringLiteral("1:02:03"));
    QCOMPARE(QueueText::findingsSummary(2, 1), QStringLiteral("2 errors, 1 warning"));
    QCOMPARE(QueueText::findingsSummary(1, 0), QStringLiteral("1 error"));
    QCOMPARE(QueueText::findingsSummary(0, 3), QStringLiteral("3 warnings"));
    QCOMPARE(QueueText::findingsSummary(0, 0), QString());
    QCOMPARE(QueueText::captionLine(QStringLiteral("\n  First line  \nsecond")),
             QStringLiteral("First line"));
    QCOMPARE(statusLabel(PostStatus::NeedsAttention), QStringLiteral("Needs attention"));
    QCOMPARE(statusLabel(PostStatus::InReview), QStringLiteral("In review"));

    QCOMPARE(QueueText::captionLine(QStringLiteral("🎬🎬🎬🎬"), 3), QStringLiteral("🎬…")); // never half an emoji
}

void TestQueuePage::rescheduleOffsetKeepsWallClockForDays() {
    // 18:30 in Berlin the day before summer time starts (2031-03-30): a day later is 18:30 again,
    // although only 23 hours pass; 24 hours later is 19:30.
    const QDateTime before(QDate(2031, 3, 29), QTime(17, 30), Qt::UTC);
    const QDateTime now = before.addDays(-10);
    const QString berlin = QStringLiteral("Europe/Berlin");
    QCOMPARE(RescheduleOffset({1, RescheduleOffset::Unit::Days}).apply(before, berlin, now),
             QDateTime(QDate(2031, 3, 30), QTime(18, 30)));
    QCOMPARE(RescheduleOffset({24, RescheduleOffset::Unit::Hours}).apply(before, berlin, now),
             QDateTime(QDate(2031, 3, 30), QTime(19, 30)));
    QCOMPARE(RescheduleOffset({-15, RescheduleOffset::Unit::Minutes}).apply(before, berlin, now),
             QDateTime(QDate(2031, 3, 29), QTime(18, 15)));
    // As soon as possible: counted from now.
    QCOMPARE(
        RescheduleOffset({2, RescheduleOffset::Unit::Hours}).apply(std::nullopt, QStringLiteral("UTC"), now),
        QDateTime(now.date(), now.time().addSecs(7200)));
}

void TestQueuePage::emptyQueueOffersToCompose() {
    startBackend();
    showPage();
    auto *empty = m_page->findChild<QWidget *>(QStringLiteral("emptyState"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(!m_page->table()->isVisible());
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("emptyStateText"))->text(),
             QStringLiteral("No posts yet — compose one"));
    QSignalSpy compose(m_page.get(), &QueuePage::composeRequested);
    auto *button = m_page->findChild<QAbstractButton *>(QStringLiteral("composeButton"));
    QVERIFY(button->isVisible());
    button->click();
    QCOMPARE(compose.count(), 1);
    QTRY_COMPARE(m_page->findChild<QAbstractButton *>(QStringLiteral("statusFilterAll"))->text(),
                 QStringLiteral("All (0)"));
    QTest::qWait(20); // the buttons' new widths are laid out
    m_page->grab().save(screenshotPath(QStringLiteral("queuepage-empty.png")));

    // A post created elsewhere replaces the empty state.
    const QString id = create(QStringLiteral("First post"), std::nullopt, false);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowOf(id), 0, LoadTimeoutMs);
    QTRY_VERIFY(m_page->table()->isVisible());
}

void TestQueuePage::columnsShowEachPost() {
    const QDateTime soon = QDateTime::currentDateTimeUtc().addDays(2);
    const QString draft =
        create(QStringLiteral("Launch day #launch\nwith a second line"), std::nullopt, false);
    const QString scheduled = create(QStringLiteral("Scheduled one"), soon, true);
    Post noPrivacy = validVideoPost();
    noPrivacy.text = QStringLiteral("No privacy chosen");
    noPrivacy.tiktok.privacyLevel.clear();
    noPrivacy.accounts.clear();
    const QString unchecked = m_other->importer().create(noPrivacy, QString(), false)->post.id;
    const QDateTime far(QDate(2031, 3, 4), QTime(17, 30), Qt::UTC);
    const QString zoned =
        insertRaw(PostStatus::Failed, &far, QStringLiteral("Zoned"), QStringLiteral("Pacific/Auckland"));
    AccountRepository accounts(m_other->database());
    QVERIFY(accounts.insert(Account{QStringLiteral("acct-1"), QStringLiteral("open-1"), QStringLiteral("Ana"),
                                    false, QDateTime::currentDateTimeUtc().addDays(1),
                                    QDateTime::currentDateTimeUtc().addDays(300)},
                            QDateTime::currentDateTimeUtc()));
    startBackend();
    showPage();
    QCOMPARE(m_page->model()->rowCount(), 4);
    QVERIFY(isSorted());
    QCOMPARE(m_page->table()->objectName(), QStringLiteral("queueTable"));

    QCOMPARE(text(draft, PostTableModel::TimeColumn), QStringLiteral("As soon as possible"));
    QCOMPARE(text(draft, PostTableModel::CaptionColumn), QStringLiteral("Launch day #launch"));
    QCOMPARE(text(draft, PostTableModel::StatusColumn), QStringLiteral("Draft"));
    QCOMPARE(text(draft, PostTableModel::AccountColumn), QStringLiteral("Ana"));
    QVERIFY2(text(draft, PostTableModel::MediaColumn).startsWith(u"1 video · 0:0"),
             qPrintable(text(draft, PostTableModel::MediaColumn)));
    QCOMPARE(text(scheduled, PostTableModel::StatusColumn), QStringLiteral("Scheduled"));
    QCOMPARE(text(zoned, PostTableModel::StatusColumn), QStringLiteral("Failed"));
    QCOMPARE(text(unchecked, PostTableModel::AccountColumn), QStringLiteral("Default account"));
    // Without privacy and without an account: at least two errors, as the validator counts them.
    QVERIFY2(text(unchecked, PostTableModel::FindingsColumn).contains(u"errors"),
             qPrintable(text(unchecked, PostTableModel::FindingsColumn)));
    const QModelIndex findings =
        m_page->model()->index(m_page->model()->rowOf(unchecked), PostTableModel::FindingsColumn);
    QVERIFY(findings.data(Qt::ToolTipRole).toString().contains(u"privacy", Qt::CaseInsensitive));

    // In the post's zone, then (this computer's clock reads differently) the time here.
    const auto [there, here] = scheduleLines(PostSchedule{far, QStringLiteral("Pacific/Auckland")});
    QCOMPARE(there, QStringLiteral("Wed, 5 Mar 2031, 06:30 Pacific/Auckland"));
    QVERIFY(here.endsWith(u" your time"));
    QCOMPARE(text(zoned, PostTableModel::TimeColumn), there + u'\n' + here);
    QCOMPARE(m_page->model()
                 ->index(m_page->model()->rowOf(zoned), PostTableModel::TimeColumn)
                 .data(Qt::ToolTipRole),
             scheduleLabel(PostSchedule{far, QStringLiteral("Pacific/Auckland")}));
    const QModelIndex status =
        m_page->model()->index(m_page->model()->rowOf(zoned), PostTableModel::StatusColumn);
    QCOMPARE(status.data(PostTableModel::StatusRole).toInt(), int(PostStatus::Failed));
    QVERIFY(!status.data(PostTableModel::ProgressRole).isValid());
    QCOMPARE(status.data(PostTableModel::PostIdRole).toString(), zoned);
}

void TestQueuePage::thumbnailsArriveOffTheGuiThread() {
    const QString id = create(QStringLiteral("With a picture"), std::nullopt, false);
    startBackend();
    // Not shown: no view asks for the picture before this test does.
    m_page = std::make_unique<QueuePage>(*m_backend);
    waitForLoad();
    PostTableModel *model = m_page->model();
    const QModelIndex cell = model->index(model->rowOf(id), PostTableModel::ThumbnailColumn);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QVERIFY(cell.data(Qt::DecorationRole).value<QPixmap>().isNull()); // on its way
    QCOMPARE(StoredThumbnails::of(*m_backend).pending(), 1);
    // The cell is announced when its picture is made (the views repaint it).
    const auto announced = [&] {
        return std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &signal) {
            return signal.at(0).toModelIndex() == cell && signal.at(1).toModelIndex() == cell
                   && signal.at(2).value<QList<int>>() == QList<int>{Qt::DecorationRole};
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(announced(), LoadTimeoutMs);
    const QPixmap picture = cell.data(Qt::DecorationRole).value<QPixmap>();
    QVERIFY(!picture.isNull());
    // Scaled to the view's size once: a vertical video fills the height.
    QCOMPARE(qRound(picture.deviceIndependentSize().height()), model->thumbnailSide());
    QVERIFY(picture.deviceIndependentSize().width() < model->thumbnailSide());
}

void TestQueuePage::statusFilterShowsCounts() {
    seedEveryStatus();
    startBackend();
    showPage();
    auto *all = m_page->findChild<QAbstractButton *>(QStringLiteral("statusFilterAll"));
    auto *drafts = m_page->findChild<QAbstractButton *>(QStringLiteral("statusFilterDrafts"));
    auto *attention = m_page->findChild<QAbstractButton *>(QStringLiteral("statusFilterNeedsAttention"));
    QTRY_COMPARE(all->text(), QStringLiteral("All (11)"));
    QCOMPARE(drafts->text(), QStringLiteral("Drafts (2)")); // draft and changes requested
    QCOMPARE(attention->text(), QStringLiteral("Needs attention (1)"));
    QCOMPARE(attention->accessibleName(), QStringLiteral("Needs attention, 1 post"));

    drafts->click();
    QCOMPARE(m_page->model()->filter().statuses,
             (QList<PostStatus>{PostStatus::Draft, PostStatus::ChangesRequested}));
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 2);
    attention->click();
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->index(0, PostTableModel::StatusColumn).data().toString(),
             QStringLiteral("Needs attention"));

    // A new draft elsewhere: the count follows (after the debounce); the filtered list does not show it.
    create(QStringLiteral("Another draft"), std::nullopt, false);
    QTRY_COMPARE_WITH_TIMEOUT(drafts->text(), QStringLiteral("Drafts (3)"), LoadTimeoutMs);
    QCOMPARE(all->text(), QStringLiteral("All (12)"));
    QCOMPARE(m_page->model()->rowCount(), 1);
    all->click();
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 12);
}

void TestQueuePage::searchNarrowsCaptionsAfterAPause() {
    create(QStringLiteral("Morning routine #coffee"), std::nullopt, false);
    create(QStringLiteral("Evening COFFEE tasting"), std::nullopt, false);
    create(QStringLiteral("Launch day"), std::nullopt, false);
    startBackend();
    showPage();
    QCOMPARE(m_page->model()->rowCount(), 3);
    auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search->isClearButtonEnabled());
    m_page->table()->setFocus();
    QTest::keySequence(m_page.get(), QKeySequence::Find);
    QTRY_VERIFY(search->hasFocus());

    QSignalSpy filterChanged(m_page->filterBar(), &QueueFilterBar::filterChanged);
    QTest::keyClicks(search, QStringLiteral("coffee"));
    QCOMPARE(filterChanged.count(), 0); // not per key
    QTRY_COMPARE(filterChanged.count(), 1);
    QCOMPARE(filterChanged.first().first().value<PostFilter>().captionContains, QStringLiteral("coffee"));
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 2);
    auto *all = m_page->findChild<QAbstractButton *>(QStringLiteral("statusFilterAll"));
    QTRY_COMPARE(all->text(), QStringLiteral("All (2)")); // the counts follow the search

    search->clear();
    QTRY_COMPARE(filterChanged.count(), 2);
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 3);

    QTest::keyClicks(search, QStringLiteral("nothing like it"));
    QTRY_COMPARE(filterChanged.count(), 3);
    waitForLoad();
    auto *empty = m_page->findChild<QWidget *>(QStringLiteral("emptyState"));
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("emptyStateText"))->text(),
             QStringLiteral("No posts match these filters."));
    m_page->findChild<QAbstractButton *>(QStringLiteral("clearFiltersButton"))->click();
    QCOMPARE(search->text(), QString());
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 3);
}

void TestQueuePage::accountAndDateRangeNarrowTheQueue() {
    AccountRepository accounts(m_other->database());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(accounts.insert(Account{QStringLiteral("acct-1"), QStringLiteral("open-1"), QStringLiteral("Ana"),
                                    true, now.addDays(1), now.addDays(300)},
                            now));
    QVERIFY(accounts.insert(Account{QStringLiteral("acct-2"), QStringLiteral("open-2"), QStringLiteral("Bo"),
                                    false, now.addDays(1), now.addDays(300)},
                            now));
    const QDateTime inTenDays = now.addDays(10);
    const QDateTime inFortyDays = now.addDays(40);
    const QString soon =
        insertRaw(PostStatus::Scheduled, &inTenDays, QStringLiteral("Soon"), QStringLiteral("UTC"));
    const QString later =
        insertRaw(PostStatus::Scheduled, &inFortyDays, QStringLiteral("Later"), QStringLiteral("UTC"));
    StoredPost other = m_template;
    other.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    other.content.accounts = {QStringLiteral("acct-2")};
    other.content.text = QStringLiteral("For Bo");
    other.createdAt = other.updatedAt = now.addSecs(-3600);
    QVERIFY(m_other->posts().repository().insert(other));
    startBackend();
    showPage();
    QCOMPARE(m_page->model()->rowCount(), 3);
    QCOMPARE(text(other.id, PostTableModel::AccountColumn), QStringLiteral("Bo"));

    auto *account = m_page->findChild<QComboBox *>(QStringLiteral("accountFilter"));
    QCOMPARE(account->count(), 3); // all, Ana, Bo
    QCOMPARE(account->itemText(2), QStringLiteral("Bo"));
    account->setCurrentIndex(2);
    Q_EMIT account->activated(2);
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->rowAt(0).id, other.id);
    account->setCurrentIndex(1);
    Q_EMIT account->activated(1);
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 2);

    // The next 30 days (the default range once "Any time" is off): the post in 40 days is outside.
    auto *anyTime = m_page->findChild<QAbstractButton *>(QStringLiteral("anyTimeCheck"));
    auto *to = m_page->findChild<QDateEdit *>(QStringLiteral("toDate"));
    QVERIFY(!to->isEnabled());
    anyTime->click();
    QVERIFY(to->isEnabled());
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->rowAt(0).id, soon);
    to->setDate(QDate::currentDate().addDays(45));
    waitForLoad();
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(m_page->model()->rowOf(later), 1);
    QVERIFY(m_page->filterBar()->filter().beforeUtc.has_value());
}

void TestQueuePage::loadsPagesLazily() {
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(1);
    insertMany(450, start, 60'000, {PostStatus::Scheduled, PostStatus::Draft});
    startBackend();
    m_page = std::make_unique<QueuePage>(*m_backend); // not shown: only explicit fetchMore loads
    PostTableModel *model = m_page->model();
    waitForLoad();
    QCOMPARE(model->rowCount(), PostTableModel::PageSize);
    QVERIFY(model->canFetchMore({}));

    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    model->fetchMore({});
    model->fetchMore({}); // a page is on its way: no second request
    QVERIFY(model->isLoading());
    waitForLoad();
    QCOMPARE(model->rowCount(), 2 * PostTableModel::PageSize);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), PostTableModel::PageSize);
    QCOMPARE(inserted.first().at(2).toInt(), 2 * PostTableModel::PageSize - 1);
    model->fetchMore({});
    waitForLoad();
    QCOMPARE(model->rowCount(), 450);
    QVERIFY(!model->canFetchMore({}));
    QVERIFY(model->isComplete());
    QVERIFY(isSorted());

    // The view asks for pages by itself as it scrolls to the end.
    model->setFilter({});
    m_page->resize(1000, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    waitForLoad();
    QCOMPARE(model->rowCount(), PostTableModel::PageSize);
    for (int i = 0; i < 10 && model->rowCount() < 450; ++i) {
        m_page->table()->scrollToBottom();
        QTest::qWait(50);
        waitForLoad();
    }
    QCOMPARE(model->rowCount(), 450);

    // The model tester, which fetches whatever it can, on the whole queue.
    model->setFilter({});
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 450, LoadTimeoutMs);
}

void TestQueuePage::followsChangesFromAnotherSession() {
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(1);
    const QString first = create(QStringLiteral("First"), base, true);
    const QString second = create(QStringLiteral("Second"), base.addSecs(3600), true);
    const QString third = create(QStringLiteral("Third"), base.addSecs(7200), true);
    startBackend(std::chrono::milliseconds(50));
    showPage();
    PostTableModel *model = m_page->model();
    QCOMPARE(model->rowCount(), 3);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy moved(model, &QAbstractItemModel::rowsMoved);

    // Cancelled by someone else: the row says so, in place.
    QVERIFY(m_other->posts().cancel(second, QStringLiteral("not this week")));
    QTRY_COMPARE_WITH_TIMEOUT(text(second, PostTableModel::StatusColumn), QStringLiteral("Cancelled"),
                              LoadTimeoutMs);
    QCOMPARE(model->rowOf(second), 1);

    // Moved after the third: the row moves with it.
    QVERIFY(m_other->posts().schedule(first, base.addSecs(3 * 3600), QStringLiteral("UTC")));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(first), 2, LoadTimeoutMs);
    QCOMPARE(moved.count(), 1);
    QVERIFY(isSorted());

    // Created elsewhere: inserted at its place (everything is loaded).
    const QString early = create(QStringLiteral("Early"), std::nullopt, false);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(early), 0, LoadTimeoutMs);
    QCOMPARE(model->rowCount(), 4);

    // Deleted through the Backend (by another page, say): the row goes. (The poll cannot see a
    // post deleted by another process: nothing of it is left to find.)
    QObject context;
    m_backend->perform(second, PostAction::Delete, {}, &context, [](auto) {});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, LoadTimeoutMs);
    QCOMPARE(model->rowOf(second), -1);

    // Under a status filter, a post that leaves the filter leaves the list.
    m_page->findChild<QAbstractButton *>(QStringLiteral("statusFilterScheduled"))->click();
    waitForLoad();
    QCOMPARE(model->rowCount(), 2);
    reset.clear();
    QVERIFY(m_other->posts().cancel(third));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, LoadTimeoutMs);
    QCOMPARE(model->rowOf(first), 0);
    QCOMPARE(reset.count(), 0); // never a reset for a change
}

void TestQueuePage::changesBeyondTheLoadedPagesWaitForTheirPage() {
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(1);
    insertMany(300, start, 60'000, {PostStatus::Scheduled});
    startBackend(std::chrono::milliseconds(50));
    showPage(false);
    PostTableModel *model = m_page->model();
    QCOMPARE(model->rowCount(), PostTableModel::PageSize);

    // Within the loaded range: inserted where it belongs.
    const QDateTime inside = start.addSecs(30);
    const QString near =
        insertRaw(PostStatus::Scheduled, &inside, QStringLiteral("Inside"), QStringLiteral("UTC"), 0);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(near), 1, LoadTimeoutMs);
    // Beyond it: left to the page that will bring it.
    const QDateTime beyond = start.addDays(30);
    const QString later =
        insertRaw(PostStatus::Scheduled, &beyond, QStringLiteral("Beyond"), QStringLiteral("UTC"), 0);
    const QDateTime inside2 = start.addSecs(90);
    const QString marker =
        insertRaw(PostStatus::Scheduled, &inside2, QStringLiteral("Marker"), QStringLiteral("UTC"), 0);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(marker) >= 0, LoadTimeoutMs); // the poll saw both
    QCOMPARE(model->rowOf(later), -1);
    QCOMPARE(model->rowCount(), PostTableModel::PageSize + 2);
    // A loaded post moved beyond the loaded range leaves until its page comes.
    const QString movedAway = model->rowAt(5).id;
    QVERIFY(m_other->posts().schedule(movedAway, start.addDays(20), QStringLiteral("UTC")));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(movedAway), -1, LoadTimeoutMs);

    while (model->canFetchMore({})) {
        model->fetchMore({});
        waitForLoad();
    }
    QCOMPARE(model->rowCount(), 303);
    QCOMPARE(model->rowOf(later), 302);
    QCOMPARE(model->rowOf(movedAway), 301);
    QVERIFY(isSorted());
}

void TestQueuePage::uploadProgressRepaintsOneRow() {
    const QString publishing = create(QStringLiteral("Uploading"), std::nullopt, true);
    const QString other = create(QStringLiteral("Waiting"), std::nullopt, true);
    QVERIFY(*m_other->posts().claim(publishing, PostStatus::Scheduled, QStringLiteral("runner-x"),
                                    QDateTime::currentDateTimeUtc().addSecs(600), {}));
    startBackend();
    showPage();
    PostTableModel *model = m_page->model();
    QCOMPARE(text(publishing, PostTableModel::StatusColumn), QStringLiteral("Publishing"));
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    Q_EMIT m_backend->uploadProgress(publishing, 512, 1024);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), model->rowOf(publishing));
    QCOMPARE(changed.first().at(1).toModelIndex().row(), model->rowOf(publishing));
    QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{PostTableModel::ProgressRole});
    const QModelIndex status = model->index(model->rowOf(publishing), PostTableModel::StatusColumn);
    QCOMPARE(status.data(PostTableModel::ProgressRole).toInt(), 50);
    Q_EMIT m_backend->uploadProgress(publishing, 515, 1024); // still 50 %: no repaint
    QCOMPARE(changed.count(), 1);
    Q_EMIT m_backend->uploadProgress(other, 10, 100); // not uploading: no progress shown
    QVERIFY(!model->index(model->rowOf(other), 0).data(PostTableModel::ProgressRole).isValid());
    m_page->table()->viewport()->grab(); // the delegate paints a bar (no crash, no warning)
}

void TestQueuePage::seedEveryStatus() {
    // One post in each of the eleven statuses, through the lifecycle where a person or runner would
    // move it there, directly otherwise.
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(3);
    create(QStringLiteral("A draft"), std::nullopt, false);
    create(QStringLiteral("Scheduled"), later, true);
    const QString publishing = create(QStringLiteral("Publishing"), std::nullopt, true);
    const QString failed = create(QStringLiteral("Failed"), std::nullopt, true);
    const QString unknown = create(QStringLiteral("Unknown outcome"), std::nullopt, true);
    const QString cancelled = create(QStringLiteral("Cancelled"), later.addSecs(60), true);
    PostLifecycle &posts = m_other->posts();
    const QDateTime lease = QDateTime::currentDateTimeUtc().addSecs(600);
    QVERIFY2(*posts.claim(publishing, PostStatus::Scheduled, QStringLiteral("runner-x"), lease, {}), "claim");
    QVERIFY2(*posts.claim(failed, PostStatus::Scheduled, QStringLiteral("runner-x"), lease, {}), "claim");
    PublishAttempt attempt;
    attempt.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    attempt.postId = failed;
    attempt.runner = QStringLiteral("runner-x");
    attempt.startedAt = QDateTime::currentDateTimeUtc();
    attempt.finishedAt = attempt.startedAt;
    attempt.outcome = AttemptOutcome::Failed;
    attempt.errorMessage = QStringLiteral("spam_risk_too_many_posts");
    QVERIFY2(posts.settle(attempt, PostAction::Fail, QStringLiteral("TikTok refused it")), "fail");
    QVERIFY2(posts.advance(unknown, PostAction::MarkUnknown, QStringLiteral("no answer")), "unknown");
    QVERIFY2(posts.cancel(cancelled), "cancel");
    const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-2);
    insertRaw(PostStatus::Published, &past, QStringLiteral("Published"), QStringLiteral("UTC"));
    insertRaw(PostStatus::InReview, &later, QStringLiteral("In review"), QStringLiteral("UTC"));
    insertRaw(PostStatus::ChangesRequested, nullptr, QStringLiteral("Changes requested"),
              QStringLiteral("UTC"));
    insertRaw(PostStatus::Approved, &later, QStringLiteral("Approved"), QStringLiteral("UTC"));
    insertRaw(PostStatus::Processing, &past, QStringLiteral("Processing"), QStringLiteral("UTC"));
}

void TestQueuePage::actionsNeedEverySelectedPostToAllowThem() {
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(3);
    const QString scheduled = create(QStringLiteral("Scheduled"), later, true);
    const QString draft = create(QStringLiteral("Draft"), std::nullopt, false);
    const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-2);
    const QString published =
        insertRaw(PostStatus::Published, &past, QStringLiteral("Published"), QStringLiteral("UTC"));
    startBackend();
    showPage();
    QAction *cancel = action("cancelAction");
    QAction *retry = action("retryAction");
    QAction *remove = action("deleteAction");
    QAction *reschedule = action("rescheduleAction");
    QVERIFY(!cancel->isEnabled()); // nothing selected
    QVERIFY(cancel->toolTip().startsWith(u"Select posts first."));

    select({scheduled, draft});
    QVERIFY(cancel->isEnabled());
    QVERIFY(reschedule->isEnabled()); // drafts can be scheduled without approval
    QVERIFY(!retry->isEnabled());
    // The first selected post that refuses (the draft: as soon as possible comes first) says why.
    QCOMPARE(retry->toolTip(), u"Not for every selected post. "
                                   + Lifecycle::whyNot(PostAction::Retry, PostStatus::Draft, false));
    QVERIFY(!remove->isEnabled()); // a scheduled post must be cancelled first

    select({scheduled, published});
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(cancel->toolTip(), u"Not for every selected post. "
                                    + Lifecycle::whyNot(PostAction::Cancel, PostStatus::Published, false));
    auto *cancelButton = m_page->findChild<QAbstractButton *>(QStringLiteral("cancelButton"));
    QVERIFY(!cancelButton->isEnabled());
    QCOMPARE(cancelButton->toolTip(), cancel->toolTip());

    select({draft, published});
    QVERIFY(remove->isEnabled());
    QVERIFY(
        remove->toolTip().contains(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)));

    // Ctrl+A selects every row.
    m_page->table()->setFocus();
    QTest::keySequence(m_page->table(), QKeySequence::SelectAll);
    QCOMPARE(m_page->selectedPostIds().size(), 3);
    QTRY_COMPARE(m_page->findChild<QLabel *>(QStringLiteral("selectionSummary"))->text(),
                 QStringLiteral("3 posts selected"));
}

void TestQueuePage::cancelsAMultiSelection() {
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(3);
    QStringList ids;
    for (int i = 0; i < 4; ++i) {
        ids << create(QStringLiteral("Post %1").arg(i), later.addSecs(i * 60), true);
    }
    startBackend();
    showPage();
    select(ids.mid(0, 3));
    QVERIFY(action("cancelAction")->isEnabled());
    m_page->findChild<QAbstractButton *>(QStringLiteral("cancelButton"))->click();
    for (const QString &id : ids.mid(0, 3)) {
        QTRY_COMPARE_WITH_TIMEOUT(text(id, PostTableModel::StatusColumn), QStringLiteral("Cancelled"),
                                  LoadTimeoutMs);
        QCOMPARE(m_other->posts().repository().get(id)->status, PostStatus::Cancelled);
    }
    QCOMPARE(text(ids.at(3), PostTableModel::StatusColumn), QStringLiteral("Scheduled"));
    // Cancelled posts cannot be cancelled again: the action says so.
    QTRY_VERIFY(!action("cancelAction")->isEnabled());
    QVERIFY(!m_page->findChild<InlineMessage *>(QStringLiteral("queueMessage"))->isVisible());
}

void TestQueuePage::deleteAsksFirstNamingHowMany() {
    const QString a = create(QStringLiteral("Draft A"), std::nullopt, false);
    const QString b = create(QStringLiteral("Draft B"), std::nullopt, false);
    const QString keep = create(QStringLiteral("Draft C"), std::nullopt, false);
    startBackend();
    showPage();
    select({a, b});
    m_page->table()->setFocus();
    QTest::keyClick(m_page->table(), Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))));
    QCOMPARE(box->text(), QStringLiteral("Delete 2 posts?"));
    // Saying no keeps them.
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(100);
    QCOMPARE(m_page->model()->rowCount(), 3);

    action("deleteAction")->trigger();
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))));
    box->findChild<QAbstractButton *>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 1, LoadTimeoutMs);
    QCOMPARE(m_page->model()->rowAt(0).id, keep);
    QVERIFY(!m_other->posts().repository().get(a));
}

void TestQueuePage::reschedulesByAnOffset() {
    const QDateTime at = QDateTime::currentDateTimeUtc().addDays(3);
    const QDateTime first(at.date(), QTime(16, 30), Qt::UTC);
    const QString a =
        insertRaw(PostStatus::Scheduled, &first, QStringLiteral("Berlin"), QStringLiteral("Europe/Berlin"));
    const QDateTime secondAt = first.addSecs(600);
    const QString b =
        insertRaw(PostStatus::Scheduled, &secondAt, QStringLiteral("Tokyo"), QStringLiteral("Asia/Tokyo"));
    startBackend();
    showPage();
    select({a, b});
    action("rescheduleAction")->trigger();
    RescheduleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<RescheduleDialog *>(QStringLiteral("rescheduleDialog"))));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("rescheduleSummary"))
                ->text()
                .startsWith(u"Moves 2 posts 1 hour later."));
    dialog->findChild<QSpinBox *>(QStringLiteral("offsetAmount"))->setValue(2);
    auto *unit = dialog->findChild<QComboBox *>(QStringLiteral("offsetUnit"));
    unit->setCurrentIndex(unit->findData(int(RescheduleOffset::Unit::Days)));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("rescheduleSummary"))->text().section(u'.', 0, 0),
             QStringLiteral("Moves 2 posts 2 days later"));
    dialog->grab().save(screenshotPath(QStringLiteral("queuepage-reschedule.png")));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(m_other->posts().repository().get(a)->schedule.atUtc, first.addDays(2),
                              LoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_other->posts().repository().get(b)->schedule.atUtc, secondAt.addDays(2),
                              LoadTimeoutMs);
    QCOMPARE(m_other->posts().repository().get(b)->schedule.timeZone, QStringLiteral("Asia/Tokyo"));
    QTRY_COMPARE(m_page->model()
                     ->index(m_page->model()->rowOf(a), 0)
                     .data(PostTableModel::ScheduledAtRole)
                     .toDateTime(),
                 first.addDays(2));
}

void TestQueuePage::moveUpAndDownSwapTimesWithinAnAccount() {
    // Three scheduled posts of acct-1 and, between them, one of another account: reordering an
    // account's queue trades times with its own neighbour only.
    const QDateTime day(QDateTime::currentDateTimeUtc().date().addDays(3), QTime(17, 30), Qt::UTC);
    const QDateTime t1 = day, t2 = day.addSecs(3600), t3 = day.addSecs(7200), t4 = day.addSecs(10800);
    const QString a =
        insertRaw(PostStatus::Scheduled, &t1, QStringLiteral("First"), QStringLiteral("Europe/Berlin"));
    const QString b =
        insertRaw(PostStatus::Scheduled, &t2, QStringLiteral("Other account"), QStringLiteral("UTC"));
    {
        StoredPost moved = *m_other->posts().repository().get(b);
        moved.content.accounts = {QStringLiteral("acct-2")};
        QVERIFY(m_other->posts().repository().update(moved, moved.revision));
    }
    const QString c =
        insertRaw(PostStatus::Scheduled, &t3, QStringLiteral("Second"), QStringLiteral("Europe/Berlin"));
    const QString d =
        insertRaw(PostStatus::Published, &t4, QStringLiteral("Out"), QStringLiteral("Europe/Berlin"));
    startBackend();
    showPage();
    select({c});
    QVERIFY(action("moveUpAction")->isEnabled());
    QVERIFY(!action("moveDownAction")->isEnabled()); // the next post of acct-1 is published: it cannot move
    action("moveUpAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_other->posts().repository().get(c)->schedule.atUtc, t1, LoadTimeoutMs);
    QCOMPARE(m_other->posts().repository().get(a)->schedule.atUtc, t3);
    QCOMPARE(m_other->posts().repository().get(b)->schedule.atUtc, t2);
    QCOMPARE(m_other->posts().repository().get(d)->schedule.atUtc, t4);
    select({b});
    QVERIFY(!action("moveUpAction")->isEnabled()); // alone in its account
    QCOMPARE(action("moveUpAction")->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Up));
}

void TestQueuePage::backendErrorsShowInline() {
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(3600);
    const QString id = insertRaw(PostStatus::Scheduled, &at, QStringLiteral("Soon"), QStringLiteral("UTC"));
    startBackend();
    showPage();
    select({id});
    action("rescheduleAction")->trigger();
    RescheduleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<RescheduleDialog *>(QStringLiteral("rescheduleDialog"))));
    dialog->setOffset({-2, RescheduleOffset::Unit::Days}); // into the past: the lifecycle refuses
    dialog->accept();
    auto *message = m_page->findChild<InlineMessage *>(QStringLiteral("queueMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), LoadTimeoutMs);
    QCOMPARE(message->kind(), InlineMessage::Kind::Error);
    QVERIFY2(message->text().startsWith(u"Could not reschedule the post:"), qPrintable(message->text()));
    QCOMPARE(message->accessibleName(), QStringLiteral("Error"));
    QCOMPARE(text(id, PostTableModel::StatusColumn), QStringLiteral("Scheduled"));
    m_page->grab().save(screenshotPath(QStringLiteral("queuepage-error.png")));
}

void TestQueuePage::currentPostAndEditRequests() {
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(1);
    const QString a = create(QStringLiteral("A"), later, false);
    const QString b = create(QStringLiteral("B"), later.addSecs(60), false);
    startBackend();
    showPage();
    QSignalSpy current(m_page.get(), &QueuePage::currentPostChanged);
    QSignalSpy edit(m_page.get(), &QueuePage::editRequested);
    QVERIFY(m_page->selectPost(b));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.last().first().toString(), b);
    QCOMPARE(m_page->currentPostId(), b);
    m_page->table()->setFocus();
    QTest::keyClick(m_page->table(), Qt::Key_Up);
    QCOMPARE(current.last().first().toString(), a);
    QTest::keyClick(m_page->table(), Qt::Key_Return);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.first().first().toString(), a);
    const QRect cell = m_page->table()->visualRect(m_page->model()->index(m_page->model()->rowOf(b), 3));
    // QTest's double click alone does not press first (the view activates what was pressed).
    QTest::mouseClick(m_page->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(m_page->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(edit.count(), 2);
    QCOMPARE(edit.last().first().toString(), b);
}

void TestQueuePage::screenshot() {
    seedEveryStatus();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3 * 86400);
    using enum PostStatus;
    insertMany(300, start, 37 * 60'000,
               {Scheduled, Scheduled, Published, Draft, Failed, NeedsAttention, InReview, Cancelled, Approved,
                ChangesRequested, Scheduled});
    startBackend();
    showPage();
    PostTableModel *model = m_page->model();
    // Uploading: one post in publishing shows its bar.
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->rowAt(row).status == PostStatus::Publishing) {
            Q_EMIT m_backend->uploadProgress(model->rowAt(row).id, 42, 100);
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_page->findChild<QAbstractButton *>(QStringLiteral("statusFilterAll"))->text().endsWith(u"All"),
        LoadTimeoutMs);
    m_page->table()->viewport()->grab(); // asks for the visible thumbnails
    QTRY_COMPARE_WITH_TIMEOUT(StoredThumbnails::of(*m_backend).pending(), 0, LoadTimeoutMs);
    select({model->rowAt(2).id, model->rowAt(3).id});
    QTest::qWait(50);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("queuepage.png"))));

    // The same in a dark palette: badges mix from it, nothing vanishes.
    const QPalette dark = cq::test::darkPalette();
    m_page->setPalette(dark);
    QTest::qWait(50);
    QVERIFY(m_page->grab().save(screenshotPath(QStringLiteral("queuepage-dark.png"))));
}

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QLocale::setDefault(QLocale::c());
    TestQueuePage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_queuepage.moc"
